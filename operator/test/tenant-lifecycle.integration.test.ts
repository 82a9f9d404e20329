// The operator against the harness's real control plane, under its own
// least-privilege identity: a Tenant becomes every object it needs and turns
// Ready; spec changes, suspension, drift, bad credentials and deletion.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONFIG_HASH_ANNOTATION, RUNTIME_NAMES } from '@lmo/cdk8s';
import type { KubeRest } from '@lmo/kube';
import { KubeApiError } from '@lmo/kube';
import type { RunningOperator } from '../src/operator.ts';
import {
  adminRest,
  condition,
  createTenant,
  getOrUndefined,
  installPlatform,
  operatorKubeConfig,
  patchTenantSpec,
  PLATFORM_NAMESPACE,
  startTestOperator,
  tenantPath,
  uniqueName,
  waitFor,
  type TestTenant,
} from './support/test-cluster.ts';

const shard = uniqueName('life');
let rest: KubeRest;
let operator: RunningOperator;
let cleanupServer: Server;
const cleanedUp: string[] = [];

const ns = (tenant: string): string => `lmo-t-${tenant}`;
const readTenant = (name: string): Promise<TestTenant | undefined> =>
  getOrUndefined<TestTenant>(rest, tenantPath(name));
const deploymentPath = (t: string): string =>
  `/apis/apps/v1/namespaces/${ns(t)}/deployments/${RUNTIME_NAMES.deployment}`;

interface Deployment {
  metadata: { generation: number };
  spec: {
    replicas: number;
    template: { metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> };
  };
}

const lastTransition = (t: TestTenant | undefined, type: string): string | undefined =>
  t?.status?.conditions?.find((c) => c.type === type)?.lastTransitionTime;

async function waitReady(name: string, generation?: number): Promise<TestTenant> {
  let last: TestTenant | undefined;
  await waitFor(`tenant ${name} Ready`, async () => {
    last = await readTenant(name);
    return (
      condition(last, 'Ready')?.status === 'True' &&
      (generation === undefined || last?.status?.observedGeneration === generation)
    );
  });
  return last as TestTenant;
}

/** Every per-tenant object exists, labelled as ours and owned by the Tenant. */
async function expectChildren(name: string, uid: string): Promise<void> {
  const paths = [
    `/api/v1/namespaces/${ns(name)}/resourcequotas/${RUNTIME_NAMES.resourceQuota}`,
    `/api/v1/namespaces/${ns(name)}/limitranges/${RUNTIME_NAMES.limitRange}`,
    `/api/v1/namespaces/${ns(name)}/serviceaccounts/${RUNTIME_NAMES.serviceAccount}`,
    `/api/v1/namespaces/${ns(name)}/secrets/${RUNTIME_NAMES.secret}`,
    `/api/v1/namespaces/${ns(name)}/configmaps/${RUNTIME_NAMES.configMap}`,
    `/api/v1/namespaces/${ns(name)}/services/${RUNTIME_NAMES.service}`,
    deploymentPath(name),
    `/apis/policy/v1/namespaces/${ns(name)}/poddisruptionbudgets/${RUNTIME_NAMES.podDisruptionBudget}`,
    `/apis/networking.k8s.io/v1/namespaces/${ns(name)}/ingresses/${RUNTIME_NAMES.ingress}`,
    ...['default-deny', 'allow-mcp-from-gateway', 'allow-metrics-from-monitoring', 'allow-egress'].map(
      (p) => `/apis/networking.k8s.io/v1/namespaces/${ns(name)}/networkpolicies/${p}`,
    ),
  ];
  for (const path of paths) {
    const object = await rest.get<{
      metadata: { labels: Record<string, string>; ownerReferences?: { uid: string }[] };
    }>(path);
    expect(object.metadata.labels['app.kubernetes.io/managed-by']).toBe('lmo-operator');
    expect(object.metadata.ownerReferences?.[0]?.uid).toBe(uid);
  }
}

beforeAll(async () => {
  rest = await adminRest();
  await installPlatform(rest);
  cleanupServer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      cleanedUp.push((JSON.parse(body) as { tenant: string }).tenant);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => cleanupServer.listen(0, '127.0.0.1', resolve));
  const { port } = cleanupServer.address() as AddressInfo;
  operator = await startTestOperator(await operatorKubeConfig(rest), shard, {
    'cleanup-url': `http://127.0.0.1:${port}/internal/tenants/closed`,
    'ingress-host': 'mcp.example.test',
  });
}, 120_000);

afterAll(async () => {
  await operator.stop();
  await new Promise((resolve) => cleanupServer.close(resolve));
});

