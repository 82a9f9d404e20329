/** The response cache in this process's memory, for `make dev`: a bounded LRU with a TTL. */
import { LRUCache } from 'lru-cache';
import {
  parseCachedCompletion,
  serializeCompletion,
  type ResponseCache,
  type ResponseCacheOptions,
} from './response-cache.ts';

/** Options of {@link createInProcessResponseCache}. */
export interface InProcessResponseCacheOptions extends ResponseCacheOptions {
  /** Answers kept at most. @default 1000 */
  readonly maxEntries?: number;
  /** JSON bytes kept at most, all answers together. @default 64 MiB */
  readonly maxBytes?: number;
}

/** Creates the in-process {@link ResponseCache}. */
export function createInProcessResponseCache(options: InProcessResponseCacheOptions): ResponseCache {
  const entries = new LRUCache<string, string>({
    max: options.maxEntries ?? 1000,
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (json) => Math.max(1, Buffer.byteLength(json)),
    ttl: options.ttlSeconds * 1000,
  });
  return {
    get(key) {
      const json = entries.get(key);
      return Promise.resolve(json === undefined ? undefined : parseCachedCompletion(json));
    },
    set(key, completion) {
      const json = serializeCompletion(completion, options);
      if (json !== undefined) entries.set(key, json);
      return Promise.resolve();
    },
  };
}
