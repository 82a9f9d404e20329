import {
  isLmoError,
  tenantNamespace,
  validateTenantSpec,
  type TenantSpec,
  type TenantStatus,
} from '@lmo/contracts';
import {
  CONDITIONAL_TENANT_OBJECTS,
  RUNTIME_NAMES,
  renderTenantManifests,
  type PlatformSettings,
  type TenantManifest,
} from '@lmo/cdk8s';
import {
  describeObject,
  ensureFinalizer,
  isNotFound,
  isSubset,
  objectPath,
  patchStatus,
  removeFinalizer,
  type EventRecorder,
  type HandlerResult,
  type KubeObject,
  type KubeRest,
} from '@lmo/kube';
import type { Logger } from 'pino';
import { readProviderCredentials } from './provider-credentials.ts';
import type { ExternalCleanup } from './external-cleanup.ts';
import { nextTenantStatus, type ConditionFlip, type TenantObservation } from './tenant-status.ts';

/** Our field manager for server-side apply, and our finalizer (for cleanup outside the cluster only). */
export const FIELD_MANAGER = 'lmo-operator';
export const CLEANUP_FINALIZER = 'lmo.dev/cleanup';

export interface TenantObject extends KubeObject {
  spec?: unknown;
  status?: TenantStatus;
}

/** Reads of the informers' caches: the current state of a kind's object, without an API call. */
export type CacheLookup = (
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
) => KubeObject | undefined;

export interface ReconcilerDeps {
  readonly rest: KubeRest;
  readonly tenant: (name: string) => TenantObject | undefined;
  readonly cached: CacheLookup;
  readonly settings: PlatformSettings;
  readonly events: EventRecorder;
  readonly cleanup: ExternalCleanup;
  readonly logger: Logger;
  readonly now: () => Date;
  /** How long until a Tenant is checked again when nothing wakes it earlier. */
  readonly resyncMs: number;
}

/**
 * One level-triggered, idempotent pass over a Tenant: whatever woke it,
 * read the latest object, clean up if it is being deleted, otherwise ensure
 * the finalizer, compute the desired children (a pure render), apply those
 * that differ from the cache, observe, and write status only when it changed.
 * @throws on API failures; the work queue retries with backoff.
 */
export async function reconcileTenant(deps: ReconcilerDeps, name: string): Promise<HandlerResult> {
  const tenant = deps.tenant(name);
  if (!tenant) return {};
  const log = deps.logger.child({ tenant: name });
  if (tenant.metadata.deletionTimestamp) {
    await finalize(deps, tenant, log);
    return {};
  }
  // Go on in the same pass: returning here would make a burst of new Tenants
  // wait for every finalizer patch before any of them got its objects.
  await ensureFinalizer(deps.rest, tenant, CLEANUP_FINALIZER);
  const spec = validateTenantSpec(tenant.spec);
  if (!spec.ok) {
    const message = spec.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    await writeStatus(
      deps,
      tenant,
      observe(deps, tenant, undefined, { reason: 'InvalidSpec', message }),
      log,
    );
    return { requeueAfterMs: deps.resyncMs };
  }
  const credentials = await readProviderCredentials(deps.rest, spec.value, deps.settings.platformNamespace);
  if (!credentials.ok) {
    // Apply nothing: a half-applied tenant is worse than one left as it was.
    log.warn({ reason: credentials.reason }, credentials.message);
    await writeStatus(deps, tenant, observe(deps, tenant, spec.value, credentials), log);
    return { requeueAfterMs: deps.resyncMs };
  }
  const desired = render(deps, tenant, spec.value, credentials.apiKey);
  if (!Array.isArray(desired)) {
    await writeStatus(deps, tenant, observe(deps, tenant, spec.value, desired), log);
    return { requeueAfterMs: deps.resyncMs };
  }
  const changed = await applyChanged(deps, desired, log);
  await deleteStale(deps, name, desired, log);
  if (changed.length > 0) {
    await deps.events.record(tenant, 'Normal', 'Applied', `Applied ${changed.join(', ')}`);
  }
  await writeStatus(deps, tenant, observe(deps, tenant, spec.value, undefined), log);
  return { requeueAfterMs: deps.resyncMs };
}

/** The desired children, or the problem that stops them from being rendered (e.g. requests above limits). */
function render(
  deps: ReconcilerDeps,
  tenant: TenantObject,
  spec: TenantSpec,
  providerApiKey: string | undefined,
): TenantManifest[] | NonNullable<TenantObservation['problem']> {
  const input = {
    name: tenant.metadata.name,
    uid: tenant.metadata.uid ?? '',
    spec,
    ...(providerApiKey ? { providerApiKey } : {}),
  };
  try {
    return renderTenantManifests(input, deps.settings);
  } catch (error) {
    if (!isLmoError(error)) throw error;
    return { reason: 'InvalidSpec', message: error.message };
  }
}

