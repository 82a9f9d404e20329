/**
 * Token-bucket arithmetic, pure. A bucket for N requests per minute holds at most N tokens (the
 * burst) and refills at N/60 tokens per second; a request takes one token from the tenant's bucket
 * and one from its API key's bucket, or from neither. The Redis Lua script mirrors
 * {@link refillBucket} and {@link takeFromBuckets}; everything derived for the caller (remaining,
 * reset, retry-after) is computed here for both implementations.
 */

/** Which bucket a decision reports on. */
export type BucketScope = 'tenant' | 'key';

/** The size and refill rate of one bucket. */
export interface BucketLimit {
  readonly capacity: number;
  /** Tokens added per millisecond. */
  readonly refillPerMs: number;
}

/** A bucket's level at a moment. */
export interface BucketState {
  readonly tokens: number;
  readonly updatedAtMs: number;
}

/** One bucket as seen by a decision: its level after the request, and its limit. */
export interface BucketLevel {
  readonly scope: BucketScope;
  readonly tokens: number;
  readonly limit: BucketLimit;
}

/** The outcome of one rate-limit check, with everything the HTTP layer needs. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Requests per minute of the bucket that binds (the one with fewer tokens left). */
  readonly limit: number;
  /** Whole requests left in that bucket right now. */
  readonly remaining: number;
  /** Seconds until that bucket is full again. */
  readonly resetSeconds: number;
  /** Seconds to wait before retrying; 0 when allowed. */
  readonly retryAfterSeconds: number;
  /** The bucket that binds. */
  readonly scope: BucketScope;
  /** True when Redis failed and this replica decided alone from its in-process buckets. */
  readonly degraded: boolean;
}

/** A bucket for `perMinute` requests per minute. */
export function bucketLimit(perMinute: number): BucketLimit {
  return { capacity: perMinute, refillPerMs: perMinute / 60_000 };
}

/** The level of a bucket at `nowMs`: full when unknown, refilled since its last update otherwise. */
export function refillBucket(state: BucketState | undefined, limit: BucketLimit, nowMs: number): number {
  if (state === undefined) return limit.capacity;
  const elapsed = Math.max(0, nowMs - state.updatedAtMs);
  return Math.min(limit.capacity, state.tokens + elapsed * limit.refillPerMs);
}

/** Takes `cost` tokens from every bucket when each has enough, from none otherwise. */
export function takeFromBuckets(
  levels: readonly number[],
  cost = 1,
): { allowed: boolean; levels: readonly number[] } {
  const allowed = levels.every((tokens) => tokens >= cost);
  return { allowed, levels: allowed ? levels.map((tokens) => tokens - cost) : levels };
}

/** Milliseconds until a bucket at `tokens` holds `target` tokens. */
function msUntil(tokens: number, target: number, limit: BucketLimit): number {
  return Math.max(0, (target - tokens) / limit.refillPerMs);
}

/** How long a bucket's state is worth keeping: until it would be full again, plus a second. */
export function bucketTtlMs(tokens: number, limit: BucketLimit): number {
  return Math.ceil(msUntil(tokens, limit.capacity, limit)) + 1000;
}

function binding(levels: readonly BucketLevel[]): BucketLevel {
  const [first, ...rest] = levels;
  if (first === undefined) throw new Error('a rate-limit decision needs at least one bucket');
  return rest.reduce((a, b) => {
    const byRemaining = Math.floor(b.tokens) - Math.floor(a.tokens);
    if (byRemaining !== 0) return byRemaining < 0 ? b : a;
    return b.limit.capacity < a.limit.capacity ? b : a;
  }, first);
}

/** The caller's view of a check: the binding bucket's numbers and, when denied, when to come back. */
export function rateLimitDecision(
  allowed: boolean,
  levels: readonly BucketLevel[],
  degraded = false,
): RateLimitDecision {
  const bound = binding(levels);
  const retryAfterMs = allowed ? 0 : Math.max(...levels.map((l) => msUntil(l.tokens, 1, l.limit)));
  return {
    allowed,
    limit: bound.limit.capacity,
    remaining: Math.max(0, Math.floor(bound.tokens)),
    resetSeconds: Math.ceil(msUntil(bound.tokens, bound.limit.capacity, bound.limit) / 1000),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)),
    scope: bound.scope,
    degraded,
  };
}

/**
 * The HTTP headers of a decision: `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`
 * (IETF draft "RateLimit header fields for HTTP", delta-seconds) on every response, and
 * `Retry-After` (RFC 9110, seconds) when the request is refused with 429.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
