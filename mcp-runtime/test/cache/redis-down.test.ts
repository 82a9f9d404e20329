// The response cache's Redis-down policy, against a Redis URL where nothing listens.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createRedisResponseCache } from '../../src/cache/index.ts';
import { createRedisClient } from '../../src/limits/index.ts';
import { answer, uniqueKey } from './response-cache-contract.ts';

describe('response cache when Redis is down', () => {
  const redis = createRedisClient('redis://127.0.0.1:1', { connectTimeoutMs: 200 });
  const warnings: string[] = [];
  const cache = createRedisResponseCache({
    redis,
    ttlSeconds: 60,
    logger: { warn: (_obj: unknown, msg?: string) => void warnings.push(msg ?? '') },
  });

  afterAll(() => {
    redis.disconnect();
  });

  it('fails open: a read is a miss, a write keeps nothing, neither rejects', async () => {
    const key = uniqueKey();

    await expect(cache.set(key, answer)).resolves.toBeUndefined();
    await expect(cache.get(key)).resolves.toBeUndefined();
    expect(warnings).toEqual([
      'Response cache unavailable in Redis; answering without it until Redis answers',
    ]);
  });
});
