import type { KubeObject } from './kube-object.ts';

/** Where a kind lives in the REST API. */
export interface ResourceType {
  readonly apiVersion: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

/**
 * The kinds LMO's controllers read and write. A fixed table rather than
 * discovery: these are stable APIs, and a table costs no requests.
 */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  { apiVersion: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  { apiVersion: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', namespaced: true },
  { apiVersion: 'v1', kind: 'LimitRange', plural: 'limitranges', namespaced: true },
  { apiVersion: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true },
  { apiVersion: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  { apiVersion: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { apiVersion: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  { apiVersion: 'apps/v1', kind: 'Deployment', plural: 'deployments', namespaced: true },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', plural: 'networkpolicies', namespaced: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', plural: 'ingresses', namespaced: true },
  {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    plural: 'servicemonitors',
    namespaced: true,
  },
  { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', plural: 'leases', namespaced: true },
  { apiVersion: 'events.k8s.io/v1', kind: 'Event', plural: 'events', namespaced: true },
  { apiVersion: 'lmo.dev/v1alpha1', kind: 'Tenant', plural: 'tenants', namespaced: false },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    namespaced: false,
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', plural: 'roles', namespaced: true },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    plural: 'rolebindings',
    namespaced: true,
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
  },
];

/**
 * The resource type of an apiVersion and kind.
 * @throws Error for a kind missing from the table.
 */
export function resourceType(apiVersion: string, kind: string): ResourceType {
  const type = RESOURCE_TYPES.find((t) => t.apiVersion === apiVersion && t.kind === kind);
  if (!type) throw new Error(`unknown resource ${apiVersion} ${kind}: add it to RESOURCE_TYPES`);
  return type;
}

/** The collection path of a type, in one namespace or (namespace undefined) across all. */
export function collectionPath(type: ResourceType, namespace?: string): string {
  const prefix = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`;
  return type.namespaced && namespace
    ? `${prefix}/namespaces/${namespace}/${type.plural}`
    : `${prefix}/${type.plural}`;
}

/** The path of one object. */
export function objectPath(object: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  const type = resourceType(object.apiVersion, object.kind);
  return `${collectionPath(type, object.metadata.namespace)}/${encodeURIComponent(object.metadata.name)}`;
}

/**
 * The resource (plural, with a subresource if any) a REST path addresses:
 * `/api/v1/namespaces/a/secrets/b` → `secrets`, `/apis/lmo.dev/v1alpha1/tenants/x/status`
 * → `tenants/status`, `/api/v1/namespaces/a` → `namespaces`. For metric labels. Pure.
 */
export function resourceOfPath(path: string): string {
  const parts = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  const scoped = rest[0] === 'namespaces' && rest.length > 2 ? rest.slice(2) : rest;
  const [resource = 'unknown', , subresource] = scoped;
  return subresource ? `${resource}/${subresource}` : resource;
}
