import { describe, expect, it } from '@jest/globals';
import { Testing } from 'cdk8s';
import {
  defaultRuntimeResources,
  RuntimeServiceMonitor,
  RuntimeWorkload,
  STREAMING_INGRESS_ANNOTATIONS,
  TenantIngress,
  TenantNamespace,
  type TenantManifest,
} from '../src/index.ts';
import { find } from './manifest-fixtures.ts';

const tenant = { name: 'solo', uid: 'uid-solo' };

/** Synthesizes one construct alone in a test chart, the way cdk8s-plus tests its constructs. */
function synthOne(build: (chart: ReturnType<typeof Testing.chart>) => void): TenantManifest[] {
  const chart = Testing.chart();
  build(chart);
  return Testing.synth(chart) as TenantManifest[];
}

describe('TenantNamespace', () => {
  it('enforces restricted by default and names the namespace lmo-t-<tenant>', () => {
    const ns = find(
      synthOne((chart) => new TenantNamespace(chart, 'ns', { tenant })),
      'Namespace',
    );
    expect(ns.metadata!.name).toBe('lmo-t-solo');
    expect(ns.metadata!.labels!['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('takes another level and version when asked (for debugging a cluster, never for tenants)', () => {
    const ns = find(
      synthOne(
        (chart) =>
          new TenantNamespace(chart, 'ns', { tenant, podSecurity: 'baseline', podSecurityVersion: 'v1.33' }),
      ),
      'Namespace',
    );
    expect(ns.metadata!.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'v1.33',
      'pod-security.kubernetes.io/audit': 'baseline',
    });
  });
});

describe('RuntimeWorkload', () => {
  const build = (replicas: number): TenantManifest[] =>
    synthOne(
      (chart) =>
        new RuntimeWorkload(chart, 'workload', {
          tenant,
          image: 'img:1',
          replicas,
          resources: defaultRuntimeResources({ cpu: '1', memory: '1Gi' }, 4),
          configHash: 'abc',
        }),
    );

  it('defaults to ports 8080 and 9090', () => {
    const service = find(build(1), 'Service');
    expect(service.spec!.ports!.map((p) => [p.name, p.port])).toEqual([
      ['mcp', 8080],
      ['metrics', 9090],
    ]);
  });

  it('surges by one pod and never drops below the desired count during a rollout', () => {
    expect(find(build(3), 'Deployment').spec!.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(build(3).map((m) => m.kind)).toEqual(['Service', 'PodDisruptionBudget', 'Deployment']);
  });
});

describe('TenantIngress', () => {
  it("defaults to the platform host and class with ingress-nginx's streaming annotations", () => {
    const ingress = find(
      synthOne((chart) => new TenantIngress(chart, 'ingress', { tenant })),
      'Ingress',
    );
    expect(ingress.spec!.ingressClassName).toBe('nginx');
    expect(ingress.spec!.rules![0]!.host).toBe('mcp.lmo.local');
    expect(ingress.metadata!.annotations).toEqual(STREAMING_INGRESS_ANNOTATIONS);
    expect(STREAMING_INGRESS_ANNOTATIONS['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
  });

  it('takes its own annotations instead', () => {
    const ingress = find(
      synthOne(
        (chart) => new TenantIngress(chart, 'ingress', { tenant, annotations: { 'example.com/a': 'b' } }),
      ),
      'Ingress',
    );
    expect(ingress.metadata!.annotations).toEqual({ 'example.com/a': 'b' });
  });
});

describe('RuntimeServiceMonitor', () => {
  it('scrapes every 30 s by default and carries extra labels for a Prometheus selector', () => {
    const monitor = find(
      synthOne(
        (chart) => new RuntimeServiceMonitor(chart, 'sm', { tenant, labels: { release: 'prometheus' } }),
      ),
      'ServiceMonitor',
    );
    expect(monitor.metadata.labels).toMatchObject({ release: 'prometheus', 'lmo.dev/tenant': 'solo' });
    expect(monitor.spec).toMatchObject({ endpoints: [{ port: 'metrics', interval: '30s' }] });
  });
});
