/** The rate limiter's interface, shared by the Redis and in-process implementations. */
import { LmoError } from '@lmo/contracts';
import type { RateLimitDecision } from './token-bucket.ts';

/** One request to admit: whose it is and the limits in force (read from the tenant config per request). */
export interface RateLimitRequest {
  readonly tenant: string;
  /** The API key's id (never the key). */
  readonly keyId: string;
  /** The tenant's bucket: `limits.requestsPerMinute` of the tenant config. */
  readonly requestsPerMinute: number;
  /** Each key's own bucket; absent: the same as `requestsPerMinute`. */
  readonly keyRequestsPerMinute?: number;
}

/**
 * Token buckets of requests per minute, one per tenant and one per API key; a request passes only
 * when both have a token, and then takes one from each.
 */
export interface RateLimiter {
  /** Admits or refuses one request. Never rejects: a Redis failure is decided locally (`degraded`). */
  check(request: RateLimitRequest): Promise<RateLimitDecision>;
}

/** The `LMO_RATE_LIMITED` error for a refusal, with `details.retryAfterSeconds`. */
export function rateLimitedError(decision: RateLimitDecision): LmoError {
  return new LmoError('LMO_RATE_LIMITED', undefined, {
    details: { retryAfterSeconds: decision.retryAfterSeconds, limit: decision.limit, scope: decision.scope },
  });
}
