// The Redis-down policy of the limits, against a Redis URL where nothing listens.
import { afterAll, describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import {
  createRedisClient,
  createRedisRateLimiter,
  createRedisTokenQuota,
  redisReady,
} from '../../src/limits/index.ts';

const warnings: string[] = [];
const logger = { warn: (_obj: unknown, msg?: string) => void warnings.push(msg ?? '') };

describe('limits when Redis is down', () => {
  const redis = createRedisClient('redis://127.0.0.1:1', { logger, connectTimeoutMs: 200 });

  afterAll(() => {
    redis.disconnect();
  });

  it('never becomes ready', async () => {
    expect(await redisReady(redis, 300)).toBe(false);
  });

  it('rate limits fail open to an in-process bucket of this replica', async () => {
    const limiter = createRedisRateLimiter({ redis, logger });
    const request = { tenant: 'acme', keyId: 'k1', requestsPerMinute: 2 };

    const decisions = [
      await limiter.check(request),
      await limiter.check(request),
      await limiter.check(request),
    ];

    expect(decisions.map((d) => [d.allowed, d.degraded])).toEqual([
      [true, true],
      [true, true],
      [false, true],
    ]);
    expect(decisions[2]?.retryAfterSeconds).toBe(30);
    expect(warnings).toContain(
      'Rate limit check failed in Redis; this replica enforces the limit alone until Redis answers',
    );
  });

  it('the token quota fails closed with LMO_DEPENDENCY_UNAVAILABLE', async () => {
    const quota = createRedisTokenQuota({ redis, logger, tokensPerMonth: () => 1_000_000 });

    const error = await quota.check('acme').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LmoError);
    expect((error as LmoError).code).toBe('LMO_DEPENDENCY_UNAVAILABLE');
    expect((error as LmoError).httpStatus).toBe(503);
  });

  it('recording usage does not reject while Redis is down (the count is kept)', async () => {
    const quota = createRedisTokenQuota({ redis, logger, tokensPerMonth: () => 1_000_000 });

    await expect(quota.record('acme', 42)).resolves.toBeUndefined();
    expect(warnings).toContain(
      'Token usage not written to Redis; kept in memory and added with the next write',
    );
  });

  it('a quota linked to the rate limiter forgets the gate’s readings when Redis fails, and fails closed', async () => {
    const quota = createRedisTokenQuota({ redis, logger, tokensPerMonth: () => 1_000, readingTtlMs: 60_000 });
    const limiter = createRedisRateLimiter({ redis, logger, quota: quota.link });
    // What the gate's script of an earlier request read, before Redis went away.
    quota.link.observed(quota.link.counterKey('acme'), 5);
    const fromReading = await quota.check('acme');

    const degraded = await limiter.check({ tenant: 'acme', keyId: 'k1', requestsPerMinute: 60 });
    const error = await quota.check('acme').catch((e: unknown) => e);

    expect(fromReading).toMatchObject({ used: 5, remaining: 995 });
    expect(degraded).toMatchObject({ allowed: true, degraded: true });
    expect(error).toBeInstanceOf(LmoError);
    expect((error as LmoError).code).toBe('LMO_DEPENDENCY_UNAVAILABLE');
  });
});
