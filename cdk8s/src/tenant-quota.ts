import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import type { ComputeResources } from './runtime-resources.ts';
import { RUNTIME_NAMES, tenantObjectMetadata, type TenantObjectProps } from './tenant-metadata.ts';

/**
 * Object counts the quota admits besides pods. Each is what the operator creates plus headroom:
 * one Service, one Secret and two ConfigMaps (ours and the `kube-root-ca.crt` every namespace gets
 * automatically). Tenants cannot create objects themselves; the headroom is for the platform's next
 * release, not for them.
 */
export const TENANT_OBJECT_COUNTS = {
  services: 2,
  secrets: 4,
  configmaps: 4,
} as const;

/** Props of {@link TenantQuota}. */
export interface TenantQuotaProps extends TenantObjectProps {
  /** CPU of the whole namespace (`requests.cpu` and `limits.cpu`), from `resolveTenantLimits`. */
  readonly cpu: string;
  /** Memory of the whole namespace (`requests.memory` and `limits.memory`), from `resolveTenantLimits`. */
  readonly memory: string;
  /** Pods the namespace may hold; `quotaPodCount(spec)` leaves room for a rolling update. */
  readonly pods: number;
  /**
   * Container defaults of the LimitRange, applied to a container that states no resources so that it
   * still fits the quota (a quota on CPU and memory refuses pods without them).
   */
  readonly containerDefaults: ComputeResources;
  /**
   * Counts of Services, Secrets and ConfigMaps.
   * @default TENANT_OBJECT_COUNTS
   */
  readonly objectCounts?: Partial<Record<keyof typeof TENANT_OBJECT_COUNTS, number>>;
}

const quantities = (values: Readonly<Record<string, string | number>>): Record<string, k8s.Quantity> =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, k8s.Quantity.fromString(String(value))]),
  );

/**
 * The namespace's ResourceQuota `tenant-quota` and LimitRange `tenant-limits`. The quota caps CPU and
 * memory (requests and limits alike) at the tenant's limits, counts pods, Services, Secrets and
 * ConfigMaps, and forbids NodePort and LoadBalancer Services, which would bypass the gateway. All
 * quantities are strings, as the apiserver stores them.
 */
export class TenantQuota extends Construct {
  /** The ResourceQuota. */
  readonly resourceQuota: k8s.KubeResourceQuota;
  /** The LimitRange. */
  readonly limitRange: k8s.KubeLimitRange;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: TenantQuotaProps) {
    super(scope, id);
    const counts = { ...TENANT_OBJECT_COUNTS, ...props.objectCounts };
    this.resourceQuota = new k8s.KubeResourceQuota(this, 'resource-quota', {
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.resourceQuota),
      spec: {
        hard: quantities({
          'requests.cpu': props.cpu,
          'limits.cpu': props.cpu,
          'requests.memory': props.memory,
          'limits.memory': props.memory,
          pods: props.pods,
          services: counts.services,
          'services.loadbalancers': 0,
          'services.nodeports': 0,
          secrets: counts.secrets,
          configmaps: counts.configmaps,
        }),
      },
    });
    this.limitRange = new k8s.KubeLimitRange(this, 'limit-range', {
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.limitRange),
      spec: {
        limits: [
          {
            type: 'Container',
            default: quantities({ ...props.containerDefaults.limits }),
            defaultRequest: quantities({ ...props.containerDefaults.requests }),
          },
        ],
      },
    });
  }
}
