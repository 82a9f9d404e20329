import {
  derivePhase,
  findCondition,
  setCondition,
  type Condition,
  type ConditionUpdate,
  type TenantConditionReason,
  type TenantStatus,
} from '@lmo/contracts';

/** What the reconcile saw of the tenant's children. */
export interface TenantObservation {
  readonly generation: number;
  readonly suspended: boolean;
  /** Replicas the runtime should have (0 when suspended). */
  readonly desiredReplicas: number;
  readonly namespace: { readonly name: string; readonly phase: string | undefined };
  readonly deployment:
    | {
        readonly generation: number;
        readonly observedGeneration: number;
        readonly updatedReplicas: number;
        readonly availableReplicas: number;
      }
    | undefined;
  /** Why the spec cannot be (fully) applied, if it cannot. */
  readonly problem: { readonly reason: TenantConditionReason; readonly message: string } | undefined;
  readonly endpoint: string;
}

/** A condition that flipped, for Events. */
export interface ConditionFlip {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
}

const cond = (
  type: ConditionUpdate['type'],
  ok: boolean,
  reason: TenantConditionReason,
  message: string,
): Omit<ConditionUpdate, 'observedGeneration'> => ({ type, status: ok ? 'True' : 'False', reason, message });

function namespaceCondition(o: TenantObservation): Omit<ConditionUpdate, 'observedGeneration'> {
  if (o.namespace.phase === 'Active')
    return cond('NamespaceReady', true, 'NamespaceCreated', `Namespace ${o.namespace.name} is active`);
  if (o.namespace.phase === 'Terminating') {
    return cond(
      'NamespaceReady',
      false,
      'NamespaceTerminating',
      `Namespace ${o.namespace.name} is terminating`,
    );
  }
  return cond('NamespaceReady', false, 'Provisioning', `Namespace ${o.namespace.name} is being created`);
}

function runtimeCondition(o: TenantObservation): Omit<ConditionUpdate, 'observedGeneration'> {
  if (o.suspended)
    return cond(
      'RuntimeReady',
      false,
      'Suspended',
      'The runtime is scaled to zero because the tenant is suspended',
    );
  if (o.desiredReplicas === 0)
    return cond('RuntimeReady', false, 'ScaledToZero', 'spec.runtime.replicas is 0');
  const d = o.deployment;
  if (!d) return cond('RuntimeReady', false, 'Provisioning', 'The mcp-runtime Deployment is being created');
  // Ready means serving: a rolling update that keeps every replica available
  // (maxUnavailable 0) does not make the tenant unready; its progress is in the message.
  const rolledOut = d.observedGeneration >= d.generation && d.updatedReplicas >= o.desiredReplicas;
  const progress = rolledOut ? '' : `, rolling out (${d.updatedReplicas}/${o.desiredReplicas} updated)`;
  if (d.availableReplicas >= o.desiredReplicas) {
    return cond(
      'RuntimeReady',
      true,
      'DeploymentAvailable',
      `${d.availableReplicas}/${o.desiredReplicas} runtime replicas available${progress}`,
    );
  }
  return cond(
    'RuntimeReady',
    false,
    'DeploymentProgressing',
    `${d.availableReplicas}/${o.desiredReplicas} runtime replicas available, ${d.updatedReplicas} updated`,
  );
}

/** The five conditions for an observation, in a stable order. Pure. */
export function desiredConditions(o: TenantObservation): Omit<ConditionUpdate, 'observedGeneration'>[] {
  const namespace = namespaceCondition(o);
  const runtime = runtimeCondition(o);
  const suspended = o.suspended
    ? cond('Suspended', true, 'Suspended', 'spec.suspended is true: the runtime is scaled to zero')
    : cond('Suspended', false, 'Reconciled', 'The tenant is not suspended');
  const degraded = o.problem
    ? cond('Degraded', true, o.problem.reason, o.problem.message)
    : cond('Degraded', false, 'Reconciled', 'The spec is applied');
  const ready = readyCondition(o, namespace.status === 'True', runtime.status === 'True');
  return [ready, namespace, runtime, suspended, degraded];
}

function readyCondition(
  o: TenantObservation,
  namespaceReady: boolean,
  runtimeReady: boolean,
): Omit<ConditionUpdate, 'observedGeneration'> {
  if (o.problem) return cond('Ready', false, o.problem.reason, o.problem.message);
  if (o.suspended) return cond('Ready', false, 'Suspended', 'The tenant is suspended');
  if (namespaceReady && runtimeReady)
    return cond('Ready', true, 'Reconciled', `The tenant serves ${o.endpoint}`);
  return cond('Ready', false, 'Provisioning', 'The tenant is being provisioned');
}

/**
 * The Tenant's next status, whether it differs from `current` (write only
 * then), and which conditions flipped. `lastTransitionTime` moves only on a
 * flip (setCondition). Pure.
 */
export function nextTenantStatus(
  current: TenantStatus | undefined,
  o: TenantObservation,
  now: Date,
): { status: TenantStatus; changed: boolean; flips: ConditionFlip[] } {
  let conditions: Condition[] = [...(current?.conditions ?? [])];
  let changed = false;
  const flips: ConditionFlip[] = [];
  for (const update of desiredConditions(o)) {
    const before = findCondition(conditions, update.type);
    const result = setCondition(conditions, { ...update, observedGeneration: o.generation }, now);
    conditions = result.conditions;
    changed ||= result.changed;
    if (isNewsworthy(before?.status, update)) flips.push(update);
  }
  const status: TenantStatus = {
    phase: derivePhase(conditions, { suspended: o.suspended, deleting: false }),
    observedGeneration: o.generation,
    conditions,
    namespace: o.namespace.name,
    endpoint: o.endpoint,
  };
  changed ||= summaryChanged(current, status);
  return { status, changed, flips };
}

/**
 * Whether a condition change deserves an Event: a real flip, or a first
 * appearance that is good or bad news (Ready, Degraded). The other conditions
 * appearing as False on a new Tenant are noise, and each Event is a write.
 */
function isNewsworthy(
  before: string | undefined,
  update: Omit<ConditionUpdate, 'observedGeneration'>,
): boolean {
  if (before === update.status) return false;
  if (before !== undefined) return true;
  return update.status === 'True' && (update.type === 'Ready' || update.type === 'Degraded');
}

function summaryChanged(current: TenantStatus | undefined, next: TenantStatus): boolean {
  return (['phase', 'observedGeneration', 'namespace', 'endpoint'] as const).some(
    (k) => current?.[k] !== next[k],
  );
}
