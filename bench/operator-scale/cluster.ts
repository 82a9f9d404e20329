// The cluster the benchmark runs against: the harness's real control plane
// (brought up, never down: other people share it), the platform installed as
// the operator's tests install it, room for N more tenants, and a kubeconfig
// file with the operator's own ServiceAccount token for the child process.
import { writeFile } from 'node:fs/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { up } from '@lmo/harness';
import type { KubeRest } from '@lmo/kube';
import { parseQuantity } from './quantity.ts';
import type { PodDemand } from './tenant-demand.ts';
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
  nodeCapacity?: { node: string; from: Record<string, string>; to: Record<string, string> };
}

/**
 * Makes room for `tenants` more tenants (one Service and `demand` in pods
 * each): the harness serves Services from a /24 (about 250 addresses) and its
 * fake node takes 110 pods and 32 cores of requests. Adds a ServiceCIDR and
 * raises the fake node's capacity when short; both are left in place, as
 * lowering them while a run's namespaces still terminate would starve others.
 */
export async function ensureRoom(
  cluster: BenchCluster,
  tenants: number,
  demand: PodDemand,
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
  const capacity = await raiseNodeCapacity(cluster, {
    pods: tenants * demand.pods,
    cpu: tenants * demand.cpu,
    memory: tenants * demand.memory,
  });
  if (capacity) changes.nodeCapacity = capacity;
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

interface NodePod {
  status?: { phase?: string };
  spec: { containers: { resources?: { requests?: Record<string, string> } }[] };
}

/** Room left for others on top of the run: a few dozen pods' worth. */
const HEADROOM = { pods: 50, cpu: 8, memory: 16 * 2 ** 30 } as const;
const RESOURCES = ['pods', 'cpu', 'memory'] as const;

async function raiseNodeCapacity(
  cluster: BenchCluster,
  more: Record<(typeof RESOURCES)[number], number>,
): Promise<RoomChanges['nodeCapacity']> {
  const node = await cluster.rest.get<{ status: { allocatable?: Record<string, string> } }>(
    `/api/v1/nodes/${cluster.fakeNode}`,
  );
  const from = node.status.allocatable ?? {};
  const pods = await cluster.rest.get<ListOf<NodePod>>('/api/v1/pods', {
    query: { fieldSelector: `spec.nodeName=${cluster.fakeNode}` },
  });
  const live = pods.items.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const requested = (resource: string): number =>
    live.reduce(
      (total, p) =>
        total +
        p.spec.containers.reduce((t, c) => t + (parseQuantity(c.resources?.requests?.[resource]) || 0), 0),
      0,
    );
  const used = { pods: live.length, cpu: requested('cpu'), memory: requested('memory') };
  const needed = (r: (typeof RESOURCES)[number]): number => used[r] + more[r] + HEADROOM[r];
  if (RESOURCES.every((r) => parseQuantity(from[r]) >= needed(r))) return undefined;
  const to = {
    pods: String(Math.max(parseQuantity(from['pods']) || 0, Math.ceil(needed('pods') / 1000) * 1000)),
    cpu: String(Math.max(parseQuantity(from['cpu']) || 0, Math.ceil(needed('cpu') / 64) * 64)),
    memory: `${Math.max((parseQuantity(from['memory']) || 0) / 2 ** 30, Math.ceil(needed('memory') / 2 ** 38) * 256)}Gi`,
  };
  await cluster.rest.request('PATCH', `/api/v1/nodes/${cluster.fakeNode}/status`, {
    body: { status: { capacity: to, allocatable: to } },
    contentType: 'application/merge-patch+json',
  });
  return { node: cluster.fakeNode, from: pick(from), to };
}

const pick = (r: Record<string, string>): Record<string, string> =>
  Object.fromEntries(RESOURCES.map((k) => [k, r[k] ?? '']));
