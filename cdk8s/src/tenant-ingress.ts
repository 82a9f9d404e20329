import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { DEFAULT_PLATFORM_SETTINGS as DEFAULTS } from './platform-settings.ts';
import { tenantEndpointPath } from './runtime-config.ts';
import {
  RUNTIME_NAMES,
  RUNTIME_PORT_NAMES,
  runtimeLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';

/**
 * ingress-nginx annotations for streaming: SSE and long MCP tool calls must not be buffered, and may
 * stay open longer than the default 60 s. Other ingress controllers ignore them.
 */
export const STREAMING_INGRESS_ANNOTATIONS: Readonly<Record<string, string>> = Object.freeze({
  'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
  'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
  'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
});

/** Props of {@link TenantIngress}. */
export interface TenantIngressProps extends TenantObjectProps {
  /**
   * The host every tenant shares.
   * @default 'mcp.lmo.local'
   */
  readonly host?: string;
  /**
   * The Ingress class.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * TLS Secret for the host, in the tenant namespace.
   * @default none: no `tls` section
   */
  readonly tlsSecretName?: string;
  /**
   * Annotations of the Ingress.
   * @default STREAMING_INGRESS_ANNOTATIONS
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * The Ingress `mcp-runtime` publishing the tenant endpoint: `https://<host>/t/<tenant>/` (Prefix)
 * to the `mcp` port of the `mcp-runtime` Service. Every tenant shares the host; the path tells them
 * apart, and the runtime serves under that path, so no rewrite is needed.
 */
export class TenantIngress extends Construct {
  /** The Ingress. */
  readonly ingress: k8s.KubeIngress;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: TenantIngressProps) {
    super(scope, id);
    const host = props.host ?? DEFAULTS.ingressHost;
    const tls = props.tlsSecretName;
    this.ingress = new k8s.KubeIngress(this, 'ingress', {
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.ingress, {
        labels: runtimeLabels(props.tenant.name),
        annotations: props.annotations ?? STREAMING_INGRESS_ANNOTATIONS,
      }),
      spec: {
        ingressClassName: props.ingressClassName ?? DEFAULTS.ingressClassName,
        ...(tls === undefined ? {} : { tls: [{ hosts: [host], secretName: tls }] }),
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: tenantEndpointPath(props.tenant.name),
                  pathType: 'Prefix',
                  backend: {
                    service: { name: RUNTIME_NAMES.service, port: { name: RUNTIME_PORT_NAMES.mcp } },
                  },
                },
              ],
            },
          },
        ],
      },
    });
  }
}
