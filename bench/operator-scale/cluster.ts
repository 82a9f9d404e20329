// The cluster the benchmark runs against: the harness's real control plane
// (brought up, never down: other people share it), the platform installed as
// the operator's tests install it, room for N more tenants, and a kubeconfig
// file with the operator's own ServiceAccount token for the child process.
import { writeFile } from 'node:fs/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { up } from '@lmo/harness';
import type { KubeRest } from '@lmo/kube';
import {
  adminKubeConfig,
  adminRest,
  installPlatform,
  operatorKubeConfig,
} from '../../operator/test/support/test-cluster.ts';

/** The harness services the benchmark needs (with their dependencies). */
const KUBE_SERVICES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok'];

/** An extra Service IP range for runs that need more than the harness's /24; added once, left in place. */
export const BENCH_SERVICE_CIDR = { name: 'lmo-bench', cidr: '10.112.0.0/16' } as const;

export interface BenchCluster {
  readonly kc: KubeConfig;
  readonly rest: KubeRest;
  readonly fakeNode: string;
}

/** Brings the control plane up (a no-op when it runs) and installs the CRD, namespace and RBAC. */
export async function prepareCluster(): Promise<BenchCluster> {
  const { env } = await up(KUBE_SERVICES);
  Object.assign(process.env, env);
  const rest = await adminRest();
  await installPlatform(rest);
  return { kc: adminKubeConfig(), rest, fakeNode: env['LMO_FAKE_NODE'] ?? 'kwok-node-0' };
}

/** Writes a kubeconfig for the operator's ServiceAccount (a one-hour token) to `file`, mode 0600. */
export async function writeOperatorKubeconfig(rest: KubeRest, file: string): Promise<void> {
  const kc = await operatorKubeConfig(rest);
  const cluster = kc.getCurrentCluster();
  const token = kc.getCurrentUser()?.token;
  if (!cluster || !token) throw new Error('no operator cluster or token');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'bench', cluster: { server: cluster.server, 'certificate-authority': cluster.caFile } },
    ],
    users: [{ name: 'lmo-operator', user: { token } }],
    contexts: [{ name: 'operator', context: { cluster: 'bench', user: 'lmo-operator' } }],
    'current-context': 'operator',
  };
  await writeFile(file, JSON.stringify(config, null, 2), { mode: 0o600 });
}

/** What `ensureRoom` changed in the shared cluster, for the report. */
export interface RoomChanges {
  serviceCidrAdded?: string;
  nodePodCapacity?: { node: string; from: number; to: number };
}

/**
 * Makes room for `tenants` more tenants (one Service and `podsPerTenant`
 * pods each): the harness serves Services from a /24 (about 250 addresses)
 * and its fake node takes 110 pods. Adds a ServiceCIDR and raises the fake
 * node's pod capacity when short; both are left in place, as lowering them
 * while a run's namespaces still terminate would starve other users.
 */
export async function ensureRoom(
  cluster: BenchCluster,
  tenants: number,
  podsPerTenant: number,
): Promise<RoomChanges> {
  const changes: RoomChanges = {};
  const free = await freeServiceIps(cluster.rest);
  if (free < tenants + 64) {
    await cluster.rest.apply(
      `/apis/networking.k8s.io/v1/servicecidrs/${BENCH_SERVICE_CIDR.name}`,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'ServiceCIDR',
        metadata: { name: BENCH_SERVICE_CIDR.name, labels: { 'app.kubernetes.io/part-of': 'lmo-bench' } },
        spec: { cidrs: [BENCH_SERVICE_CIDR.cidr] },
      },
      'lmo-bench',
    );
    changes.serviceCidrAdded = BENCH_SERVICE_CIDR.cidr;
  }
  const capacity = await raisePodCapacity(cluster, tenants * podsPerTenant);
  if (capacity) changes.nodePodCapacity = capacity;
  return changes;
}

interface ListOf<T> {
  items: T[];
}

/** Addresses left in every ServiceCIDR (IPv4) after the Services that hold one. */
async function freeServiceIps(rest: KubeRest): Promise<number> {
  const cidrs = await rest.get<ListOf<{ spec: { cidrs: string[] } }>>(
    '/apis/networking.k8s.io/v1/servicecidrs',
  );
  const size = cidrs.items
    .flatMap((c) => c.spec.cidrs)
    .filter((c) => c.includes('.'))
    .reduce((total, c) => total + 2 ** (32 - Number(c.split('/')[1])) - 2, 0);
  const services = await rest.get<ListOf<{ spec: { clusterIP?: string } }>>('/api/v1/services');
  const used = services.items.filter((s) => s.spec.clusterIP && s.spec.clusterIP !== 'None').length;
  return size - used;
}

async function raisePodCapacity(
  cluster: BenchCluster,
  newPods: number,
): Promise<RoomChanges['nodePodCapacity']> {
  const node = await cluster.rest.get<{ status: { capacity?: Record<string, string> } }>(
    `/api/v1/nodes/${cluster.fakeNode}`,
  );
  const from = Number(node.status.capacity?.['pods'] ?? 0);
  const pods = await cluster.rest.get<ListOf<unknown>>('/api/v1/pods', {
    query: { fieldSelector: `spec.nodeName=${cluster.fakeNode}` },
  });
  const needed = pods.items.length + newPods + 50;
  if (from >= needed) return undefined;
  const to = Math.ceil(needed / 1000) * 1000;
  await cluster.rest.request('PATCH', `/api/v1/nodes/${cluster.fakeNode}/status`, {
    body: { status: { capacity: { pods: String(to) }, allocatable: { pods: String(to) } } },
    contentType: 'application/merge-patch+json',
  });
  return { node: cluster.fakeNode, from, to };
}
