// The load: N plain Tenants created at once (bounded concurrency, as the
// admin), and their removal afterwards.
import { KubeApiError, type KubeRest } from '@lmo/kube';
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

async function createOne(rest: KubeRest, name: string, runId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rest.request('POST', TENANTS, {
        body: {
          apiVersion: 'lmo.dev/v1alpha1',
          kind: 'Tenant',
          metadata: { name, labels: { [BENCH_LABEL]: runId } },
          spec: benchSpec(name),
        },
      });
      return;
    } catch (error) {
      if (attempt >= 5 || !retriable(error)) throw error;
      await sleep(200 * attempt);
    }
  }
}

/** Creates the Tenants, at most `concurrency` requests in flight; `onCreated` after each. */
export async function createTenants(
  rest: KubeRest,
  names: readonly string[],
  options: { runId: string; concurrency: number; onCreated?: (done: number) => void },
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] as string;
      await createOne(rest, name, options.runId);
      options.onCreated?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, names.length) }, worker));
}

/** Deletes every Tenant of the run in one call (the operator then removes its finalizers). */
export async function deleteTenants(rest: KubeRest, runId: string): Promise<void> {
  await rest.request('DELETE', TENANTS, { query: { labelSelector: `${BENCH_LABEL}=${runId}` } });
}

/**
 * Last resort when the operator is gone and cannot let go of its Tenants:
 * removes every finalizer of the run's Tenants as the admin.
 */
export async function stripFinalizers(rest: KubeRest, runId: string): Promise<number> {
  const list = await rest.get<{ items: { metadata: { name: string; finalizers?: string[] } }[] }>(TENANTS, {
    query: { labelSelector: `${BENCH_LABEL}=${runId}` },
  });
  const stuck = list.items.filter((t) => (t.metadata.finalizers ?? []).length > 0);
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
