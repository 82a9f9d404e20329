// The runtime publishes the events it builds (usageEventOf) without the schema check on the hot
// path; this holds every kind of event it builds to the schema instead.
import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, LmoError, parseUsageEvent, TRANSPORTS, USAGE_STATUSES } from '@lmo/contracts';
import { usageRecord } from '../../src/metering/index.ts';
import type { MeterRecord } from '../../src/pipeline/llm-gateway.ts';
import { usageEventOf } from '../../src/pipeline/service-adapters.ts';

const signal = new AbortController().signal;

const baseContext = {
  principal: { tenant: 'acme-corp', keyId: 'abcdef012345' },
  requestId: '6f1c2a9e-1d4b-4c1e-9a57-3e2d8c0b7f11',
  transport: 'streamable-http',
  signal,
} as const;

function record(overrides: Partial<MeterRecord> = {}): MeterRecord {
  return {
    context: { ...baseContext, tool: 'ask' },
    provider: 'openai-compatible',
    model: 'a'.repeat(200),
    usage: { tokensIn: 12, tokensOut: 345 },
    cached: false,
    latencyMs: 3.14159,
    status: 'ok',
    ...overrides,
  };
}

/** The trusted line must be exactly what the full check would have written. */
function expectSameAsChecked(meter: MeterRecord): void {
  const event = usageEventOf(meter, new Date('2026-11-22T10:00:00Z'));
  expect(parseUsageEvent(event)).toMatchObject({ ok: true });
  expect(usageRecord(event, { trusted: true })).toEqual(usageRecord(event));
}

describe('trusted usage events', () => {
  it('are exactly the checked ones for every status, transport, tool and error code', () => {
    const tools = [undefined, 'ask', 'chat', 'embed', 'search_knowledge', `prompt_${'p'.repeat(63)}`];
    for (const status of USAGE_STATUSES) {
      for (const transport of TRANSPORTS) {
        for (const tool of tools) {
          const context = { ...baseContext, transport, ...(tool === undefined ? {} : { tool }) };
          expectSameAsChecked(record({ status, context }));
        }
      }
    }
    for (const code of ERROR_CODES) {
      expectSameAsChecked(
        record({ status: 'error', error: new LmoError(code), usage: { tokensIn: 0, tokensOut: 0 } }),
      );
    }
  });

  it('keep the request ids and key ids the runtime accepts, cache hits and zero latencies', () => {
    for (const requestId of ['req-ABC:1.x', `a${'b'.repeat(127)}`]) {
      const context = { ...record().context, requestId, principal: { tenant: 'a', keyId: 'stdio' } };
      expectSameAsChecked(
        record({ context, cached: true, usage: { tokensIn: 0, tokensOut: 0 }, latencyMs: 0 }),
      );
    }
  });

  it('still take the full check when a number from outside is off', () => {
    for (const usage of [
      { tokensIn: -1, tokensOut: 0 },
      { tokensIn: 1.5, tokensOut: 0 },
      { tokensIn: 0, tokensOut: Number.NaN },
    ]) {
      const event = usageEventOf(record({ usage }), new Date());
      expect(() => usageRecord(event, { trusted: true })).toThrow(LmoError);
    }
    const late = usageEventOf(record({ latencyMs: Number.POSITIVE_INFINITY }), new Date());
    expect(() => usageRecord(late, { trusted: true })).toThrow(LmoError);
  });
});
