import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  RUNTIME_NAMES,
  RUNTIME_PORT_NAMES,
  runtimeSelectorLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';
import { tenantNamespace } from '@lmo/contracts';

/** `apiVersion` and `kind` of the Prometheus Operator's ServiceMonitor. */
export const SERVICE_MONITOR_GVK = {
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
} as const;

/** The part of a ServiceMonitor's spec this construct writes (the CRD has many more fields). */
export interface ServiceMonitorSpec {
  readonly selector: { readonly matchLabels: Readonly<Record<string, string>> };
  readonly namespaceSelector: { readonly matchNames: readonly string[] };
  readonly endpoints: readonly {
    readonly port: string;
    readonly path: string;
    readonly scheme: 'http' | 'https';
    readonly interval: string;
  }[];
}

/** Props of {@link RuntimeServiceMonitor}. */
export interface RuntimeServiceMonitorProps extends TenantObjectProps {
  /**
   * Scrape interval, a Prometheus duration.
   * @default '30s'
   */
  readonly interval?: string;
  /**
   * Extra labels, for a Prometheus whose `serviceMonitorSelector` asks for some (e.g. `release`).
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * The Prometheus Operator ServiceMonitor `mcp-runtime`: scrape `/metrics` on the `metrics` port of
 * the runtime Service. Rendered only when the platform enables it (the CRD exists); the pods also
 * carry `prometheus.io/*` annotations for annotation-based discovery. Typed by hand: cdk8s-plus's
 * imports cover only the core Kubernetes API.
 */
export class RuntimeServiceMonitor extends Construct {
  /** The ServiceMonitor. */
  readonly serviceMonitor: ApiObject;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: RuntimeServiceMonitorProps) {
    super(scope, id);
    const spec: ServiceMonitorSpec = {
      selector: { matchLabels: runtimeSelectorLabels(props.tenant.name) },
      namespaceSelector: { matchNames: [tenantNamespace(props.tenant.name)] },
      endpoints: [
        {
          port: RUNTIME_PORT_NAMES.metrics,
          path: '/metrics',
          scheme: 'http',
          interval: props.interval ?? '30s',
        },
      ],
    };
    this.serviceMonitor = new ApiObject(this, 'service-monitor', {
      ...SERVICE_MONITOR_GVK,
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.serviceMonitor, {
        labels: { ...props.labels },
      }),
      spec,
    });
  }
}
