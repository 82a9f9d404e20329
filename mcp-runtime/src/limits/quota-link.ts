/**
 * How the Redis rate limiter and the Redis token quota share a round trip. Every request passes the
 * rate limit first (at the gate), and every LLM call then checks the quota: two Redis round trips
 * that the runtime makes one. The rate-limit script also reads the tenant's token counter of the
 * month and hands the reading to the quota through this link; the quota's `check` then decides on
 * a reading younger than `readingTtlMs` (the gate's own, or one of a request a few milliseconds
 * later) instead of asking Redis again.
 *
 * What the quota promises stays: a failed script drops every reading, so with Redis down `check`
 * asks Redis itself and fails closed; counts this process has not written yet are never hidden by a
 * reading (while there are any, `check` asks Redis). A reading may miss what other replicas recorded
 * in the last `readingTtlMs`, like a check a moment earlier would: the quota stops the next call, it
 * never cut a running one short.
 */

/** The quota's side of the link, handed to `createRedisRateLimiter({ quota })`. */
export interface QuotaLink {
  /** The Redis key of the tenant's token counter this month (read with the tenant's buckets). */
  counterKey(tenant: string): string;
  /** What the script read: the counter's value (0 when absent). */
  observed(key: string, used: number): void;
  /** The script failed: every reading is dropped. */
  failed(): void;
}

interface Reading {
  readonly used: number;
  readonly at: number;
}

/** Readings of the token counters, each good for `ttlMs`. */
export class QuotaReadings {
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #readings = new Map<string, Reading>();

  constructor(ttlMs: number, clock: () => number = () => performance.now()) {
    this.#ttlMs = ttlMs;
    this.#clock = clock;
  }

  /** Keeps a value of `key` just read or written. */
  set(key: string, used: number): void {
    if (this.#ttlMs <= 0) return;
    this.#readings.set(key, { used, at: this.#clock() });
  }

  /** The value of `key` read less than the TTL ago, if any. */
  fresh(key: string): number | undefined {
    const reading = this.#readings.get(key);
    if (reading === undefined) return undefined;
    if (this.#clock() - reading.at < this.#ttlMs) return reading.used;
    this.#readings.delete(key);
    return undefined;
  }

  /** Drops every reading (Redis failed). */
  clear(): void {
    this.#readings.clear();
  }
}