describe('a new Tenant', () => {
  const name = uniqueName('acme');

  it('gets every per-tenant object and becomes Ready with conditions, endpoint and events', async () => {
    const created = await createTenant(rest, name, shard, { plan: 'pro', runtime: { replicas: 2 } });
    const tenant = await waitReady(name, created.metadata.generation);

    expect(tenant.status?.phase).toBe('Ready');
    expect(tenant.status?.namespace).toBe(ns(name));
    expect(tenant.status?.endpoint).toBe(`http://mcp.example.test/t/${name}/mcp`);
    for (const type of ['NamespaceReady', 'RuntimeReady'])
      expect(condition(tenant, type)?.status).toBe('True');
    for (const type of ['Suspended', 'Degraded']) expect(condition(tenant, type)?.status).toBe('False');
    expect(tenant.metadata.finalizers).toEqual(['lmo.dev/cleanup']);

    const namespace = await rest.get<{
      metadata: { labels: Record<string, string>; ownerReferences: { name: string }[] };
    }>(`/api/v1/namespaces/${ns(name)}`);
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(namespace.metadata.labels['lmo.dev/tenant']).toBe(name);
    expect(namespace.metadata.ownerReferences[0]?.name).toBe(name);

    await expectChildren(name, created.metadata.uid);
  }, 90_000);

  it('renders network policies, quota and replicas from the spec and the plan', async () => {
    const policy = await rest.get<{
      spec: { ingress: { from: { namespaceSelector: { matchLabels: Record<string, string> } }[] }[] };
    }>(`/apis/networking.k8s.io/v1/namespaces/${ns(name)}/networkpolicies/allow-mcp-from-gateway`);
    expect(
      policy.spec.ingress[0]?.from[0]?.namespaceSelector.matchLabels['kubernetes.io/metadata.name'],
    ).toBe('lmo-gateway');

    const quota = await rest.get<{ spec: { hard: Record<string, string> } }>(
      `/api/v1/namespaces/${ns(name)}/resourcequotas/${RUNTIME_NAMES.resourceQuota}`,
    );
    expect(quota.spec.hard['limits.cpu']).toBe('2');
    expect(quota.spec.hard['limits.memory']).toBe('4Gi');

    const deployment = await rest.get<Deployment>(deploymentPath(name));
    expect(deployment.spec.replicas).toBe(2);
    const pods = await rest.get<{ items: { status: { conditions?: { type: string; status: string }[] } }[] }>(
      `/api/v1/namespaces/${ns(name)}/pods`,
    );
    expect(pods.items).toHaveLength(2);

    const events = await rest.get<{ items: { reason: string; regarding: { name: string } }[] }>(
      '/apis/events.k8s.io/v1/namespaces/default/events',
    );
    const reasons = events.items.filter((e) => e.regarding.name === name).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Applied', 'Reconciled']));
  }, 90_000);

  it('applies a spec change, rolls the pods through the config hash, and follows observedGeneration', async () => {
    const before = await rest.get<Deployment>(deploymentPath(name));
    const readyBefore = lastTransition(await readTenant(name), 'Ready');
    const updated = await patchTenantSpec(rest, name, {
      model: { temperature: 0.1, systemPrompt: 'Be brief.' },
    });

    const tenant = await waitReady(name, updated.metadata.generation);
    const after = await rest.get<Deployment>(deploymentPath(name));

    expect(tenant.status?.observedGeneration).toBe(updated.metadata.generation);
    expect(after.spec.template.metadata.annotations[CONFIG_HASH_ANNOTATION]).not.toBe(
      before.spec.template.metadata.annotations[CONFIG_HASH_ANNOTATION],
    );
    const config = await rest.get<{ data: Record<string, string> }>(
      `/api/v1/namespaces/${ns(name)}/configmaps/${RUNTIME_NAMES.configMap}`,
    );
    expect(config.data['config.json']).toContain('Be brief.');
    // Ready stayed True through the rollout: its lastTransitionTime did not move.
    expect(condition(tenant, 'Ready')?.status).toBe('True');
    expect(lastTransition(tenant, 'Ready')).toBe(readyBefore);
  }, 90_000);

  it('repairs drift: a deleted Deployment and a hand-edited quota come back', async () => {
    await rest.request('DELETE', deploymentPath(name));
    const quotaPath = `/api/v1/namespaces/${ns(name)}/resourcequotas/${RUNTIME_NAMES.resourceQuota}`;
    await rest.request('PATCH', quotaPath, {
      body: { spec: { hard: { 'limits.cpu': '64' } } },
      contentType: 'application/merge-patch+json',
    });

    await waitFor(
      'the quota to be repaired',
      async () => {
        const quota = await rest.get<{ spec: { hard: Record<string, string> } }>(quotaPath);
        return quota.spec.hard['limits.cpu'] === '2';
      },
      20_000,
    );
    await waitFor(
      'the Deployment to come back',
      async () => (await getOrUndefined(rest, deploymentPath(name))) !== undefined,
      20_000,
    );
    await waitReady(name);
  }, 60_000);

  it('suspends to zero replicas and resumes', async () => {
    await patchTenantSpec(rest, name, { suspended: true });
    await waitFor('Suspended', async () => (await readTenant(name))?.status?.phase === 'Suspended');
    const suspended = await readTenant(name);
    const deployment = await rest.get<Deployment>(deploymentPath(name));

    expect(deployment.spec.replicas).toBe(0);
    expect(condition(suspended, 'Suspended')?.status).toBe('True');
    expect(condition(suspended, 'RuntimeReady')?.reason).toBe('Suspended');
    expect(
      await getOrUndefined(
        rest,
        `/apis/policy/v1/namespaces/${ns(name)}/poddisruptionbudgets/${RUNTIME_NAMES.podDisruptionBudget}`,
      ),
    ).toBeUndefined();

    await patchTenantSpec(rest, name, { suspended: false });
    const resumed = await waitReady(name);
    expect(condition(resumed, 'Suspended')?.status).toBe('False');
    expect((await rest.get<Deployment>(deploymentPath(name))).spec.replicas).toBe(2);
  }, 90_000);

  it('deletes everything when the Tenant goes, after telling the platform', async () => {
    await rest.request('DELETE', tenantPath(name));

    await waitFor('the Tenant to be gone', async () => (await readTenant(name)) === undefined, 60_000);
    await waitFor(
      'the namespace to be finalized',
      async () => (await getOrUndefined(rest, `/api/v1/namespaces/${ns(name)}`)) === undefined,
      90_000,
    );
    expect(cleanedUp).toContain(name);
  }, 180_000);
});

