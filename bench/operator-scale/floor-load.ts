// The control plane's floor: what it costs the control plane alone to take
// the objects the operator renders for N tenants, written by the plainest
// client there is. No operator, no Tenant, no status, no Events, no
// finalizer; a JSON POST per object (or, with `method: 'apply'`, the same
// server-side apply the operator sends). No operator can make the same
// objects exist faster on the same machine.
import { tenantNamespace, validateTenantSpec } from '@lmo/contracts';
import { DEFAULT_PLATFORM_SETTINGS, renderTenantManifests, type TenantManifest } from '@lmo/cdk8s';
import {
  collectionPath,
  isConflict,
  isNotFound,
  objectPath,
  resourceType,
  type KubeObject,
  type KubeRest,
} from '@lmo/kube';
import { benchSpec, inPool } from './tenant-load.ts';

export type FloorMethod = 'post' | 'apply';

/** The field manager of the floor's writes. */
const FLOOR_MANAGER = 'lmo-bench-floor';

/**
 * The objects the operator would apply for a bench Tenant, in its order (Namespace first), without
 * owner references: there is no Tenant to own them, and the garbage collector would delete children
 * of a missing owner. Pure.
 */
export function floorObjects(name: string): KubeObject[] {
  const spec = validateTenantSpec(benchSpec(name));
  if (!spec.ok) throw new Error(`bench spec invalid: ${spec.issues.map((i) => i.message).join('; ')}`);
  const rendered = renderTenantManifests({ name, uid: '', spec: spec.value }, DEFAULT_PLATFORM_SETTINGS);
  return rendered.map((o: TenantManifest) => {
    const metadata: Record<string, unknown> = { ...o.metadata };
    delete metadata['ownerReferences'];
    return { ...o, metadata } as KubeObject;
  });
}

/** Writes one object the chosen way; a 409 on a POST (a retried create that went through) is fine. */
async function write(rest: KubeRest, object: KubeObject, method: FloorMethod): Promise<void> {
  if (method === 'apply') {
    await rest.apply(objectPath(object), object, FLOOR_MANAGER);
    return;
  }
  try {
    await rest.request(
      'POST',
      collectionPath(resourceType(object.apiVersion, object.kind), object.metadata.namespace),
      {
        body: object,
        query: { fieldManager: FLOOR_MANAGER },
      },
    );
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}

/**
 * Writes every tenant's objects, `concurrency` tenants at a time, each tenant's objects one after
 * another (as an operator worker does); `onTenant` after each tenant with the milliseconds since
 * the start.
 */
export async function createFloor(
  rest: KubeRest,
  names: readonly string[],
  options: { method: FloorMethod; concurrency: number; onTenant: (ms: number) => void },
): Promise<number> {
  const started = performance.now();
  let writes = 0;
  await inPool(names, options.concurrency, async (name) => {
    for (const object of floorObjects(name)) {
      await write(rest, object, options.method);
      writes++;
    }
    options.onTenant(performance.now() - started);
  });
  return writes;
}

/** Deletes the floor's namespaces, one DELETE each; their objects go with them. */
export async function deleteFloorNamespaces(
  rest: KubeRest,
  names: readonly string[],
  concurrency: number,
): Promise<void> {
  await inPool(names, concurrency, async (name) => {
    try {
      await rest.request('DELETE', `/api/v1/namespaces/${tenantNamespace(name)}`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  });
}
