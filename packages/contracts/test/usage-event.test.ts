import { describe, expect, it } from '@jest/globals';
import { parseUsageEvent, USAGE_EVENT_TOPIC, usageEventKey, type UsageEventV1 } from '@lmo/contracts';

const event: UsageEventV1 = {
  version: 1,
  eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  requestId: 'req-7c9e6679-7425-40de-944b',
  tenant: 'acme',
  keyId: 'key_01HZX3',
  model: 'gpt-4o-mini',
  provider: 'openai',
  tokensIn: 120,
  tokensOut: 48,
  cached: false,
  latencyMs: 812.5,
  status: 'ok',
  transport: 'streamable-http',
  tool: 'ask',
  time: '2026-03-01T12:00:00.123Z',
};

const without = (key: keyof UsageEventV1): Record<string, unknown> =>
  Object.fromEntries(Object.entries(event).filter(([k]) => k !== key));

describe('parseUsageEvent', () => {
  it('accepts a complete event', () => {
    expect(parseUsageEvent(event)).toEqual({ ok: true, value: event });
  });

  it('accepts the message text as read from Kafka', () => {
    expect(parseUsageEvent(JSON.stringify(event))).toEqual({ ok: true, value: event });
  });

  it.each(['eventId', 'tool'] as const)('accepts an event without the optional %s', (key) => {
    expect(parseUsageEvent(without(key)).ok).toBe(true);
  });

  it('accepts a failed request with its error code', () => {
    const failed = { ...event, status: 'error', errorCode: 'LMO_PROVIDER_TIMEOUT', tokensOut: 0 };
    expect(parseUsageEvent(failed)).toEqual({ ok: true, value: failed });
  });

  it('drops fields it does not know, so v1 can grow', () => {
    const result = parseUsageEvent({ ...event, region: 'eu-west-1' });
    expect(result).toEqual({ ok: true, value: event });
  });

  it('does not mutate its input', () => {
    const input = Object.freeze({ ...event, region: 'eu-west-1' });
    parseUsageEvent(input);
    expect(input).toHaveProperty('region', 'eu-west-1');
  });

  it.each([
    'requestId',
    'tenant',
    'keyId',
    'model',
    'provider',
    'tokensIn',
    'tokensOut',
    'cached',
    'latencyMs',
    'status',
    'transport',
    'time',
    'version',
  ] as const)('requires %s', (key) => {
    expect(parseUsageEvent(without(key))).toEqual({
      ok: false,
      issues: [{ path: `/${key}`, message: 'is required' }],
    });
  });

  it.each([
    ['version', 2, 'must be 1'],
    ['eventId', 'not-a-uuid', 'must be a valid uuid'],
    ['requestId', 'short', /^must match the pattern/],
    ['tenant', 'Acme', /^must match the pattern/],
    ['tenant', 'a'.repeat(41), 'must be at most 40 characters'],
    ['keyId', 'key with spaces', /^must match the pattern/],
    ['model', '', 'must be at least 1 character'],
    ['provider', 'azure', /^must be one of: "openai"/],
    ['tokensIn', -1, 'must be >= 0'],
    ['tokensOut', 1.5, 'must be an integer'],
    ['cached', 'no', 'must be a boolean'],
    ['latencyMs', -0.5, 'must be >= 0'],
    ['status', 'failed', /^must be one of: "ok", "error"/],
    ['errorCode', 'LMO_NOPE', /^must be one of: "LMO_BAD_REQUEST"/],
    ['transport', 'grpc', 'must be one of: "streamable-http", "sse", "websocket", "stdio", "rest"'],
    ['tool', '', 'must be at least 1 character'],
    ['time', 'yesterday', 'must be a valid date-time'],
  ])('rejects %s = %p', (key, value, message) => {
    const result = parseUsageEvent({ ...event, status: 'error', [key]: value });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: `/${key}`, message: typeof message === 'string' ? message : expect.stringMatching(message) },
      ],
    });
  });

  it('rejects an error code on a successful request', () => {
    expect(parseUsageEvent({ ...event, errorCode: 'LMO_INTERNAL' })).toEqual({
      ok: false,
      issues: [{ path: '/errorCode', message: "must be absent when status is 'ok'" }],
    });
  });

  it.each(['{"version":1', '', 'null'])('rejects message text %p that is not an event', (text) => {
    expect(parseUsageEvent(text).ok).toBe(false);
  });

  it('says when the message text is not JSON', () => {
    expect(parseUsageEvent('{oops')).toEqual({
      ok: false,
      issues: [{ path: '', message: 'must be valid JSON' }],
    });
  });
});

describe('usage event routing', () => {
  it('publishes on the versioned topic', () => {
    expect(USAGE_EVENT_TOPIC).toBe('lmo.usage.v1');
  });

  it('keys each message by its request id, the idempotency key', () => {
    expect(usageEventKey(event)).toBe(event.requestId);
    const another: UsageEventV1 = { ...event, requestId: 'another-request', tool: 'summarize' };
    expect(usageEventKey(another)).toBe('another-request');
  });
});
