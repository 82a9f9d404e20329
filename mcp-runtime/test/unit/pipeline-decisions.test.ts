import { describe, expect, it } from '@jest/globals';
import { LmoError, parseUsageEvent } from '@lmo/contracts';
import { ArgumentHistory } from '../../src/mcp/argument-history.ts';
import { promptToolName, renderTemplate } from '../../src/mcp/prompt-templates.ts';
import { isCacheable, statusOf } from '../../src/pipeline/llm-gateway.ts';
import { usageEventOf } from '../../src/pipeline/service-adapters.ts';
import { parseRuntimeOptions } from '../../src/runtime-options.ts';

describe('prompt templates', () => {
  it('fills {{placeholders}} and leaves unknown ones', () => {
    expect(renderTemplate('Hi {{ name }}, {{missing}}!', { name: 'Ada' })).toBe('Hi Ada, {{missing}}!');
    expect(promptToolName({ name: 'summarize' })).toBe('prompt_summarize');
  });

  it('suggests recently used argument values by prefix, newest first, per prompt', () => {
    const history = new ArgumentHistory();
    history.remember('t', { language: 'German' });
    history.remember('t', { language: 'Greek' });
    history.remember('other', { language: 'Gaelic' });
    expect(history.suggest('t', 'language', 'g')).toEqual(['Greek', 'German']);
    expect(history.suggest('t', 'language', 'Ger')).toEqual(['German']);
  });
});

describe('pipeline decisions', () => {
  it('caches deterministic calls and opted-in ones only', () => {
    expect(isCacheable(0, undefined)).toBe(true);
    expect(isCacheable(0.7, undefined)).toBe(false);
    expect(isCacheable(0.7, true)).toBe(true);
  });

  it('maps failures to usage statuses', () => {
    const live = new AbortController().signal;
    expect(statusOf(new LmoError('LMO_PROVIDER_TIMEOUT'), live)).toBe('timeout');
    expect(statusOf(new LmoError('LMO_QUOTA_EXCEEDED'), live)).toBe('quota_exceeded');
    expect(statusOf(new LmoError('LMO_TOOL_INPUT_INVALID'), live)).toBe('invalid_request');
    expect(statusOf(new Error('boom'), live)).toBe('error');
    expect(statusOf(new Error('gone'), AbortSignal.abort())).toBe('cancelled');
  });

  it('builds usage events that pass the shared schema', () => {
    const context = {
      principal: { tenant: 'acme', keyId: 'abcdefabcdef' },
      requestId: 'req-00000001',
      transport: 'rest' as const,
      signal: new AbortController().signal,
    };
    const base = {
      context,
      provider: 'echo',
      model: 'echo-1',
      usage: { tokensIn: 3, tokensOut: 5 },
      cached: false,
      latencyMs: 12.3456,
    };
    const ok = usageEventOf({ ...base, status: 'ok' }, new Date('2026-11-22T10:00:00Z'));
    expect(parseUsageEvent(ok).ok).toBe(true);
    expect(ok.errorCode).toBeUndefined();
    const failed = usageEventOf(
      { ...base, status: 'error', error: new LmoError('LMO_PROVIDER_ERROR') },
      new Date(),
    );
    expect(failed.errorCode).toBe('LMO_PROVIDER_ERROR');
    const cancelled = usageEventOf(
      { ...base, status: 'cancelled', error: new LmoError('LMO_INTERNAL') },
      new Date(),
    );
    expect(cancelled.errorCode).toBeUndefined();
    expect(parseUsageEvent(cancelled).ok).toBe(true);
  });
});

describe('runtime options', () => {
  it('requires --config and applies defaults', () => {
    const result = parseRuntimeOptions({ config: '/etc/lmo/config' }, {});
    expect(result.ok && result.options.secretsDir).toBe('/etc/lmo/config');
    expect(result.ok && result.options.kafkaBrokers).toBeUndefined();
    expect(parseRuntimeOptions({}, {}).ok).toBe(false);
  });

  it('reads the environment, lets flags win, and lists every problem at once', () => {
    const env = { LMO_CONFIG_DIR: '/c', KAFKA_BROKERS: 'a:1, b:2', LMO_PORT: '9000' };
    const result = parseRuntimeOptions({ port: '8000' }, env);
    expect(result.ok && result.options.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(result.ok && result.options.port).toBe(8000);
    const bad = parseRuntimeOptions(
      { config: '/c', port: 'x', 'log-level': 'loud', 'log-prompts': 'maybe' },
      {},
    );
    expect(bad.ok ? [] : bad.problems).toHaveLength(3);
  });
});