describe('provider credentials', () => {
  it('copies a labelled platform Secret into the tenant Secret, never into a message', async () => {
    const name = uniqueName('cred');
    const secretName = `${name}-openai`;
    await rest.request('POST', `/api/v1/namespaces/${PLATFORM_NAMESPACE}/secrets`, {
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: secretName, labels: { 'lmo.dev/provider-credentials': 'true' } },
        stringData: { apiKey: 'sk-test-provider-key' },
      },
    });
    await createTenant(rest, name, shard, { providerSecretRef: { name: secretName } });

    await waitReady(name);
    const secret = await rest.get<{ data: Record<string, string> }>(
      `/api/v1/namespaces/${ns(name)}/secrets/${RUNTIME_NAMES.secret}`,
    );
    expect(Buffer.from(secret.data['provider-api-key'] ?? '', 'base64').toString()).toBe(
      'sk-test-provider-key',
    );
  }, 90_000);

  it.each([
    [
      'a namespace other than the platform namespace',
      { name: 'anything', namespace: 'kube-system' },
      'ProviderSecretRefForbidden',
      false,
    ],
    [
      'a platform Secret without the provider label',
      { name: 'unlabelled' },
      'ProviderSecretRefForbidden',
      true,
    ],
    ['a Secret that does not exist', { name: 'no-such-secret' }, 'ProviderSecretMissing', false],
  ])(
    'refuses %s: Degraded with a reason, and nothing applied',
    async (_what, ref, reason, createUnlabelled) => {
      const name = uniqueName('bad');
      if (createUnlabelled) {
        await rest.apply(
          `/api/v1/namespaces/${PLATFORM_NAMESPACE}/secrets/unlabelled`,
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'unlabelled', namespace: PLATFORM_NAMESPACE },
            stringData: { apiKey: 'platform-internal-secret' },
          },
          'lmo-test-setup',
        );
      }
      await createTenant(rest, name, shard, { providerSecretRef: ref });

      await waitFor('Degraded', async () => condition(await readTenant(name), 'Degraded')?.status === 'True');
      const tenant = await readTenant(name);
      expect(condition(tenant, 'Degraded')?.reason).toBe(reason);
      expect(tenant?.status?.phase).toBe('Degraded');
      expect(condition(tenant, 'Degraded')?.message).not.toContain('platform-internal-secret');
      expect(await getOrUndefined(rest, `/api/v1/namespaces/${ns(name)}`)).toBeUndefined();
    },
    60_000,
  );
});

describe('an invalid Tenant', () => {
  it('is rejected by the apiserver with a message a person understands', async () => {
    const call = createTenant(rest, uniqueName('inv'), shard, { plan: 'gold', runtime: { replicas: 50 } });

    await expect(call).rejects.toBeInstanceOf(KubeApiError);
    const error = (await call.catch((e: unknown) => e)) as KubeApiError;
    expect(error.status).toBe(422);
    expect(error.message).toContain('spec.plan: Unsupported value: "gold"');
    expect(error.message).toMatch(/spec\.runtime\.replicas: Invalid value: 50/);
  });
});
