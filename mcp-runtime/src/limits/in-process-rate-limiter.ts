/**
 * Rate limits in this process's memory: the limiter of `make dev`, and the per-replica fallback of
 * the Redis limiter while Redis is down. Buckets live in a bounded LRU; an entry expires once its
 * bucket would be full again, which is the same as forgetting it.
 */
import { LRUCache } from 'lru-cache';
import type { RateLimiter, RateLimitRequest } from './rate-limiter.ts';
import {
  bucketLimit,
  bucketTtlMs,
  rateLimitDecision,
  refillBucket,
  takeFromBuckets,
  type BucketLimit,
  type BucketState,
  type RateLimitDecision,
} from './token-bucket.ts';
import { keyBucketKey, tenantBucketKey } from './rate-limit-keys.ts';

/** Options of {@link createInProcessRateLimiter}. */
export interface InProcessRateLimiterOptions {
  /** The clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Buckets kept at most; the least recently used go first. @default 100_000 */
  readonly maxBuckets?: number;
  /** Marks every decision `degraded` (set by the Redis limiter for its fallback). */
  readonly degraded?: boolean;
}

/** The in-process {@link RateLimiter}. Decisions are synchronous underneath; `check` never rejects. */
export interface InProcessRateLimiter extends RateLimiter {
  /** The same decision, without the promise. */
  checkSync(request: RateLimitRequest): RateLimitDecision;
}

/** Creates an in-process rate limiter. */
export function createInProcessRateLimiter(options: InProcessRateLimiterOptions = {}): InProcessRateLimiter {
  const now = options.now ?? Date.now;
  const degraded = options.degraded ?? false;
  const buckets = new LRUCache<string, BucketState>({ max: options.maxBuckets ?? 100_000 });

  const checkSync = (request: RateLimitRequest): RateLimitDecision => {
    const nowMs = now();
    const tenantLimit = bucketLimit(request.requestsPerMinute);
    const keyLimit = bucketLimit(request.keyRequestsPerMinute ?? request.requestsPerMinute);
    const tenantKey = tenantBucketKey(request.tenant);
    const keyKey = keyBucketKey(request.tenant, request.keyId);
    const { allowed, levels } = takeFromBuckets([
      refillBucket(buckets.get(tenantKey), tenantLimit, nowMs),
      refillBucket(buckets.get(keyKey), keyLimit, nowMs),
    ]);
    const [tenantTokens = 0, keyTokens = 0] = levels;
    store(buckets, tenantKey, { tokens: tenantTokens, updatedAtMs: nowMs }, tenantLimit);
    store(buckets, keyKey, { tokens: keyTokens, updatedAtMs: nowMs }, keyLimit);
    return rateLimitDecision(
      allowed,
      [
        { scope: 'tenant', tokens: tenantTokens, limit: tenantLimit },
        { scope: 'key', tokens: keyTokens, limit: keyLimit },
      ],
      degraded,
    );
  };

  return {
    checkSync,
    check: (request) => Promise.resolve(checkSync(request)),
  };
}

function store(
  buckets: LRUCache<string, BucketState>,
  key: string,
  state: BucketState,
  limit: BucketLimit,
): void {
  buckets.set(key, state, { ttl: bucketTtlMs(state.tokens, limit) });
}
