// What one bench Tenant asks of the cluster, from the operator's own render
// of its spec with the default platform settings (as the operator is started):
// the objects to wait for, and the pods, CPU and memory to make room for.
import { DEFAULT_PLATFORM_SETTINGS, renderTenantManifests, type TenantManifest } from '@lmo/cdk8s';
import { validateTenantSpec } from '@lmo/contracts';
import { parseQuantity } from './quantity.ts';

/** How many objects of each kind (`apiVersion/kind`) one tenant gets. */
export interface ExpectedObjects {
  readonly byKind: Readonly<Record<string, number>>;
  readonly perTenant: number;
}

/** The runtime pods of one tenant and what they request in all (cores, bytes). */
export interface PodDemand {
  readonly pods: number;
  readonly cpu: number;
  readonly memory: number;
}

export interface TenantDemand {
  readonly objects: ExpectedObjects;
  readonly pods: PodDemand;
}

interface PodTemplate {
  spec?: {
    replicas?: number;
    template?: { spec?: { containers?: { resources?: { requests?: Record<string, string> } }[] } };
  };
}

/** Renders a tenant of `spec` as the operator would and counts what it asks for. */
export function tenantDemand(spec: unknown): TenantDemand {
  const valid = validateTenantSpec(spec);
  if (!valid.ok) throw new Error(`invalid bench spec: ${JSON.stringify(valid.issues)}`);
  const manifests = renderTenantManifests(
    { name: 'bench-sample', uid: '00000000-0000-0000-0000-000000000000', spec: valid.value },
    { ...DEFAULT_PLATFORM_SETTINGS, serviceMonitor: false },
  );
  const byKind: Record<string, number> = {};
  for (const m of manifests) {
    const key = `${m.apiVersion}/${m.kind}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  }
  return { objects: { byKind, perTenant: manifests.length }, pods: podDemand(manifests) };
}

function podDemand(manifests: readonly TenantManifest[]): PodDemand {
  const deployment = manifests.find((m) => m.kind === 'Deployment') as PodTemplate | undefined;
  const pods = deployment?.spec?.replicas ?? 0;
  const containers = deployment?.spec?.template?.spec?.containers ?? [];
  const sum = (resource: string): number =>
    containers.reduce((total, c) => total + (parseQuantity(c.resources?.requests?.[resource]) || 0), 0);
  return { pods, cpu: pods * sum('cpu'), memory: pods * sum('memory') };
}
