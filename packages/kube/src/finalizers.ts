import type { KubeObject } from './kube-object.ts';
import type { KubeRest } from './kube-rest.ts';
import { objectPath } from './resource-paths.ts';

/**
 * Adds a finalizer unless present. A JSON patch that tests the
 * resourceVersion, so a concurrent change makes it fail (409) rather than
 * overwrite another controller's finalizers.
 */
export async function ensureFinalizer(
  rest: KubeRest,
  object: KubeObject,
  finalizer: string,
): Promise<boolean> {
  const current = object.metadata.finalizers ?? [];
  if (current.includes(finalizer)) return false;
  const ops = [
    { op: 'test', path: '/metadata/resourceVersion', value: object.metadata.resourceVersion },
    current.length === 0
      ? { op: 'add', path: '/metadata/finalizers', value: [finalizer] }
      : { op: 'add', path: '/metadata/finalizers/-', value: finalizer },
  ];
  await rest.request('PATCH', objectPath(object), { body: ops, contentType: 'application/json-patch+json' });
  return true;
}

/** Removes a finalizer if present, guarded by the resourceVersion like `ensureFinalizer`. */
export async function removeFinalizer(
  rest: KubeRest,
  object: KubeObject,
  finalizer: string,
): Promise<boolean> {
  const index = (object.metadata.finalizers ?? []).indexOf(finalizer);
  if (index < 0) return false;
  const ops = [
    { op: 'test', path: '/metadata/resourceVersion', value: object.metadata.resourceVersion },
    { op: 'remove', path: `/metadata/finalizers/${index}` },
  ];
  await rest.request('PATCH', objectPath(object), { body: ops, contentType: 'application/json-patch+json' });
  return true;
}

/** Replaces the status subresource with a merge patch. */
export async function patchStatus(rest: KubeRest, object: KubeObject, status: unknown): Promise<void> {
  await rest.request('PATCH', `${objectPath(object)}/status`, {
    body: { status },
    contentType: 'application/merge-patch+json',
  });
}
