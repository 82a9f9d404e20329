// Rate limits and the token quota against the harness's Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { harnessEnv } from '@lmo/harness';
import type { Redis } from 'ioredis';
import {
  createRedisClient,
  createRedisRateLimiter,
  createRedisTokenQuota,
  keyBucketKey,
  quotaCounterKey,
  quotaPeriod,
  redisReady,
  tenantBucketKey,
  type RateLimiter,
} from '../../src/limits/index.ts';
import { describeRateLimiterContract, uniqueTenant } from './rate-limiter-contract.ts';
import { describeTokenQuotaContract } from './token-quota-contract.ts';

const clients: Redis[] = [];
function client(): Redis {
  const redis = createRedisClient(harnessEnv('REDIS_URL'));
  clients.push(redis);
  return redis;
}
/** A second client, ready: commands sent before a client is ready fail (no offline queue). */
async function readyClient(): Promise<Redis> {
  const redis = client();
  expect(await redisReady(redis, 5_000)).toBe(true);
  return redis;
}

const redis = client();
const limiter = createRedisRateLimiter({ redis });

beforeAll(async () => {
  expect(await redisReady(redis, 5_000)).toBe(true);
});

afterAll(() => {
  for (const c of clients) c.disconnect();
});

describeRateLimiterContract('redis', () => limiter);
describeTokenQuotaContract('redis', (options) => createRedisTokenQuota({ ...options, redis }));

describe('redis rate limiter', () => {
  it('keeps both buckets under their documented keys, expiring once they would be full', async () => {
    const tenant = uniqueTenant('keys');
    await limiter.check({ tenant, keyId: 'key_1', requestsPerMinute: 60, keyRequestsPerMinute: 6 });

    const tenantTtl = await redis.pttl(tenantBucketKey(tenant));
    const keyTtl = await redis.pttl(keyBucketKey(tenant, 'key_1'));

    expect(tenantBucketKey(tenant)).toBe(`lmo:rl:{${tenant}}:t`);
    expect(keyBucketKey(tenant, 'key_1')).toBe(`lmo:rl:{${tenant}}:k:key_1`);
    // One token short: full again after 1 s (tenant) and 10 s (key), plus a second's margin.
    expect(tenantTtl).toBeGreaterThan(1_000);
    expect(tenantTtl).toBeLessThanOrEqual(2_000);
    expect(keyTtl).toBeGreaterThan(10_000);
    expect(keyTtl).toBeLessThanOrEqual(11_000);
    expect(await redis.hget(tenantBucketKey(tenant), 'tokens')).toBe('59');
  });

  it('lets two limiter instances (two clients, like two runtime processes) share one bucket', async () => {
    const other = await readyClient();
    const replicas: RateLimiter[] = [limiter, createRedisRateLimiter({ redis: other })];
    const tenant = uniqueTenant('replicas');

    const decisions = [];
    for (let i = 0; i < 10; i++) {
      const replica = replicas[i % 2]!;
      decisions.push(
        await replica.check({ tenant, keyId: `k${i % 3}`, requestsPerMinute: 5, keyRequestsPerMinute: 100 }),
      );
    }

    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(decisions.some((d) => d.degraded)).toBe(false);
  });

  it('admits exactly the limit from concurrent checks', async () => {
    const tenant = uniqueTenant('concurrent');
    const decisions = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        limiter.check({ tenant, keyId: `k${i % 4}`, requestsPerMinute: 20 }),
      ),
    );

    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
  });

  it('refills with the time of the Redis server', async () => {
    const tenant = uniqueTenant('refill');
    const request = { tenant, keyId: 'k1', requestsPerMinute: 120 }; // one token every 500 ms
    for (let i = 0; i < 120; i++) await limiter.check(request);
    const refused = await limiter.check(request);

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.check(request)).toMatchObject({ allowed: true });
  });
});

describe('redis token quota', () => {
  it('counts in lmo:quota:{tenant}:YYYY-MM, expiring at the end of the following month', async () => {
    const tenant = uniqueTenant('quotakey');
    const quota = createRedisTokenQuota({
      redis,
      tokensPerMonth: () => 1_000,
      now: () => new Date('2099-11-22T10:00:00Z'),
    });

    await quota.record(tenant, 120);
    await quota.record(tenant, 5);
    const key = quotaCounterKey(tenant, '2099-11');

    expect(key).toBe(`lmo:quota:{${tenant}}:2099-11`);
    expect(await redis.get(key)).toBe('125');
    expect(await redis.expiretime(key)).toBe(Date.UTC(2100, 0, 1) / 1000);
    await redis.del(key);
  });

  it('shares one count between replicas', async () => {
    const tenant = uniqueTenant('quotashare');
    const options = { tokensPerMonth: () => 100 };
    const a = createRedisTokenQuota({ ...options, redis });
    const b = createRedisTokenQuota({ ...options, redis: await readyClient() });

    await a.record(tenant, 60);
    await b.record(tenant, 40);

    await expect(a.check(tenant)).rejects.toMatchObject({ code: 'LMO_QUOTA_EXCEEDED' });
    await expect(b.check(tenant)).rejects.toMatchObject({ code: 'LMO_QUOTA_EXCEEDED' });
  });
});

describe('rate limiter linked to the token quota', () => {
  it('reads the counter with the rate limit, so the check behind the gate sees every replica', async () => {
    const tenant = uniqueTenant('linked');
    const quota = createRedisTokenQuota({ redis, tokensPerMonth: () => 100, readingTtlMs: 60_000 });
    const gate = createRedisRateLimiter({ redis, quota: quota.link });
    const replica = createRedisTokenQuota({ redis: await readyClient(), tokensPerMonth: () => 100 });
    const key = quotaCounterKey(tenant, quotaPeriod(new Date()).id);

    const before = await quota.check(tenant);
    await replica.record(tenant, 100);
    await gate.check({ tenant, keyId: 'k', requestsPerMinute: 60 });
    const after = await quota.check(tenant).catch((e: unknown) => e);
    await redis.del(key);

    expect(before).toMatchObject({ used: 0 });
    expect(after).toMatchObject({ code: 'LMO_QUOTA_EXCEEDED' });
  });

  it('counts what this replica records at once, without waiting for the next reading', async () => {
    const tenant = uniqueTenant('linkedown');
    const quota = createRedisTokenQuota({ redis, tokensPerMonth: () => 100, readingTtlMs: 60_000 });
    const gate = createRedisRateLimiter({ redis, quota: quota.link });

    await gate.check({ tenant, keyId: 'k', requestsPerMinute: 60 });
    await quota.record(tenant, 60);
    const status = await quota.check(tenant);
    await redis.del(quotaCounterKey(tenant, quotaPeriod(new Date()).id));

    expect(status).toMatchObject({ used: 60, remaining: 40 });
  });
});
