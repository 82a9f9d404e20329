import { describe, expect, it } from '@jest/globals';
import { Testing } from 'cdk8s';
import { DashboardWorkload, type TenantManifest } from '../src/index.ts';
import { find } from './manifest-fixtures.ts';

function synth(props: Partial<ConstructorParameters<typeof DashboardWorkload>[2]> = {}): TenantManifest[] {
  const chart = Testing.chart();
  new DashboardWorkload(chart, 'dashboard', {
    namespace: 'lmo-system',
    image: 'registry.example/lmo-dashboard:1.0.0',
    host: 'lmo.example.com',
    ...props,
  });
  return Testing.synth(chart) as TenantManifest[];
}

describe('DashboardWorkload', () => {
  it('matches its snapshot', () => {
    expect(synth()).toMatchSnapshot();
  });

  it('runs the static build non-root, read-only, without capabilities or a token', () => {
    const deployment = find(synth(), 'Deployment') as unknown as {
      spec: {
        replicas: number;
        template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } };
      };
    };
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).toBe(2);
    expect(pod['automountServiceAccountToken']).toBe(false);
    expect(pod['securityContext']).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.containers[0]!['securityContext']).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it('selects its pods with labels the pods carry', () => {
    const manifests = synth();
    const service = find(manifests, 'Service') as unknown as { spec: { selector: Record<string, string> } };
    const deployment = find(manifests, 'Deployment') as unknown as {
      spec: { template: { metadata: { labels: Record<string, string> } } };
    };
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
  });

  it('serves the dashboard and the API on one host, so the browser sees one origin', () => {
    const ingress = find(synth({ tlsSecretName: 'lmo-tls' }), 'Ingress') as unknown as {
      spec: {
        tls: unknown;
        rules: { host: string; http: { paths: { path: string; backend: unknown }[] } }[];
      };
    };
    expect(ingress.spec.tls).toEqual([{ hosts: ['lmo.example.com'], secretName: 'lmo-tls' }]);
    expect(ingress.spec.rules).toHaveLength(1);
    expect(ingress.spec.rules[0]!.host).toBe('lmo.example.com');
    expect(ingress.spec.rules[0]!.http.paths.map((p) => [p.path, p.backend])).toEqual([
      ['/v1/', { service: { name: 'lmo-api', port: { number: 8080 } } }],
      ['/', { service: { name: 'lmo-dashboard', port: { number: 8080 } } }],
    ]);
  });

  it('keeps a PodDisruptionBudget only with more than one replica', () => {
    expect(synth().filter((m) => m.kind === 'PodDisruptionBudget')).toHaveLength(1);
    expect(synth({ replicas: 1 }).filter((m) => m.kind === 'PodDisruptionBudget')).toHaveLength(0);
  });
});
