/** The monthly token quota in this process's memory, for `make dev` (one runtime process per tenant). */
import { quotaCounterKey } from './rate-limit-keys.ts';
import {
  assertTokenCount,
  assertWithinQuota,
  quotaPeriod,
  quotaStatus,
  type QuotaStatus,
  type TokenQuota,
  type TokenQuotaOptions,
} from './token-quota.ts';

/** Creates the in-process {@link TokenQuota}. Counts are lost when the process stops. */
export function createInProcessTokenQuota(options: TokenQuotaOptions): TokenQuota {
  const now = options.now ?? ((): Date => new Date());
  const counters = new Map<string, number>();

  const check = (tenant: string): QuotaStatus => {
    const period = quotaPeriod(now());
    const used = counters.get(quotaCounterKey(tenant, period.id)) ?? 0;
    return assertWithinQuota(quotaStatus(used, options.tokensPerMonth(tenant), period));
  };
  const record = (tenant: string, tokens: number): void => {
    assertTokenCount(tokens);
    const key = quotaCounterKey(tenant, quotaPeriod(now()).id);
    counters.set(key, (counters.get(key) ?? 0) + tokens);
  };

  return {
    check: (tenant) => Promise.resolve().then(() => check(tenant)),
    record: (tenant, tokens) =>
      Promise.resolve().then(() => {
        record(tenant, tokens);
      }),
  };
}
