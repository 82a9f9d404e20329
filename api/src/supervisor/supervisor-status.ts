/**
 * The status the standalone supervisor writes on a tenant: the conditions the operator writes in a
 * cluster (`Ready`, `NamespaceReady`, `RuntimeReady`, `Suspended`, `Degraded`), with the same
 * reasons, so the API and dashboard read a standalone tenant exactly like a cluster one. The tenant
 * directory stands in for the namespace, the runtime process for the Deployment. Pure.
 */
import {
  derivePhase,
  setCondition,
  type Condition,
  type ConditionUpdate,
  type TenantConditionReason,
  type TenantStatus,
} from '@lmo/contracts';
import type { RuntimeDesire } from './runtime-plan.ts';

/** What the supervisor saw of a tenant's runtime process. */
export type ProcessObservation =
  | { readonly state: 'none' }
  | { readonly state: 'starting' }
  | { readonly state: 'ready'; readonly address: string }
  | {
      readonly state: 'crashed';
      /** How the last run ended: `code 1`, `signal SIGKILL`, `not ready within 30 s`. */
      readonly exit: string;
      readonly failures: number;
      readonly restartInMs: number;
    };

/** One reconcile's observation of a tenant. */
export interface SupervisorObservation {
  /** The spec generation whose configuration is on disk. */
  readonly generation: number;
  readonly desire: RuntimeDesire;
  readonly process: ProcessObservation;
  /** The tenant directory, shown as the namespace's stand-in. */
  readonly directory: string;
  /** Why the spec cannot be applied (the config did not render), if it cannot. */
  readonly problem: { readonly reason: TenantConditionReason; readonly message: string } | undefined;
  /** The tenant's MCP URL through the API: `<api>/t/<tenant>/mcp`. */
  readonly endpoint: string;
  /** Consecutive failures from which the tenant counts as degraded. */
  readonly degradedAfter: number;
}

type Update = Omit<ConditionUpdate, 'observedGeneration'>;

const cond = (type: Update['type'], ok: boolean, reason: TenantConditionReason, message: string): Update => ({
  type,
  status: ok ? 'True' : 'False',
  reason,
  message,
});

function seconds(ms: number): string {
  return `${String(Math.round(ms / 100) / 10)} s`;
}

function runtimeCondition(o: SupervisorObservation): Update {
  if (!o.desire.run && o.desire.why === 'suspended') {
    return cond('RuntimeReady', false, 'Suspended', 'The runtime is stopped because the tenant is suspended');
  }
  if (!o.desire.run) return cond('RuntimeReady', false, 'ScaledToZero', 'spec.runtime.replicas is 0');
  const p = o.process;
  if (p.state === 'ready') {
    return cond('RuntimeReady', true, 'DeploymentAvailable', `1/1 runtime processes ready on ${p.address}`);
  }
  if (p.state === 'crashed') {
    return cond(
      'RuntimeReady',
      false,
      'DeploymentUnavailable',
      `The mcp-runtime process ended (${p.exit}); restart ${String(p.failures)} in ${seconds(p.restartInMs)}`,
    );
  }
  return cond('RuntimeReady', false, 'Provisioning', 'The mcp-runtime process is starting');
}

function degradedCondition(o: SupervisorObservation): Update {
  if (o.problem) return cond('Degraded', true, o.problem.reason, o.problem.message);
  const p = o.process;
  if (o.desire.run && p.state === 'crashed' && p.failures >= o.degradedAfter) {
    return cond(
      'Degraded',
      true,
      'DeploymentUnavailable',
      `The mcp-runtime process failed ${String(p.failures)} times in a row (last: ${p.exit}); see its log`,
    );
  }
  return cond('Degraded', false, 'Reconciled', 'The spec is applied');
}

function readyCondition(o: SupervisorObservation, runtimeReady: boolean): Update {
  if (o.problem) return cond('Ready', false, o.problem.reason, o.problem.message);
  if (!o.desire.run && o.desire.why === 'suspended') {
    return cond('Ready', false, 'Suspended', 'The tenant is suspended');
  }
  if (runtimeReady) return cond('Ready', true, 'Reconciled', `The tenant serves ${o.endpoint}`);
  return cond('Ready', false, 'Provisioning', 'The tenant is being provisioned');
}

/** The five conditions for an observation, in the operator's order. Pure. */
export function supervisorConditions(o: SupervisorObservation): Update[] {
  const namespace = cond(
    'NamespaceReady',
    true,
    'NamespaceCreated',
    `Standalone: the tenant directory ${o.directory} is in place`,
  );
  const runtime = runtimeCondition(o);
  const suspended =
    !o.desire.run && o.desire.why === 'suspended'
      ? cond('Suspended', true, 'Suspended', 'spec.suspended is true: the runtime is stopped')
      : cond('Suspended', false, 'Reconciled', 'The tenant is not suspended');
  const ready = readyCondition(o, runtime.status === 'True');
  return [ready, namespace, runtime, suspended, degradedCondition(o)];
}

/**
 * The tenant's next status and whether it differs from `current` (write only then);
 * `lastTransitionTime` moves only when a condition flips. Pure.
 */
export function nextSupervisedStatus(
  current: TenantStatus | undefined,
  o: SupervisorObservation,
  now: Date,
): { status: TenantStatus; changed: boolean } {
  let conditions: Condition[] = [...(current?.conditions ?? [])];
  let changed = false;
  for (const update of supervisorConditions(o)) {
    const result = setCondition(conditions, { ...update, observedGeneration: o.generation }, now);
    conditions = result.conditions;
    changed ||= result.changed;
  }
  const status: TenantStatus = {
    phase: derivePhase(conditions, {
      suspended: !o.desire.run && o.desire.why === 'suspended',
      deleting: false,
    }),
    observedGeneration: o.generation,
    conditions,
    endpoint: o.endpoint,
  };
  changed ||= (['phase', 'observedGeneration', 'endpoint'] as const).some((k) => current?.[k] !== status[k]);
  return { status, changed };
}
