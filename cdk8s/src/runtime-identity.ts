import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import {
  RUNTIME_NAMES,
  runtimeLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';

/** Props of {@link RuntimeIdentity}. */
export type RuntimeIdentityProps = TenantObjectProps;

/**
 * The runtime's ServiceAccount `mcp-runtime`. It mounts no token and no Role or RoleBinding names it:
 * the runtime never talks to the Kubernetes API, so a compromised runtime gets no credentials.
 */
export class RuntimeIdentity extends Construct {
  /** The ServiceAccount. */
  readonly serviceAccount: k8s.KubeServiceAccount;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: RuntimeIdentityProps) {
    super(scope, id);
    this.serviceAccount = new k8s.KubeServiceAccount(this, 'service-account', {
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.serviceAccount, {
        labels: runtimeLabels(props.tenant.name),
      }),
      automountServiceAccountToken: false,
    });
  }
}
