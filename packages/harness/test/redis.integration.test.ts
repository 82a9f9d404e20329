// Smoke: the harness's Redis through ioredis, as the runtime's cache and rate limits will use it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { harnessEnv } from '../src/test-env.ts';

describe('Redis (ioredis)', () => {
  const redis = new Redis(harnessEnv('REDIS_URL'), { lazyConnect: true, maxRetriesPerRequest: 1 });
  const key = `smoke:${process.pid}:${Date.now()}`;

  afterAll(async () => {
    await redis.del(key, `${key}:counter`);
    redis.disconnect();
  });

  it('stores a value with a TTL and counts atomically', async () => {
    await redis.connect();
    await redis.set(key, 'cached answer', 'EX', 60);
    const counts = await Promise.all([redis.incr(`${key}:counter`), redis.incr(`${key}:counter`)]);

    expect(await redis.get(key)).toBe('cached answer');
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    expect(counts.sort()).toEqual([1, 2]);
    const info = await redis.info('server');
    expect(info).toMatch(/redis_version:7\./);
  });
});
