// Behaviour every ResponseCache shares, run against the in-process and the Redis implementation.
import { describe, expect, it } from '@jest/globals';
import { responseCacheKey, type ResponseCache, type ResponseCacheOptions } from '../../src/cache/index.ts';
import type { Completion } from '../../src/providers/llm-provider.ts';

let seq = 0;
/** A key no other test (or earlier run against the same Redis) uses. */
export function uniqueKey(label = 'cache'): string {
  return responseCacheKey(`${label}-${process.pid}-${Date.now().toString(36)}-${++seq}`, {
    provider: 'echo',
    model: 'echo-1',
    temperature: 0,
    maxTokens: 100,
    messages: [{ role: 'user', content: 'hello' }],
    kind: 'complete',
  });
}

export const answer: Completion = {
  text: 'Hello there.',
  model: 'echo-1',
  usage: { tokensIn: 3, tokensOut: 2 },
  finishReason: 'stop',
};

export function describeResponseCacheContract(
  name: string,
  create: (options: ResponseCacheOptions) => ResponseCache,
): void {
  describe(`${name}: response cache contract`, () => {
    const storedAt = new Date('2026-11-22T10:00:00Z');

    it('misses an unknown key, then returns the stored answer with storedAt', async () => {
      const cache = create({ ttlSeconds: 60, now: () => storedAt });
      const key = uniqueKey();

      const miss = await cache.get(key);
      await cache.set(key, answer);

      expect(miss).toBeUndefined();
      expect(await cache.get(key)).toEqual({ ...answer, storedAt: '2026-11-22T10:00:00.000Z' });
    });

    it('stores only the answer fields', async () => {
      const cache = create({ ttlSeconds: 60, now: () => storedAt });
      const key = uniqueKey();

      await cache.set(key, { ...answer, extra: 'not stored' } as Completion);

      expect(Object.keys((await cache.get(key)) ?? {}).sort()).toEqual([
        'finishReason',
        'model',
        'storedAt',
        'text',
        'usage',
      ]);
    });

    it('does not store an answer larger than maxEntryBytes', async () => {
      const cache = create({ ttlSeconds: 60, maxEntryBytes: 1_000 });
      const key = uniqueKey();

      await cache.set(key, { ...answer, text: 'x'.repeat(1_000) });

      expect(await cache.get(key)).toBeUndefined();
    });
  });
}
