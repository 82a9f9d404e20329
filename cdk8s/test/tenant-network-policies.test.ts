import { describe, expect, it } from '@jest/globals';
import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { Testing } from 'cdk8s';
import { TenantNetworkPolicies } from '../src/index.ts';
import { all, exampleInput, find, render } from './manifest-fixtures.ts';

const runtimePods = { matchLabels: { 'app.kubernetes.io/name': 'mcp-runtime', 'lmo.dev/tenant': 'acme' } };
const namespaceNamed = (name: string): object => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});
const policy = (manifests: ReturnType<typeof render>, name: string): V1NetworkPolicy =>
  find(manifests, 'NetworkPolicy', name);

describe('TenantNetworkPolicies', () => {
  const manifests = render(exampleInput(), {
    gatewayNamespace: 'edge',
    monitoringNamespace: 'prom',
    providerEgress: [
      { cidr: '203.0.113.0/24', ports: [443] },
      { cidr: '198.51.100.7/32', ports: [8443, 443] },
      { cidr: '192.0.2.0/24', ports: [] },
    ],
  });

  it('denies all traffic in and out of every pod by default', () => {
    expect(policy(manifests, 'default-deny').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('admits only the gateway namespace, only to the MCP port, only on the runtime pods', () => {
    expect(policy(manifests, 'allow-mcp-from-gateway').spec).toEqual({
      podSelector: runtimePods,
      policyTypes: ['Ingress'],
      ingress: [{ from: [namespaceNamed('edge')], ports: [{ protocol: 'TCP', port: 8080 }] }],
    });
  });

  it('admits only the monitoring namespace, only to the metrics port', () => {
    expect(policy(manifests, 'allow-metrics-from-monitoring').spec).toEqual({
      podSelector: runtimePods,
      policyTypes: ['Ingress'],
      ingress: [{ from: [namespaceNamed('prom')], ports: [{ protocol: 'TCP', port: 9090 }] }],
    });
  });

  it('lets the runtime out to cluster DNS over UDP and TCP 53, and to each provider range on its ports', () => {
    const egress = policy(manifests, 'allow-egress').spec!;
    expect(egress.podSelector).toEqual(runtimePods);
    expect(egress.policyTypes).toEqual(['Egress']);
    expect(egress.ingress).toBeUndefined();
    expect(egress.egress).toEqual([
      {
        to: [{ ...namespaceNamed('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
      { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      {
        to: [{ ipBlock: { cidr: '198.51.100.7/32' } }],
        ports: [
          { protocol: 'TCP', port: 8443 },
          { protocol: 'TCP', port: 443 },
        ],
      },
      { to: [{ ipBlock: { cidr: '192.0.2.0/24' } }] },
    ]);
  });

  it('allows DNS only when the platform lists no provider', () => {
    const egress = policy(render(exampleInput()), 'allow-egress').spec!.egress!;
    expect(egress).toHaveLength(1);
    expect(egress[0]!.ports!.every((port) => port.port === 53)).toBe(true);
  });

  it('renders exactly four policies', () => {
    expect(all(manifests, 'NetworkPolicy').map((p) => p.metadata!.name)).toEqual([
      'default-deny',
      'allow-mcp-from-gateway',
      'allow-metrics-from-monitoring',
      'allow-egress',
    ]);
  });

  it('defaults to the platform namespaces and ports when used on its own', () => {
    const chart = Testing.chart();
    new TenantNetworkPolicies(chart, 'policies', { tenant: { name: 'solo', uid: 'u' } });
    const [, gateway, metrics, egress] = Testing.synth(chart) as V1NetworkPolicy[];
    expect(gateway!.spec!.ingress![0]).toEqual({
      from: [namespaceNamed('lmo-gateway')],
      ports: [{ protocol: 'TCP', port: 8080 }],
    });
    expect(metrics!.spec!.ingress![0]).toEqual({
      from: [namespaceNamed('monitoring')],
      ports: [{ protocol: 'TCP', port: 9090 }],
    });
    expect(egress!.spec!.egress).toHaveLength(1);
    expect(gateway!.metadata!.namespace).toBe('lmo-t-solo');
  });
});

describe('egress to the platform services', () => {
  it('opens only the named ports of the platform namespace, and nothing when none are named', () => {
    const withServices = render(exampleInput(), {
      platformNamespace: 'lmo-system',
      runtimeServices: {
        redisUrl: 'redis://redis.lmo-system:6379',
        kafkaBrokers: 'kafka:9092',
        platformPorts: [6379, 9092],
      },
    });
    const egress = policy(withServices, 'allow-egress').spec?.egress ?? [];
    expect(egress.at(-1)).toEqual({
      to: [namespaceNamed('lmo-system')],
      ports: [
        { protocol: 'TCP', port: 6379 },
        { protocol: 'TCP', port: 9092 },
      ],
    });
    const without = policy(render(exampleInput(), {}), 'allow-egress').spec?.egress ?? [];
    expect(JSON.stringify(without)).not.toContain('lmo-system');
  });

  it('hands Redis and Kafka to the runtime container, and keeps its spool on the scratch volume', () => {
    const manifests = render(exampleInput(), {
      runtimeServices: { redisUrl: 'redis://redis:6379', kafkaBrokers: 'kafka:9092', platformPorts: [] },
    });
    const deployment = find(manifests, 'Deployment', 'mcp-runtime');
    const env = deployment.spec?.template.spec?.containers[0]?.env ?? [];
    expect(env).toEqual([
      { name: 'REDIS_URL', value: 'redis://redis:6379' },
      { name: 'KAFKA_BROKERS', value: 'kafka:9092' },
      { name: 'LMO_SPOOL_DIR', value: '/tmp/usage-spool' },
      { name: 'LMO_EVENTS_FILE', value: '/tmp/usage-events.jsonl' },
    ]);
  });
});
