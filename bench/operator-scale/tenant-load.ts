// The load: N plain Tenants created at once (bounded concurrency, as the
// admin), and their removal afterwards.
import { isConflict, isNotFound, KubeApiError, type KubeRest } from '@lmo/kube';
import { setTimeout as sleep } from 'node:timers/promises';

const TENANTS = '/apis/lmo.dev/v1alpha1/tenants';
export const BENCH_LABEL = 'lmo.dev/bench';

/** The spec every bench Tenant gets: the minimum; defaults fill the rest (one runtime replica). */
export const benchSpec = (name: string): Record<string, unknown> => ({
  displayName: `Bench tenant ${name}`,
  owner: `bench@${name}.example`,
});

/** Tenant names of a run: `<prefix>0000`, `<prefix>0001`, … */
export const tenantNames = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

/** Whether a failed call is worth another try (throttled, or the server was busy). */
const retriable = (error: unknown): boolean =>
  !(error instanceof KubeApiError) || error.status === 429 || error.status >= 500;

/** Calls `fn`, again after 200 ms, 400 ms, … when it fails for a reason worth another try (5 tries). */
async function withRetries(fn: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fn();
      return;
    } catch (error) {
      if (attempt >= 5 || !retriable(error)) throw error;
      await sleep(200 * attempt);
    }
  }
}

/** Runs `fn` on every item, at most `concurrency` at a time; `onDone` after each. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
  onDone?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      await fn(items[next++] as T);
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Creates the Tenants, at most `concurrency` requests in flight; `onCreated` after each. */
export function createTenants(
  rest: KubeRest,
  names: readonly string[],
  options: { runId: string; concurrency: number; onCreated?: (done: number) => void },
): Promise<void> {
  const body = (name: string): unknown => ({
    apiVersion: 'lmo.dev/v1alpha1',
    kind: 'Tenant',
    metadata: { name, labels: { [BENCH_LABEL]: options.runId } },
    spec: benchSpec(name),
  });
  const create = (name: string): Promise<void> =>
    withRetries(async () => {
      try {
        await rest.request('POST', TENANTS, { body: body(name) });
      } catch (error) {
        // A retry after a timed-out create that went through.
        if (!isConflict(error)) throw error;
      }
    });
  return inPool(names, options.concurrency, create, options.onCreated);
}

interface TenantMeta {
  metadata: { name: string; deletionTimestamp?: string; finalizers?: string[] };
}

const listTenants = async (rest: KubeRest, runId: string): Promise<TenantMeta[]> =>
  (await rest.get<{ items: TenantMeta[] }>(TENANTS, { query: { labelSelector: `${BENCH_LABEL}=${runId}` } }))
    .items;

/**
 * Deletes every Tenant of the run, one request each (a DELETE of the whole
 * collection outlasts the client's timeout on a busy apiserver); the operator
 * then removes its finalizers. Returns how many it asked to delete.
 */
export async function deleteTenants(rest: KubeRest, runId: string, concurrency: number): Promise<number> {
  const live = (await listTenants(rest, runId)).filter((t) => !t.metadata.deletionTimestamp);
  const remove = (t: TenantMeta): Promise<void> =>
    withRetries(async () => {
      try {
        await rest.request('DELETE', `${TENANTS}/${t.metadata.name}`);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    });
  await inPool(live, concurrency, remove);
  return live.length;
}

/**
 * Last resort when the operator is gone and cannot let go of its Tenants:
 * removes every finalizer of the run's Tenants as the admin.
 */
export async function stripFinalizers(rest: KubeRest, runId: string): Promise<number> {
  const stuck = (await listTenants(rest, runId)).filter((t) => (t.metadata.finalizers ?? []).length > 0);
  for (const t of stuck) {
    await rest.request('PATCH', `${TENANTS}/${t.metadata.name}`, {
      body: { metadata: { finalizers: null } },
      contentType: 'application/merge-patch+json',
    });
  }
  return stuck.length;
}

/** Namespaces of the run's tenants that still exist (they terminate after the Tenants go). */
export async function namespacesLeft(rest: KubeRest, prefix: string): Promise<number> {
  const list = await rest.get<{ items: { metadata: { name: string } }[] }>('/api/v1/namespaces', {
    query: { labelSelector: 'app.kubernetes.io/managed-by=lmo-operator' },
  });
  return list.items.filter((n) => n.metadata.name.startsWith(`lmo-t-${prefix}`)).length;
}
