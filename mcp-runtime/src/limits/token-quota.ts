/**
 * The monthly token quota: each tenant may use `limits.tokensPerMonth` LLM tokens (in + out) per
 * calendar month in UTC. `check` runs before the provider call and refuses when the month's count
 * has reached the limit; `record` adds what the call consumed afterwards. A call that starts below
 * the limit may end above it: the quota stops the next call, it does not cut one short.
 */
import { LmoError } from '@lmo/contracts';

/** Where a tenant stands this month. */
export interface QuotaStatus {
  /** The month, `YYYY-MM` (UTC). */
  readonly period: string;
  readonly used: number;
  readonly limit: number;
  /** Tokens left this month (0 when used up). */
  readonly remaining: number;
  /** When the next month begins (UTC). */
  readonly resetsAt: Date;
}

/** The monthly token quota. */
export interface TokenQuota {
  /**
   * Checks the tenant's quota before a provider call.
   * @throws {LmoError} `LMO_QUOTA_EXCEEDED` when this month's tokens have reached the limit;
   *   `LMO_DEPENDENCY_UNAVAILABLE` when the count cannot be read (Redis down: fail closed).
   */
  check(tenant: string): Promise<QuotaStatus>;
  /**
   * Adds the tokens a call consumed to this month's count. Does not reject when the store fails (the
   * call already happened; see the implementations).
   * @throws {LmoError} `LMO_INTERNAL` when `tokens` is not a non-negative integer (a bug).
   */
  record(tenant: string, tokens: number): Promise<void>;
}

/** Options both implementations take. */
export interface TokenQuotaOptions {
  /** The tenant's `limits.tokensPerMonth`, read from the configuration in force at each check. */
  readonly tokensPerMonth: (tenant: string) => number;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
}

/** A month in UTC: its id and bounds. */
export interface QuotaPeriod {
  /** `YYYY-MM`. */
  readonly id: string;
  /** The first instant of the next month. */
  readonly resetsAt: Date;
  /** When the month's counter may be deleted: the end of the following month, so it can still be read. */
  readonly expiresAt: Date;
}

/** The UTC month containing `now`. */
export function quotaPeriod(now: Date): QuotaPeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    id: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`,
    resetsAt: new Date(Date.UTC(year, month + 1, 1)),
    expiresAt: new Date(Date.UTC(year, month + 2, 1)),
  };
}

/** The status of a tenant that has used `used` of `limit` tokens in `period`. */
export function quotaStatus(used: number, limit: number, period: QuotaPeriod): QuotaStatus {
  return {
    period: period.id,
    used,
    limit,
    remaining: Math.max(0, limit - used),
    resetsAt: period.resetsAt,
  };
}

/**
 * Returns `status` when tokens remain.
 * @throws {LmoError} `LMO_QUOTA_EXCEEDED` with `details { limit, used, resetsAt }` when used ≥ limit.
 */
export function assertWithinQuota(status: QuotaStatus): QuotaStatus {
  if (status.used < status.limit) return status;
  throw new LmoError('LMO_QUOTA_EXCEEDED', undefined, {
    details: { limit: status.limit, used: status.used, resetsAt: status.resetsAt.toISOString() },
  });
}

/** Checks that a token count to record is a non-negative integer. */
export function assertTokenCount(tokens: number): void {
  if (!Number.isSafeInteger(tokens) || tokens < 0) {
    throw new LmoError('LMO_INTERNAL', `token count must be a non-negative integer, got ${tokens}`);
  }
}
