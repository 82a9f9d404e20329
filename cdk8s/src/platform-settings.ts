/**
 * Platform-wide settings that shape every tenant's manifests. The operator reads them once from its
 * configuration and passes them to {@link renderTenantManifests}; nothing here reads the environment.
 */

/** An address range the tenant runtimes may open connections to (an LLM provider, for example). */
export interface ProviderEgressRule {
  /** The range in CIDR notation, for example `"203.0.113.0/24"` or `"0.0.0.0/0"`. */
  readonly cidr: string;
  /** TCP ports allowed to that range. Empty: every port. */
  readonly ports: readonly number[];
}

/** Platform-wide settings the operator passes in (from its config). */
/** The shared services every runtime talks to, in the platform namespace. */
export interface RuntimeServices {
  /** `redis://host:port` of the Redis all runtimes share (limits, cache, conversations). Unset: in-process. */
  readonly redisUrl?: string;
  /** `host:port,...` of the Kafka brokers for usage events. Unset: a local file (development only). */
  readonly kafkaBrokers?: string;
  /** TCP ports of pods in the platform namespace that runtimes may reach (Redis, Kafka, PostgreSQL). */
  readonly platformPorts: readonly number[];
}

export interface PlatformSettings {
  /**
   * Runtime image used when a Tenant's `spec.runtime.image` is unset.
   * @default 'ghcr.io/lmo-dev/mcp-runtime:0.1.0'
   */
  readonly runtimeImage: string;
  /**
   * Namespace of the platform itself (operator, API); provider Secrets are read from here.
   * @default 'lmo-system'
   */
  readonly platformNamespace: string;
  /**
   * The only namespace whose pods may reach a runtime's MCP port: the ingress controller or gateway
   * must run there.
   * @default 'lmo-gateway'
   */
  readonly gatewayNamespace: string;
  /**
   * The only namespace whose pods may reach a runtime's metrics port (Prometheus).
   * @default 'monitoring'
   */
  readonly monitoringNamespace: string;
  /**
   * Host of every tenant endpoint; a tenant is served under `/t/<tenant>/` on it.
   * @default 'mcp.lmo.local'
   */
  readonly ingressHost: string;
  /**
   * `ingressClassName` of the tenant Ingresses.
   * @default 'nginx'
   */
  readonly ingressClassName: string;
  /**
   * Name of the TLS Secret for {@link ingressHost}, listed in each tenant Ingress's `tls` section.
   * An Ingress reads its TLS Secret from its own namespace, so the Secret must exist in every tenant
   * namespace (ingress-nginx falls back to its default certificate when it does not). Unset: no
   * `tls` section (TLS terminated in front of the ingress, or plain HTTP in development).
   * @default undefined
   */
  readonly ingressTlsSecretName?: string;
  /**
   * LLM provider addresses the runtime may reach, besides DNS.
   * @default []
   */
  readonly providerEgress: readonly ProviderEgressRule[];
  /**
   * Container port of the MCP endpoint (also the Service port).
   * @default 8080
   */
  readonly mcpPort: number;
  /**
   * Container port of `/metrics` (also the Service port).
   * @default 9090
   */
  readonly metricsPort: number;
  /**
   * Emit a `monitoring.coreos.com/v1` ServiceMonitor per tenant. The operator sets it when that CRD
   * exists in the cluster.
   * @default false
   */
  readonly serviceMonitor: boolean;
  /**
   * Redis and Kafka for the runtimes (passed as `REDIS_URL` and `KAFKA_BROKERS`), and the platform
   * ports the egress policy opens for them.
   * @default no shared services, no platform ports
   */
  readonly runtimeServices: RuntimeServices;
}

/** The defaults of {@link PlatformSettings}; spread and override what differs. Frozen. */
export const DEFAULT_PLATFORM_SETTINGS: PlatformSettings = Object.freeze({
  runtimeImage: 'ghcr.io/lmo-dev/mcp-runtime:0.1.0',
  platformNamespace: 'lmo-system',
  gatewayNamespace: 'lmo-gateway',
  monitoringNamespace: 'monitoring',
  ingressHost: 'mcp.lmo.local',
  ingressClassName: 'nginx',
  providerEgress: Object.freeze([]),
  mcpPort: 8080,
  metricsPort: 9090,
  serviceMonitor: false,
  runtimeServices: Object.freeze({ platformPorts: Object.freeze([]) }),
});
