// The response cache against the harness's Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { harnessEnv } from '@lmo/harness';
import { createRedisResponseCache } from '../../src/cache/index.ts';
import { createRedisClient, redisReady } from '../../src/limits/index.ts';
import { answer, describeResponseCacheContract, uniqueKey } from './response-cache-contract.ts';

const redis = createRedisClient(harnessEnv('REDIS_URL'));

beforeAll(async () => {
  expect(await redisReady(redis, 5_000)).toBe(true);
});

afterAll(() => {
  redis.disconnect();
});

describeResponseCacheContract('redis', (options) => createRedisResponseCache({ ...options, redis }));

describe('redis response cache', () => {
  it('stores the answer as JSON under the key with the configured TTL', async () => {
    const cache = createRedisResponseCache({ redis, ttlSeconds: 300, now: () => new Date(0) });
    const key = uniqueKey();

    await cache.set(key, answer);

    expect(JSON.parse((await redis.get(key)) ?? 'null')).toEqual({
      text: 'Hello there.',
      usage: { tokensIn: 3, tokensOut: 2 },
      model: 'echo-1',
      finishReason: 'stop',
      storedAt: '1970-01-01T00:00:00.000Z',
    });
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(295);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  it('shares answers between replicas and treats a damaged entry as a miss', async () => {
    const other = createRedisClient(harnessEnv('REDIS_URL'));
    expect(await redisReady(other, 5_000)).toBe(true);
    const a = createRedisResponseCache({ redis, ttlSeconds: 60 });
    const b = createRedisResponseCache({ redis: other, ttlSeconds: 60 });
    const key = uniqueKey();
    const damaged = uniqueKey();
    await redis.set(damaged, '{"text": 42', 'EX', 60);

    await a.set(key, answer);

    expect((await b.get(key))?.text).toBe('Hello there.');
    expect(await b.get(damaged)).toBeUndefined();
    other.disconnect();
  });
});
