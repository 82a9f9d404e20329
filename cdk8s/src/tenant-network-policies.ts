import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { DEFAULT_PLATFORM_SETTINGS as DEFAULTS, type ProviderEgressRule } from './platform-settings.ts';
import {
  RUNTIME_NAMES,
  runtimeSelectorLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';

/** Where the cluster DNS runs: the `kube-system` pods labelled `k8s-app=kube-dns` (CoreDNS keeps that label). */
export const CLUSTER_DNS = {
  namespace: 'kube-system',
  podLabels: { 'k8s-app': 'kube-dns' },
  port: 53,
} as const;

/** Props of {@link TenantNetworkPolicies}. */
export interface TenantNetworkPoliciesProps extends TenantObjectProps {
  /**
   * The only namespace whose pods may reach the MCP port.
   * @default 'lmo-gateway'
   */
  readonly gatewayNamespace?: string;
  /**
   * The only namespace whose pods may reach the metrics port.
   * @default 'monitoring'
   */
  readonly monitoringNamespace?: string;
  /**
   * The MCP container port.
   * @default 8080
   */
  readonly mcpPort?: number;
  /**
   * The metrics container port.
   * @default 9090
   */
  readonly metricsPort?: number;
  /**
   * Address ranges (LLM providers) the runtime may reach besides DNS; a rule without ports opens
   * every port of its range.
   * @default []
   */
  readonly providerEgress?: readonly ProviderEgressRule[];
  /**
   * The platform namespace and the TCP ports of its pods the runtime may reach (Redis, Kafka).
   * @default none
   */
  readonly platformEgress?: { readonly namespace: string; readonly ports: readonly number[] };
}

/** A peer selecting every pod of the namespace called `name` (the label every namespace carries). */
export function namespacePeer(name: string): k8s.NetworkPolicyPeer {
  return { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } };
}

const tcp = (port: number): k8s.NetworkPolicyPort => ({
  protocol: 'TCP',
  port: k8s.IntOrString.fromNumber(port),
});

function dnsRule(): k8s.NetworkPolicyEgressRule {
  return {
    to: [
      { ...namespacePeer(CLUSTER_DNS.namespace), podSelector: { matchLabels: { ...CLUSTER_DNS.podLabels } } },
    ],
    ports: [{ protocol: 'UDP', port: k8s.IntOrString.fromNumber(CLUSTER_DNS.port) }, tcp(CLUSTER_DNS.port)],
  };
}

function platformRule(egress: TenantNetworkPoliciesProps['platformEgress']): k8s.NetworkPolicyEgressRule[] {
  if (egress === undefined || egress.ports.length === 0) return [];
  return [{ to: [namespacePeer(egress.namespace)], ports: egress.ports.map(tcp) }];
}

function providerRule(rule: ProviderEgressRule): k8s.NetworkPolicyEgressRule {
  return {
    to: [{ ipBlock: { cidr: rule.cidr } }],
    ...(rule.ports.length === 0 ? {} : { ports: rule.ports.map(tcp) }),
  };
}

/**
 * The tenant namespace's NetworkPolicies. `default-deny` selects every pod and allows nothing in
 * either direction; the others open exactly what the runtime needs, on the runtime's pods only:
 * - `allow-mcp-from-gateway`: in to the MCP port from the gateway namespace;
 * - `allow-metrics-from-monitoring`: in to the metrics port from the monitoring namespace;
 * - `allow-egress`: out to the cluster DNS (UDP and TCP 53), to each provider range, and to the
 *   platform namespace's Redis and Kafka ports when the platform names them.
 * Policies are additive, so traffic is allowed only where one of these says so. Namespaces are
 * matched on `kubernetes.io/metadata.name`, which the apiserver sets and tenants cannot forge.
 */
export class TenantNetworkPolicies extends Construct {
  /** `default-deny`. */
  readonly defaultDeny: k8s.KubeNetworkPolicy;
  /** `allow-mcp-from-gateway`. */
  readonly mcpFromGateway: k8s.KubeNetworkPolicy;
  /** `allow-metrics-from-monitoring`. */
  readonly metricsFromMonitoring: k8s.KubeNetworkPolicy;
  /** `allow-egress`. */
  readonly egress: k8s.KubeNetworkPolicy;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: TenantNetworkPoliciesProps) {
    super(scope, id);
    const { tenant } = props;
    const runtimePods = { matchLabels: runtimeSelectorLabels(tenant.name) };
    const ingressFrom = (name: string, namespace: string, port: number): k8s.KubeNetworkPolicy =>
      new k8s.KubeNetworkPolicy(this, name, {
        metadata: tenantObjectMetadata(tenant, name),
        spec: {
          podSelector: runtimePods,
          policyTypes: ['Ingress'],
          ingress: [{ from: [namespacePeer(namespace)], ports: [tcp(port)] }],
        },
      });

    this.defaultDeny = new k8s.KubeNetworkPolicy(this, RUNTIME_NAMES.networkPolicyDefaultDeny, {
      metadata: tenantObjectMetadata(tenant, RUNTIME_NAMES.networkPolicyDefaultDeny),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    this.mcpFromGateway = ingressFrom(
      RUNTIME_NAMES.networkPolicyMcpFromGateway,
      props.gatewayNamespace ?? DEFAULTS.gatewayNamespace,
      props.mcpPort ?? DEFAULTS.mcpPort,
    );
    this.metricsFromMonitoring = ingressFrom(
      RUNTIME_NAMES.networkPolicyMetricsFromMonitoring,
      props.monitoringNamespace ?? DEFAULTS.monitoringNamespace,
      props.metricsPort ?? DEFAULTS.metricsPort,
    );
    this.egress = new k8s.KubeNetworkPolicy(this, RUNTIME_NAMES.networkPolicyEgress, {
      metadata: tenantObjectMetadata(tenant, RUNTIME_NAMES.networkPolicyEgress),
      spec: {
        podSelector: runtimePods,
        policyTypes: ['Egress'],
        egress: [
          dnsRule(),
          ...(props.providerEgress ?? DEFAULTS.providerEgress).map(providerRule),
          ...platformRule(props.platformEgress),
        ],
      },
    });
  }
}
