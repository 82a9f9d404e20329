import { describe, expect, it } from '@jest/globals';
import { isCacheable, responseCacheKey, type CacheKeyInput } from '../../src/cache/index.ts';

const input: CacheKeyInput = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  temperature: 0,
  maxTokens: 256,
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is MCP?' },
  ],
  kind: 'complete',
};

describe('responseCacheKey', () => {
  it('is lmo:cache:{tenant}: and a SHA-256 in hex', () => {
    expect(responseCacheKey('acme', input)).toMatch(/^lmo:cache:\{acme\}:[0-9a-f]{64}$/);
  });

  it('does not depend on the order of object keys', () => {
    const reordered = {
      kind: 'complete',
      messages: input.messages.map((m) => ({ content: m.content, role: m.role })),
      maxTokens: 256,
      temperature: 0,
      model: 'gpt-4o-mini',
      provider: 'openai',
    } as const;

    expect(responseCacheKey('acme', reordered)).toBe(responseCacheKey('acme', input));
  });

  it.each([
    ['tenant', 'globex', {}],
    ['provider', 'acme', { provider: 'anthropic' }],
    ['model', 'acme', { model: 'gpt-4o' }],
    ['temperature', 'acme', { temperature: 0.1 }],
    ['maxTokens', 'acme', { maxTokens: 257 }],
    ['kind', 'acme', { kind: 'summarize' }],
    ['a message', 'acme', { messages: [{ role: 'user', content: 'What is MCP? ' }] }],
    ['a role', 'acme', { messages: [{ role: 'assistant', content: 'What is MCP?' }] }],
  ] as const)('changes with %s', (_what, tenant, change) => {
    expect(responseCacheKey(tenant, { ...input, ...change })).not.toBe(responseCacheKey('acme', input));
  });

  it('ignores fields of a message other than role and content', () => {
    const messages = input.messages.map((m) => ({ ...m, name: 'x' }));

    expect(responseCacheKey('acme', { ...input, messages })).toBe(responseCacheKey('acme', input));
  });
});

describe('isCacheable', () => {
  it('caches at temperature 0, or above it when the caller opts in', () => {
    expect(isCacheable({ temperature: 0 })).toBe(true);
    expect(isCacheable({ temperature: 0.7 })).toBe(false);
    expect(isCacheable({ temperature: 0.7, optIn: false })).toBe(false);
    expect(isCacheable({ temperature: 0.7, optIn: true })).toBe(true);
  });
});
