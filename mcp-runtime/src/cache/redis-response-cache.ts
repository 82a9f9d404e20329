/**
 * The response cache in Redis: one string per answer (`SET key json EX ttl`), shared by every
 * replica of the tenant.
 *
 * When Redis is down the cache FAILS OPEN: a failed read is a miss (the provider answers) and a
 * failed write keeps nothing; neither fails the request. The first failure of an outage is logged.
 */
import type { Redis } from 'ioredis';
import { errorSummary, type WarnLogger } from '../limits/warn-logger.ts';
import {
  parseCachedCompletion,
  serializeCompletion,
  type ResponseCache,
  type ResponseCacheOptions,
} from './response-cache.ts';

/** Options of {@link createRedisResponseCache}. */
export interface RedisResponseCacheOptions extends ResponseCacheOptions {
  /** A client made with `createRedisClient` (fail-fast options). */
  readonly redis: Redis;
  /** Told when Redis fails (once per outage). */
  readonly logger?: WarnLogger;
}

/** Creates the Redis {@link ResponseCache}; see the module comment for its Redis-down policy. */
export function createRedisResponseCache(options: RedisResponseCacheOptions): ResponseCache {
  const { redis } = options;
  let failing = false;
  const failed = (error: unknown): void => {
    if (!failing) {
      options.logger?.warn(
        { err: errorSummary(error) },
        'Response cache unavailable in Redis; answering without it until Redis answers',
      );
    }
    failing = true;
  };

  return {
    async get(key) {
      try {
        const json = await redis.get(key);
        failing = false;
        return json === null ? undefined : parseCachedCompletion(json);
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(key, completion) {
      const json = serializeCompletion(completion, options);
      if (json === undefined) return;
      try {
        await redis.set(key, json, 'EX', options.ttlSeconds);
        failing = false;
      } catch (error) {
        failed(error);
      }
    },
  };
}
