import type { Condition, ConditionStatus, TenantPhase } from './tenant-status.ts';

/** The condition types the operator writes on a Tenant. */
export const TENANT_CONDITION_TYPES = {
  /** The tenant serves requests: namespace and runtime are ready and it is not suspended. */
  Ready: 'Ready',
  /** The tenant namespace and its policy objects (quota, limits, network policy, RBAC) are applied. */
  NamespaceReady: 'NamespaceReady',
  /** The runtime Deployment has its desired replicas available. */
  RuntimeReady: 'RuntimeReady',
  /** `spec.suspended` is in effect. */
  Suspended: 'Suspended',
  /** Something needs attention: a failure the operator cannot fix by waiting. */
  Degraded: 'Degraded',
} as const;

/** One of the {@link TENANT_CONDITION_TYPES}. */
export type TenantConditionType = (typeof TENANT_CONDITION_TYPES)[keyof typeof TENANT_CONDITION_TYPES];

/** The reasons the operator gives for a condition's status; CamelCase and stable, for machines. */
export const TENANT_CONDITION_REASONS = {
  /** Everything the condition covers matches the spec. */
  Reconciled: 'Reconciled',
  /** Work is under way; nothing has failed. */
  Provisioning: 'Provisioning',
  /** The tenant namespace was created or already exists. */
  NamespaceCreated: 'NamespaceCreated',
  /** The tenant namespace is being deleted. */
  NamespaceTerminating: 'NamespaceTerminating',
  /** The runtime Deployment has its desired replicas available. */
  DeploymentAvailable: 'DeploymentAvailable',
  /** The runtime Deployment is rolling out. */
  DeploymentProgressing: 'DeploymentProgressing',
  /** The runtime Deployment failed to progress or lost its available replicas. */
  DeploymentUnavailable: 'DeploymentUnavailable',
  /** `spec.runtime.replicas` is 0. */
  ScaledToZero: 'ScaledToZero',
  /** `spec.suspended` is true. */
  Suspended: 'Suspended',
  /** `spec.suspended` went back to false. */
  Resumed: 'Resumed',
  /** `spec.providerSecretRef` names a Secret the operator may not copy (not labelled for LMO). */
  ProviderSecretRefForbidden: 'ProviderSecretRefForbidden',
  /** The Secret or key that `spec.providerSecretRef` names does not exist. */
  ProviderSecretMissing: 'ProviderSecretMissing',
  /** The spec passed the CRD schema but cannot be reconciled as written. */
  InvalidSpec: 'InvalidSpec',
  /** Server-side apply of a child object failed. */
  ApplyFailed: 'ApplyFailed',
  /** The Tenant is being deleted and its external resources are being cleaned up. */
  Terminating: 'Terminating',
} as const;

/** One of the {@link TENANT_CONDITION_REASONS}. */
export type TenantConditionReason = (typeof TENANT_CONDITION_REASONS)[keyof typeof TENANT_CONDITION_REASONS];

/** The new state of one condition; `lastTransitionTime` is computed by {@link setCondition}. */
export interface ConditionUpdate {
  readonly type: TenantConditionType;
  readonly status: ConditionStatus;
  readonly reason: TenantConditionReason;
  readonly message: string;
  readonly observedGeneration?: number;
}

/** The outcome of {@link setCondition}. */
export interface SetConditionResult {
  /** A new array; the input is never modified. */
  readonly conditions: Condition[];
  /** Whether anything differs from the input, that is whether status needs a patch. */
  readonly changed: boolean;
}

/**
 * A Kubernetes timestamp (RFC 3339, whole seconds, UTC). `metav1.Time` drops fractions of a second,
 * so a value written with milliseconds would read back different and look changed on every reconcile.
 */
export function kubernetesTime(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The condition of `type`, if present. */
export function findCondition(
  conditions: readonly Condition[] | undefined,
  type: string,
): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/** True when the condition of `type` is present with status `True`. */
export function isConditionTrue(conditions: readonly Condition[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

const sameCondition = (a: Condition, b: Condition): boolean =>
  a.status === b.status &&
  a.reason === b.reason &&
  a.message === b.message &&
  a.observedGeneration === b.observedGeneration &&
  a.lastTransitionTime === b.lastTransitionTime;

/**
 * Sets one condition, the way `meta.SetStatusCondition` does: `lastTransitionTime` becomes `now`
 * only when the condition is new or its status flips; reason, message and observedGeneration are
 * replaced. A new condition goes to the end; order is otherwise kept. Pure; never throws.
 */
export function setCondition(
  conditions: readonly Condition[] | undefined,
  next: ConditionUpdate,
  now: Date,
): SetConditionResult {
  const list = conditions ?? [];
  const current = findCondition(list, next.type);
  const updated: Condition = {
    type: next.type,
    status: next.status,
    reason: next.reason,
    message: next.message,
    lastTransitionTime: current?.status === next.status ? current.lastTransitionTime : kubernetesTime(now),
    ...(next.observedGeneration === undefined ? {} : { observedGeneration: next.observedGeneration }),
  };
  if (current === undefined) return { conditions: [...list, updated], changed: true };
  const changed = !sameCondition(current, updated);
  return {
    conditions: list.map((condition) => (condition === current && changed ? updated : condition)),
    changed,
  };
}

/** What besides its conditions decides a tenant's phase. */
export interface PhaseInputs {
  /** `spec.suspended`. */
  readonly suspended: boolean;
  /** `metadata.deletionTimestamp` is set. */
  readonly deleting: boolean;
}

/**
 * The phase shown by `kubectl get tenants`, a summary for people; code should read conditions.
 * Precedence: Terminating, Suspended, Degraded (a True `Degraded` condition), Ready (a True `Ready`
 * condition), Provisioning (some conditions written), Pending (none yet). Pure.
 */
export function derivePhase(conditions: readonly Condition[] | undefined, state: PhaseInputs): TenantPhase {
  if (state.deleting) return 'Terminating';
  if (state.suspended) return 'Suspended';
  if (isConditionTrue(conditions, TENANT_CONDITION_TYPES.Degraded)) return 'Degraded';
  if (isConditionTrue(conditions, TENANT_CONDITION_TYPES.Ready)) return 'Ready';
  return conditions === undefined || conditions.length === 0 ? 'Pending' : 'Provisioning';
}
