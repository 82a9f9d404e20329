import { describe, expect, it } from '@jest/globals';
import { createInProcessResponseCache } from '../../src/cache/index.ts';
import { answer, describeResponseCacheContract, uniqueKey } from './response-cache-contract.ts';

describeResponseCacheContract('in-process', (options) => createInProcessResponseCache(options));

describe('in-process response cache', () => {
  it('forgets answers after the TTL', async () => {
    const cache = createInProcessResponseCache({ ttlSeconds: 0.05 });
    const key = uniqueKey();
    await cache.set(key, answer);
    const fresh = await cache.get(key);

    await new Promise((resolve) => setTimeout(resolve, 120));

    expect(fresh?.text).toBe(answer.text);
    expect(await cache.get(key)).toBeUndefined();
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const cache = createInProcessResponseCache({ ttlSeconds: 60, maxEntries: 2 });
    const [a, b, c] = [uniqueKey(), uniqueKey(), uniqueKey()];
    await cache.set(a, answer);
    await cache.set(b, answer);
    await cache.get(a);
    await cache.set(c, answer);

    expect(await cache.get(a)).toBeDefined();
    expect(await cache.get(b)).toBeUndefined();
    expect(await cache.get(c)).toBeDefined();
  });
});
