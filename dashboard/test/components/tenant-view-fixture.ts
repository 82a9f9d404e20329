/** A tenant as `GET /v1/tenants/acme` answers, and the plans `GET /v1/billing/plans` lists, for the page tests. */
import type { TenantView } from '../../src/api/types.ts';

/** What a test changes of {@link tenantView}: any top-level field, and single fields of the spec. */
export type TenantViewOverrides = Partial<Omit<TenantView, 'spec'>> & { spec?: Partial<TenantView['spec']> };

/**
 * Tenant `acme` at generation 3, applied and ready, with one prompt template; `overrides` replace
 * top-level fields, and `overrides.spec` single fields of the spec.
 */
export function tenantView(overrides: TenantViewOverrides = {}): TenantView {
  const { spec, ...rest } = overrides;
  const view: TenantView = {
    name: 'acme',
    access: 'owner',
    createdAt: '2026-11-01T10:00:00.000Z',
    generation: 3,
    spec: {
      displayName: 'Acme',
      owner: 'owner@example.com',
      plan: 'free',
      model: { provider: 'echo', model: 'echo-1', temperature: 0.7, maxTokens: 1024 },
      limits: {},
      runtime: { replicas: 1 },
      promptTemplates: [
        {
          name: 'summarize',
          description: 'Summarize a text',
          template: 'Summarize: {{text}}',
          arguments: [{ name: 'text', required: true }],
        },
      ],
      suspended: false,
    },
    status: {
      phase: 'Ready',
      observedGeneration: 3,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Reconciled',
          message: 'Serving',
          lastTransitionTime: '2026-11-01T10:00:00Z',
          observedGeneration: 3,
        },
      ],
    },
  };
  return { ...view, ...rest, spec: { ...view.spec, ...spec } };
}

/** The platform's three plans, as `GET /v1/billing/plans` lists them. */
export const PLANS = {
  items: [
    {
      name: 'free',
      tokensPerMonth: 100_000,
      requestsPerMinute: 60,
      cpu: '500m',
      memory: '512Mi',
      maxReplicas: 1,
      monthlyPriceCents: 0,
      meteredCentsPerMillionTokens: 0,
      stripeLookupKey: 'lmo_free',
    },
    {
      name: 'pro',
      tokensPerMonth: 5_000_000,
      requestsPerMinute: 600,
      cpu: '2',
      memory: '4Gi',
      maxReplicas: 3,
      monthlyPriceCents: 4_900,
      meteredCentsPerMillionTokens: 200,
      stripeLookupKey: 'lmo_pro',
    },
    {
      name: 'enterprise',
      tokensPerMonth: 100_000_000,
      requestsPerMinute: 6_000,
      cpu: '16',
      memory: '32Gi',
      maxReplicas: 20,
      monthlyPriceCents: 99_900,
      meteredCentsPerMillionTokens: 120,
      stripeLookupKey: 'lmo_enterprise',
    },
  ],
};
