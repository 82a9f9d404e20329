/**
 * The response cache: exact-match answers of completions, with a Redis implementation for
 * production and an in-process LRU for `make dev`. Redis down: a miss (see mcp-runtime/README.md).
 */
export { isCacheable, responseCacheKey, type CacheKeyInput } from './cache-key.ts';
export {
  createInProcessResponseCache,
  type InProcessResponseCacheOptions,
} from './in-process-response-cache.ts';
export { createRedisResponseCache, type RedisResponseCacheOptions } from './redis-response-cache.ts';
export {
  parseCachedCompletion,
  serializeCompletion,
  type CachedCompletion,
  type ResponseCache,
  type ResponseCacheOptions,
} from './response-cache.ts';
