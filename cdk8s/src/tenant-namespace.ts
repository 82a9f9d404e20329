import { tenantNamespace } from '@lmo/contracts';
import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { tenantObjectMetadata, type TenantObjectProps } from './tenant-metadata.ts';

/** The Pod Security Standard levels a namespace can enforce. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** Props of {@link TenantNamespace}. */
export interface TenantNamespaceProps extends TenantObjectProps {
  /**
   * The Pod Security Standard enforced, warned about and audited in the namespace. Only `restricted`
   * keeps the isolation promise; the others exist for debugging a cluster, never for tenants.
   * @default 'restricted'
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * The Kubernetes minor version of the standard (`pod-security.kubernetes.io/enforce-version`).
   * @default 'latest'
   */
  readonly podSecurityVersion?: string;
}

/**
 * The labels that make the Pod Security admission controller enforce `level` (and warn and audit at
 * the same level, so `kubectl apply` shows violations before they are refused).
 */
export function podSecurityLabels(level: PodSecurityLevel, version = 'latest'): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/enforce-version': version,
    'pod-security.kubernetes.io/warn': level,
    'pod-security.kubernetes.io/warn-version': version,
    'pod-security.kubernetes.io/audit': level,
    'pod-security.kubernetes.io/audit-version': version,
  };
}

/**
 * A tenant's Namespace, `lmo-t-<tenant>`: tenant labels, the Pod Security `restricted` standard
 * enforced, and owned by the Tenant, so deleting the Tenant deletes the namespace and everything in
 * it. Every other per-tenant object lives inside it.
 */
export class TenantNamespace extends Construct {
  /** The namespace's name, `lmo-t-<tenant>`. */
  readonly name: string;
  /** The Namespace object. */
  readonly namespace: k8s.KubeNamespace;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    this.name = tenantNamespace(props.tenant.name);
    this.namespace = new k8s.KubeNamespace(this, 'namespace', {
      metadata: tenantObjectMetadata(props.tenant, this.name, {
        namespaced: false,
        labels: podSecurityLabels(props.podSecurity ?? 'restricted', props.podSecurityVersion),
      }),
    });
  }
}
