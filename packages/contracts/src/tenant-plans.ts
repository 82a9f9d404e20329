/**
 * Plans, as data. A Tenant's `spec.limits` fields are optional; an absent limit means "the plan's
 * default", resolved by {@link resolveTenantLimits}. Billing and the dashboard read prices from here.
 */

/** The plans a tenant can be on, cheapest first. */
export const TENANT_PLANS = ['free', 'pro', 'enterprise'] as const;

/** One of {@link TENANT_PLANS}. */
export type TenantPlan = (typeof TENANT_PLANS)[number];

/** What a plan gives a tenant when its spec does not say otherwise. */
export interface PlanDefaults {
  /** LLM tokens (in + out) per calendar month. */
  readonly tokensPerMonth: number;
  /** MCP and REST requests per minute, across all of the tenant's keys. */
  readonly requestsPerMinute: number;
  /** CPU for the tenant namespace's ResourceQuota (Kubernetes quantity). */
  readonly cpu: string;
  /** Memory for the tenant namespace's ResourceQuota (Kubernetes quantity). */
  readonly memory: string;
  /** The most runtime replicas the plan allows (`spec.runtime.replicas` is checked against it). */
  readonly maxReplicas: number;
  /** The monthly price in US cents. */
  readonly monthlyPriceCents: number;
}

/** The defaults of each plan. */
export const PLAN_DEFAULTS = {
  free: {
    tokensPerMonth: 100_000,
    requestsPerMinute: 60,
    cpu: '500m',
    memory: '512Mi',
    maxReplicas: 1,
    monthlyPriceCents: 0,
  },
  pro: {
    tokensPerMonth: 5_000_000,
    requestsPerMinute: 600,
    cpu: '2',
    memory: '4Gi',
    maxReplicas: 3,
    monthlyPriceCents: 4_900,
  },
  enterprise: {
    tokensPerMonth: 100_000_000,
    requestsPerMinute: 6_000,
    cpu: '16',
    memory: '32Gi',
    maxReplicas: 20,
    monthlyPriceCents: 99_900,
  },
} as const satisfies Record<TenantPlan, PlanDefaults>;

/** The limits a tenant actually runs with: its own where set, its plan's otherwise. */
export interface ResolvedTenantLimits {
  readonly tokensPerMonth: number;
  readonly requestsPerMinute: number;
  readonly cpu: string;
  readonly memory: string;
}

/** The part of a Tenant spec that limits depend on. */
export interface TenantLimitsInput {
  readonly plan: TenantPlan;
  readonly limits?: {
    readonly tokensPerMonth?: number;
    readonly requestsPerMinute?: number;
    readonly cpu?: string;
    readonly memory?: string;
  };
}

/** Fills each limit the spec leaves out from the plan's defaults. Pure; never throws. */
export function resolveTenantLimits(spec: TenantLimitsInput): ResolvedTenantLimits {
  const plan = PLAN_DEFAULTS[spec.plan];
  const limits = spec.limits ?? {};
  return {
    tokensPerMonth: limits.tokensPerMonth ?? plan.tokensPerMonth,
    requestsPerMinute: limits.requestsPerMinute ?? plan.requestsPerMinute,
    cpu: limits.cpu ?? plan.cpu,
    memory: limits.memory ?? plan.memory,
  };
}
