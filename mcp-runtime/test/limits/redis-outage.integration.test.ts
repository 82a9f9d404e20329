// Every Redis-backed module through a Redis that goes away and comes back (a TCP proxy in front of
// the harness's Redis): each follows its policy while Redis is away and recovers on its own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { harnessEnv } from '@lmo/harness';
import type { Redis } from 'ioredis';
import { createRedisResponseCache, responseCacheKey } from '../../src/cache/index.ts';
import { createRedisConversationStore } from '../../src/conversations/index.ts';
import {
  createRedisClient,
  createRedisRateLimiter,
  createRedisTokenQuota,
  redisReady,
} from '../../src/limits/index.ts';
import { uniqueTenant } from './rate-limiter-contract.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

describe('Redis outage and recovery', () => {
  let proxy: TcpProxy;
  let redis: Redis;

  beforeAll(async () => {
    const target = new URL(harnessEnv('REDIS_URL'));
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    redis = createRedisClient(`redis://${proxy.address}`);
    expect(await redisReady(redis, 5_000)).toBe(true);
  });

  afterAll(async () => {
    redis.disconnect();
    await proxy.close();
  });

  it('fails open or closed per module while Redis is away, and recovers without a restart', async () => {
    const tenant = uniqueTenant('outage');
    const scope = { tenant, keyId: 'k' };
    const limiter = createRedisRateLimiter({ redis });
    const quota = createRedisTokenQuota({ redis, tokensPerMonth: () => 1_000 });
    const cache = createRedisResponseCache({ redis, ttlSeconds: 60 });
    const conversations = createRedisConversationStore({ redis });
    const key = responseCacheKey(tenant, {
      provider: 'echo',
      model: 'echo-1',
      temperature: 0,
      maxTokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
      kind: 'complete',
    });
    const answer = {
      text: 'hi',
      model: 'echo-1',
      usage: { tokensIn: 1, tokensOut: 1 },
      finishReason: 'stop',
    };
    await quota.record(tenant, 10);
    await cache.set(key, answer);

    await proxy.cut();
    const degraded = await limiter.check({ tenant, keyId: 'k', requestsPerMinute: 60 });
    await quota.record(tenant, 5);
    const quotaError = await quota.check(tenant).catch((e: unknown) => e);
    const cached = await cache.get(key);
    const historyError = await conversations.load(scope, 'c1').catch((e: unknown) => e);

    await proxy.restore();
    expect(await redisReady(redis, 10_000)).toBe(true);

    expect(degraded).toMatchObject({ allowed: true, degraded: true });
    expect(quotaError).toMatchObject({ code: 'LMO_DEPENDENCY_UNAVAILABLE' });
    expect(cached).toBeUndefined();
    expect(historyError).toMatchObject({ code: 'LMO_DEPENDENCY_UNAVAILABLE' });
    // Back: shared buckets again, the count kept during the outage added, the cache and history served.
    expect(await limiter.check({ tenant, keyId: 'k', requestsPerMinute: 60 })).toMatchObject({
      degraded: false,
    });
    expect(await quota.check(tenant)).toMatchObject({ used: 15 });
    expect((await cache.get(key))?.text).toBe('hi');
    expect(await conversations.load(scope, 'c1')).toEqual([]);
  }, 30_000);
});
