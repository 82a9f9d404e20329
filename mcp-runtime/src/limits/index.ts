/**
 * Rate limits (token buckets per tenant and per API key) and the monthly token quota, each with a
 * Redis implementation for production and an in-process one for `make dev`; plus the fail-fast
 * Redis client every Redis-backed module of the runtime shares. The Redis-down policy of each is
 * in mcp-runtime/README.md, "When Redis is down".
 */
export {
  createInProcessRateLimiter,
  type InProcessRateLimiter,
  type InProcessRateLimiterOptions,
} from './in-process-rate-limiter.ts';
export { createInProcessTokenQuota } from './in-process-token-quota.ts';
export { keyBucketKey, quotaCounterKey, tenantBucketKey } from './rate-limit-keys.ts';
export { rateLimitedError, type RateLimiter, type RateLimitRequest } from './rate-limiter.ts';
export {
  createRedisClient,
  failFastRedisOptions,
  redisReady,
  type RedisClientOptions,
} from './redis-client.ts';
export {
  createRedisRateLimiter,
  RATE_LIMIT_LUA,
  type RedisRateLimiterOptions,
} from './redis-rate-limiter.ts';
export { QuotaReadings, type QuotaLink } from './quota-link.ts';
export {
  createRedisTokenQuota,
  QUOTA_ADD_LUA,
  type RedisTokenQuota,
  type RedisTokenQuotaOptions,
} from './redis-token-quota.ts';
export {
  bucketLimit,
  rateLimitDecision,
  rateLimitHeaders,
  refillBucket,
  takeFromBuckets,
  type BucketLimit,
  type BucketScope,
  type BucketState,
  type RateLimitDecision,
} from './token-bucket.ts';
export {
  assertWithinQuota,
  quotaPeriod,
  quotaStatus,
  type QuotaPeriod,
  type QuotaStatus,
  type TokenQuota,
  type TokenQuotaOptions,
} from './token-quota.ts';
export { errorSummary, type WarnLogger } from './warn-logger.ts';
