// With the Prometheus Operator's ServiceMonitor CRD in the cluster, the
// operator (service-monitor=auto) gives each tenant a ServiceMonitor; and it
// serves /healthz, /readyz and /metrics.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeRest } from '@lmo/kube';
import type { RunningOperator } from '../src/operator.ts';
import {
  adminRest,
  createTenant,
  getOrUndefined,
  installPlatform,
  operatorKubeConfig,
  startTestOperator,
  uniqueName,
  waitFor,
} from './support/test-cluster.ts';

const shard = uniqueName('mon');
let rest: KubeRest;
let operator: RunningOperator;

/** Just enough of the Prometheus Operator's CRD for the apiserver to store ServiceMonitors. */
const serviceMonitorCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'servicemonitors.monitoring.coreos.com' },
  spec: {
    group: 'monitoring.coreos.com',
    scope: 'Namespaced',
    names: {
      kind: 'ServiceMonitor',
      listKind: 'ServiceMonitorList',
      plural: 'servicemonitors',
      singular: 'servicemonitor',
    },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
};

beforeAll(async () => {
  rest = await adminRest();
  await installPlatform(rest);
  await rest.apply(
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/servicemonitors.monitoring.coreos.com',
    serviceMonitorCrd,
    'lmo-test-setup',
  );
  await waitFor('the ServiceMonitor CRD', async () => {
    const crd = await rest.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/servicemonitors.monitoring.coreos.com',
    );
    return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
  });
  operator = await startTestOperator(await operatorKubeConfig(rest), shard, { 'service-monitor': 'auto' });
}, 60_000);

afterAll(async () => {
  await operator.stop();
});

describe('ServiceMonitor and operator endpoints', () => {
  it('gives a tenant a ServiceMonitor when the cluster has that CRD', async () => {
    const name = uniqueName('mon');
    await createTenant(rest, name, shard, {});
    const path = `/apis/monitoring.coreos.com/v1/namespaces/lmo-t-${name}/servicemonitors/mcp-runtime`;

    await waitFor('the ServiceMonitor', async () => (await getOrUndefined(rest, path)) !== undefined);
    const monitor = await rest.get<{ spec: { endpoints: { port: string }[] } }>(path);
    expect(monitor.spec.endpoints[0]?.port).toBe('metrics');
  }, 90_000);

  it('serves /healthz, /readyz and /metrics', async () => {
    const base = `http://127.0.0.1:${operator.httpPort}`;
    await waitFor('readiness', async () => (await fetch(`${base}/readyz`)).ok);

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('lmo_operator_reconciles_total{controller="tenant",result="success"}');
    expect(metrics).toContain('lmo_operator_reconcile_duration_seconds_bucket');
    expect(metrics).toContain('lmo_operator_queue_depth');
    expect(metrics).toMatch(/lmo_operator_api_writes_total\{verb="PATCH",resource="deployments"\} \d+/);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
