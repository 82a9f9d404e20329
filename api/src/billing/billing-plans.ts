/**
 * The plans as the billing side sees them: the limits and monthly price of each plan from the
 * contracts (`PLAN_DEFAULTS`, which the operator and the runtime enforce), plus the metered price
 * of tokens and the Stripe price lookup keys that tie a subscription to a plan.
 */
import { PLAN_DEFAULTS, TENANT_PLANS, type PlanDefaults, type TenantPlan } from '@lmo/contracts';

/** A plan with its prices. */
export interface BillingPlan extends PlanDefaults {
  readonly name: TenantPlan;
  /** Price of one million tokens (in + out) in US cents, billed monthly from the meter. */
  readonly meteredCentsPerMillionTokens: number;
  /** The `lookup_key` of the plan's Stripe price (`lmo_<plan>`); subscriptions name plans by it. */
  readonly stripeLookupKey: string;
}

const METERED_CENTS_PER_MILLION: Readonly<Record<TenantPlan, number>> = {
  free: 0,
  pro: 200,
  enterprise: 120,
};

/** Every plan, cheapest first. */
export const BILLING_PLANS: readonly BillingPlan[] = TENANT_PLANS.map((name) => ({
  name,
  ...PLAN_DEFAULTS[name],
  meteredCentsPerMillionTokens: METERED_CENTS_PER_MILLION[name],
  stripeLookupKey: `lmo_${name}`,
}));

/** The plan a Stripe price lookup key (`lmo_pro`) or plan name (`pro`) stands for, if any. */
export function planOf(keyOrName: string | null | undefined): TenantPlan | undefined {
  if (keyOrName === null || keyOrName === undefined) return undefined;
  return BILLING_PLANS.find((plan) => plan.stripeLookupKey === keyOrName || plan.name === keyOrName)?.name;
}

/** What `tokens` cost on `plan` at its metered price, in US cents (rounded to whole cents). */
export function meteredCostCents(plan: TenantPlan, tokens: number): number {
  const found = BILLING_PLANS.find((p) => p.name === plan);
  return Math.round(((found?.meteredCentsPerMillionTokens ?? 0) * tokens) / 1_000_000);
}
