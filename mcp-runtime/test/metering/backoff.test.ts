import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs, needsNewProducer } from '../../src/metering/index.ts';

describe('backoffDelayMs', () => {
  const policy = { initialMs: 100, maxMs: 1_000 };

  it('doubles from initialMs up to maxMs, keeping at least half of it', () => {
    expect([1, 2, 3, 4, 5, 30].map((n) => backoffDelayMs(n, policy, 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 30].map((n) => backoffDelayMs(n, policy, 0.999999))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });
});

describe('needsNewProducer', () => {
  const protocolError = (type: string): Error => Object.assign(new Error(type), { type });

  it('asks for a new producer when the broker forgot or rejects its identity, at any depth', () => {
    expect(needsNewProducer(protocolError('UNKNOWN_PRODUCER_ID'))).toBe(true);
    expect(
      needsNewProducer(
        new Error('retries exceeded', { cause: protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER') }),
      ),
    ).toBe(true);
  });

  it('keeps the producer for connection trouble, so a re-sent batch is deduplicated', () => {
    expect(needsNewProducer(protocolError('LEADER_NOT_AVAILABLE'))).toBe(false);
    expect(needsNewProducer(new Error('Connection error: connect ECONNREFUSED'))).toBe(false);
    expect(needsNewProducer('not an error')).toBe(false);
  });
});
