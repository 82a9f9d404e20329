/** A tenant as `GET /v1/tenants/acme` answers, for the settings tests. */
import type { TenantView } from '../../src/api/types.ts';

/** Tenant `acme` at generation 3, applied and ready, with one prompt template. */
export function tenantView(overrides: Partial<TenantView> = {}): TenantView {
  return {
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
    ...overrides,
  };
}
