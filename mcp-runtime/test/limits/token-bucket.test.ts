import { describe, expect, it } from '@jest/globals';
import {
  bucketLimit,
  rateLimitDecision,
  rateLimitHeaders,
  refillBucket,
  takeFromBuckets,
} from '../../src/limits/index.ts';

describe('token bucket arithmetic', () => {
  const perMinute60 = bucketLimit(60);

  it('starts full and refills at requestsPerMinute / 60 per second, up to the capacity', () => {
    expect(refillBucket(undefined, perMinute60, 1_000)).toBe(60);
    expect(refillBucket({ tokens: 0, updatedAtMs: 1_000 }, perMinute60, 3_500)).toBeCloseTo(2.5);
    expect(refillBucket({ tokens: 59, updatedAtMs: 0 }, perMinute60, 3_600_000)).toBe(60);
    // A clock that went backwards adds nothing.
    expect(refillBucket({ tokens: 3, updatedAtMs: 5_000 }, perMinute60, 1_000)).toBe(3);
  });

  it('takes one token from every bucket, or from none', () => {
    expect(takeFromBuckets([3, 1])).toEqual({ allowed: true, levels: [2, 0] });
    expect(takeFromBuckets([3, 0.5])).toEqual({ allowed: false, levels: [3, 0.5] });
  });

  it('reports the bucket with fewer whole tokens left, and when to retry', () => {
    const denied = rateLimitDecision(false, [
      { scope: 'tenant', tokens: 10, limit: bucketLimit(600) },
      { scope: 'key', tokens: 0.25, limit: bucketLimit(60) },
    ]);

    expect(denied).toEqual({
      allowed: false,
      limit: 60,
      remaining: 0,
      resetSeconds: 60, // 59.75 tokens at 1 per second
      retryAfterSeconds: 1, // 0.75 s, rounded up
      scope: 'key',
      degraded: false,
    });
  });

  it('never asks to retry sooner than one second', () => {
    const denied = rateLimitDecision(false, [{ scope: 'tenant', tokens: 0.9999, limit: bucketLimit(6_000) }]);

    expect(denied.retryAfterSeconds).toBe(1);
  });
});

describe('rateLimitHeaders', () => {
  it('sends the IETF draft fields on every answer and Retry-After on a refusal', () => {
    const allowed = rateLimitDecision(true, [{ scope: 'tenant', tokens: 41.5, limit: bucketLimit(60) }]);
    const refused = rateLimitDecision(false, [{ scope: 'tenant', tokens: 0, limit: bucketLimit(30) }]);

    expect(rateLimitHeaders(allowed)).toEqual({
      'RateLimit-Limit': '60',
      'RateLimit-Remaining': '41',
      'RateLimit-Reset': '19',
    });
    expect(rateLimitHeaders(refused)).toEqual({
      'RateLimit-Limit': '30',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '60',
      'Retry-After': '2',
    });
  });
});