/** Server-side applies each desired object the cache shows different or missing; returns what it applied. */
async function applyChanged(
  deps: ReconcilerDeps,
  desired: readonly TenantManifest[],
  log: Logger,
): Promise<string[]> {
  const applied: string[] = [];
  for (const object of desired) {
    const { apiVersion, kind, metadata } = object;
    const live = deps.cached(apiVersion, kind, metadata.name, metadata.namespace);
    if (live && isSubset(object, live)) continue;
    await deps.rest.apply(objectPath(object as KubeObject), object, FIELD_MANAGER);
    const what = describeObject(object as KubeObject);
    log.info({ object: what }, live ? `Repaired ${what}` : `Created ${what}`);
    applied.push(`${kind} ${metadata.name}`);
  }
  return applied;
}

/** Deletes the optional objects (PDB, ServiceMonitor) that the current render no longer has. */
async function deleteStale(
  deps: ReconcilerDeps,
  name: string,
  desired: readonly TenantManifest[],
  log: Logger,
): Promise<void> {
  const namespace = tenantNamespace(name);
  for (const optional of CONDITIONAL_TENANT_OBJECTS) {
    const wanted = desired.some((o) => o.kind === optional.kind && o.metadata.name === optional.name);
    const live = deps.cached(optional.apiVersion, optional.kind, optional.name, namespace);
    if (wanted || !live) continue;
    try {
      await deps.rest.request('DELETE', objectPath(live));
      log.info(`Deleted ${describeObject(live)}, no longer needed`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

function observe(
  deps: ReconcilerDeps,
  tenant: TenantObject,
  spec: TenantSpec | undefined,
  problem: TenantObservation['problem'],
): TenantObservation {
  const name = tenant.metadata.name;
  const namespace = tenantNamespace(name);
  const ns = deps.cached('v1', 'Namespace', namespace) as { status?: { phase?: string } } | undefined;
  const suspended = spec?.suspended ?? false;
  const scheme = deps.settings.ingressTlsSecretName ? 'https' : 'http';
  return {
    generation: tenant.metadata.generation ?? 0,
    suspended,
    desiredReplicas: suspended ? 0 : (spec?.runtime.replicas ?? 0),
    namespace: { name: namespace, phase: ns?.status?.phase },
    deployment: deploymentObservation(
      deps.cached('apps/v1', 'Deployment', RUNTIME_NAMES.deployment, namespace),
    ),
    problem,
    endpoint: `${scheme}://${deps.settings.ingressHost}/t/${name}/mcp`,
  };
}

function deploymentObservation(live: KubeObject | undefined): TenantObservation['deployment'] {
  if (!live) return undefined;
  const status = (live.status ?? {}) as {
    observedGeneration?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
  };
  return {
    generation: live.metadata.generation ?? 0,
    observedGeneration: status.observedGeneration ?? 0,
    updatedReplicas: status.updatedReplicas ?? 0,
    availableReplicas: status.availableReplicas ?? 0,
  };
}

async function writeStatus(
  deps: ReconcilerDeps,
  tenant: TenantObject,
  o: TenantObservation,
  log: Logger,
): Promise<void> {
  const { status, changed, flips } = nextTenantStatus(tenant.status, o, deps.now());
  if (!changed) return;
  await patchStatus(deps.rest, tenant, status);
  log.info({ phase: status.phase }, `Updated Tenant status: ${status.phase ?? ''}`);
  for (const flip of flips) await deps.events.record(tenant, eventType(flip), flip.reason, flip.message);
}

const eventType = (flip: ConditionFlip): 'Normal' | 'Warning' =>
  (flip.type === 'Degraded' && flip.status === 'True') || (flip.type === 'Ready' && flip.status === 'False')
    ? 'Warning'
    : 'Normal';

/** Deletion: clean up outside the cluster, then let go; the garbage collector removes the children. */
async function finalize(deps: ReconcilerDeps, tenant: TenantObject, log: Logger): Promise<void> {
  if (!tenant.metadata.finalizers?.includes(CLEANUP_FINALIZER)) return;
  await deps.cleanup.tenantDeleted(tenant.metadata.name);
  await removeFinalizer(deps.rest, tenant, CLEANUP_FINALIZER);
  log.info('Cleaned up outside the cluster; the garbage collector removes the namespace');
}
