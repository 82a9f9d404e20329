/**
 * Names, labels and owner references shared by every per-tenant object, so that the constructs, the
 * operator and the tests refer to them by constant rather than by string literal.
 */
import { TENANT_API_VERSION, TENANT_KIND, tenantNamespace } from '@lmo/contracts';
import type { k8s } from 'cdk8s-plus-34';

/** The Tenant that owns an object: its labels and controller owner reference come from it. */
export interface TenantOwner {
  /** `metadata.name` of the Tenant, a valid tenant name. */
  readonly name: string;
  /** `metadata.uid` of the Tenant, for the owner reference. */
  readonly uid: string;
}

/** Props every per-tenant construct takes. */
export interface TenantObjectProps {
  /** The owning Tenant. Its namespace is `tenantNamespace(tenant.name)`. */
  readonly tenant: TenantOwner;
}

/** The name of every object a tenant gets (the Namespace's is `tenantNamespace(name)`). */
export const RUNTIME_NAMES = {
  /** The runtime Deployment. */
  deployment: 'mcp-runtime',
  /** The runtime Service (ClusterIP). */
  service: 'mcp-runtime',
  /** The runtime's ServiceAccount (no token, no role bindings). */
  serviceAccount: 'mcp-runtime',
  /** The ConfigMap holding `config.json`. */
  configMap: 'mcp-runtime-config',
  /** The Secret holding the provider key (operator) and API-key hashes (platform API). */
  secret: 'mcp-runtime-secrets',
  /** The PodDisruptionBudget, present only with more than one replica. */
  podDisruptionBudget: 'mcp-runtime',
  /** The Ingress routing `/t/<tenant>/` to the Service. */
  ingress: 'mcp-runtime',
  /** The ServiceMonitor, present only when the platform enables it. */
  serviceMonitor: 'mcp-runtime',
  /** The runtime container inside the pod. */
  container: 'mcp-runtime',
  /** The namespace's ResourceQuota. */
  resourceQuota: 'tenant-quota',
  /** The namespace's LimitRange. */
  limitRange: 'tenant-limits',
  /** NetworkPolicy denying all traffic in and out of every pod of the namespace. */
  networkPolicyDefaultDeny: 'default-deny',
  /** NetworkPolicy admitting the gateway namespace to the MCP port. */
  networkPolicyMcpFromGateway: 'allow-mcp-from-gateway',
  /** NetworkPolicy admitting the monitoring namespace to the metrics port. */
  networkPolicyMetricsFromMonitoring: 'allow-metrics-from-monitoring',
  /** NetworkPolicy letting the runtime reach DNS and the LLM providers. */
  networkPolicyEgress: 'allow-egress',
} as const;

/** Names of the runtime's container and Service ports. */
export const RUNTIME_PORT_NAMES = { mcp: 'mcp', metrics: 'metrics' } as const;

/** Keys inside the runtime ConfigMap and Secret. */
export const RUNTIME_FILE_KEYS = {
  /** ConfigMap key holding the runtime configuration JSON. */
  config: 'config.json',
  /** Secret key holding the plaintext provider API key; the only key the operator owns. */
  providerApiKey: 'provider-api-key',
} as const;

/** Where the runtime container finds its files. */
export const RUNTIME_MOUNT_PATHS = {
  config: '/etc/lmo/config',
  secrets: '/etc/lmo/secrets',
  tmp: '/tmp',
} as const;

/** Pod-template annotation carrying {@link runtimeConfigHash}, so that a config change rolls the pods. */
export const CONFIG_HASH_ANNOTATION = 'lmo.dev/config-hash';

/** The label naming the tenant an object belongs to. */
export const TENANT_LABEL = 'lmo.dev/tenant';

/** The `app.kubernetes.io/name` of the runtime's pods, Service and selector. */
export const RUNTIME_APP_NAME = 'mcp-runtime';

/** A rendered Kubernetes object as plain JSON, what {@link renderTenantManifests} returns. */
export interface TenantManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly ownerReferences?: readonly TenantOwnerReference[];
  };
  readonly [field: string]: unknown;
}

/** A controller owner reference to a Tenant. */
export interface TenantOwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller: true;
  readonly blockOwnerDeletion: true;
}

/**
 * The labels on every object a tenant gets: part-of LMO, managed by the operator, and the tenant's
 * name. The operator can list a tenant's objects with the `lmo.dev/tenant=<name>` selector.
 */
export function tenantLabels(tenantName: string): Record<string, string> {
  return {
    'app.kubernetes.io/part-of': 'lmo',
    'app.kubernetes.io/managed-by': 'lmo-operator',
    [TENANT_LABEL]: tenantName,
  };
}

/**
 * The runtime's pod selector: only labels that never change for a tenant, because a Deployment's
 * `spec.selector` is immutable.
 */
export function runtimeSelectorLabels(tenantName: string): Record<string, string> {
  return { 'app.kubernetes.io/name': RUNTIME_APP_NAME, [TENANT_LABEL]: tenantName };
}

/** Labels of the runtime's pods, Deployment and Service: the tenant labels plus the app name. */
export function runtimeLabels(tenantName: string): Record<string, string> {
  return { ...tenantLabels(tenantName), ...runtimeSelectorLabels(tenantName) };
}

/**
 * The controller owner reference to a Tenant. The Tenant is cluster-scoped, which is a valid owner
 * for both the cluster-scoped Namespace and the namespaced objects; deleting the Tenant lets the
 * garbage collector remove them all.
 */
export function tenantOwnerReference(tenant: TenantOwner): TenantOwnerReference {
  return {
    apiVersion: TENANT_API_VERSION,
    kind: TENANT_KIND,
    name: tenant.name,
    uid: tenant.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Options of {@link tenantObjectMetadata}. */
export interface TenantObjectMetadataOptions {
  /** Labels besides the tenant labels. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** Annotations. @default none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** False for cluster-scoped objects (the Namespace): no `metadata.namespace`. @default true */
  readonly namespaced?: boolean;
}

/**
 * `metadata` of a per-tenant object: its name, the tenant namespace (unless cluster-scoped), the
 * tenant labels and the controller owner reference.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
 */
export function tenantObjectMetadata(
  tenant: TenantOwner,
  name: string,
  options: TenantObjectMetadataOptions = {},
): k8s.ObjectMeta {
  const namespace = tenantNamespace(tenant.name);
  return {
    name,
    ...(options.namespaced === false ? {} : { namespace }),
    labels: { ...tenantLabels(tenant.name), ...options.labels },
    ...(options.annotations === undefined ? {} : { annotations: { ...options.annotations } }),
    ownerReferences: [tenantOwnerReference(tenant)],
  };
}
