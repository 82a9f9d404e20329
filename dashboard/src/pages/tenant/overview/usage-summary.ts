/** This month's usage against the tenant's limits: totals and the limits in force. Pure. */
import type { TenantSpec } from '../../../api/types.ts';
import type { Plan, UsagePoint } from '../../../session/plan-usage.ts';

export type { Plan, UsagePoint };

/** Tokens (in + out) and requests over `items`. */
export function totals(items: readonly UsagePoint[]): { tokens: number; requests: number } {
  let tokens = 0;
  let requests = 0;
  for (const item of items) {
    tokens += item.tokensIn + item.tokensOut;
    requests += item.requests;
  }
  return { tokens, requests };
}

/** The limits in force: the tenant's own where set, the plan's otherwise; `undefined` when unknown. */
export interface Limits {
  readonly tokensPerMonth: number | undefined;
  readonly requestsPerMinute: number | undefined;
  /** Whether each comes from the tenant's own settings rather than its plan. */
  readonly custom: { readonly tokensPerMonth: boolean; readonly requestsPerMinute: boolean };
}

/** The limits of `spec` on `plan` (the plan may be unknown while plans load or failed). */
export function limitsOf(spec: TenantSpec, plan: Plan | undefined): Limits {
  const own = spec.limits;
  return {
    tokensPerMonth: own.tokensPerMonth ?? plan?.tokensPerMonth,
    requestsPerMinute: own.requestsPerMinute ?? plan?.requestsPerMinute,
    custom: {
      tokensPerMonth: own.tokensPerMonth !== undefined,
      requestsPerMinute: own.requestsPerMinute !== undefined,
    },
  };
}

/** The share of `limit` used, 0–1 (capped); a limit of 0 counts as used up. */
export function shareUsed(used: number, limit: number): number {
  if (limit <= 0) return 1;
  return Math.min(1, used / limit);
}
