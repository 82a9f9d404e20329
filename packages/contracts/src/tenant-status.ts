import Type, { type Static } from 'typebox';
import { CONDITION_REASON_PATTERN, CONDITION_TYPE_PATTERN } from './schema-patterns.ts';
import { TENANT_API_VERSION, TENANT_KIND } from './tenant-names.ts';
import { TenantSpecSchema } from './tenant-spec.ts';

/** The phases of a tenant, derived from its conditions for `kubectl get` (see `derivePhase`). */
export const TENANT_PHASES = [
  'Pending',
  'Provisioning',
  'Ready',
  'Degraded',
  'Suspended',
  'Terminating',
] as const;
/** One of {@link TENANT_PHASES}. */
export type TenantPhase = (typeof TENANT_PHASES)[number];

/** The statuses of a condition. */
export const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;
/** One of {@link CONDITION_STATUSES}. */
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** A status condition, shaped exactly like Kubernetes' `metav1.Condition`. */
export const ConditionSchema = Type.Object(
  {
    type: Type.String({
      maxLength: 316,
      pattern: CONDITION_TYPE_PATTERN,
      description: 'Type of condition in CamelCase, for example Ready.',
    }),
    status: Type.Enum([...CONDITION_STATUSES], { type: 'string', description: 'True, False or Unknown.' }),
    observedGeneration: Type.Optional(
      Type.Integer({ minimum: 0, description: 'metadata.generation the condition was computed from.' }),
    ),
    lastTransitionTime: Type.String({
      format: 'date-time',
      description: 'When the status last changed from one value to another.',
    }),
    reason: Type.String({
      minLength: 1,
      maxLength: 1024,
      pattern: CONDITION_REASON_PATTERN,
      description: 'Programmatic identifier in CamelCase for the last transition.',
    }),
    message: Type.String({ maxLength: 32_768, description: 'Human-readable detail of the last transition.' }),
  },
  { additionalProperties: false },
);

/** The observed state of a tenant, written by the operator. */
export const TenantStatusSchema = Type.Object(
  {
    phase: Type.Optional(
      Type.Enum([...TENANT_PHASES], {
        type: 'string',
        description: 'Summary of the conditions, for display.',
      }),
    ),
    observedGeneration: Type.Optional(
      Type.Integer({ minimum: 0, description: 'metadata.generation the operator last reconciled.' }),
    ),
    conditions: Type.Optional(
      Type.Array(ConditionSchema, {
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['type'],
        description: 'Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded.',
      }),
    ),
    namespace: Type.Optional(Type.String({ description: "Namespace that holds the tenant's runtime." })),
    endpoint: Type.Optional(Type.String({ description: "URL of the tenant's MCP endpoint." })),
  },
  { additionalProperties: false, description: 'Observed state of the tenant, written by the operator.' },
);

/** The Kubernetes object metadata LMO reads and writes on a Tenant; other fields pass through. */
export const TenantMetadataSchema = Type.Object({
  name: Type.String(),
  uid: Type.Optional(Type.String()),
  resourceVersion: Type.Optional(Type.String()),
  generation: Type.Optional(Type.Integer()),
  creationTimestamp: Type.Optional(Type.String()),
  deletionTimestamp: Type.Optional(Type.String()),
  labels: Type.Optional(Type.Record(Type.String(), Type.String())),
  annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
  finalizers: Type.Optional(Type.Array(Type.String())),
});

/** A whole Tenant object as the apiserver stores it. */
export const TenantSchema = Type.Object({
  apiVersion: Type.Literal(TENANT_API_VERSION),
  kind: Type.Literal(TENANT_KIND),
  metadata: TenantMetadataSchema,
  spec: TenantSpecSchema,
  status: Type.Optional(TenantStatusSchema),
});

/** A status condition (`metav1.Condition`). */
export type Condition = Static<typeof ConditionSchema>;
/** The observed state of a tenant. */
export type TenantStatus = Static<typeof TenantStatusSchema>;
/** The metadata of a Tenant object. */
export type TenantMetadata = Static<typeof TenantMetadataSchema>;
/** A Tenant object: `apiVersion`, `kind`, `metadata`, the defaulted `spec` and the optional `status`. */
export type Tenant = Static<typeof TenantSchema>;
