// Smoke: the harness's Kubernetes control plane through @kubernetes/client-node,
// the client the operator and the API use: our generated CRD installs, the
// apiserver validates Tenants with it, RBAC is real, and kwok makes pods Ready.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  loadYaml,
  PatchStrategy,
  type KubernetesObject,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { harnessEnv } from '../src/test-env.ts';

const crdFile = new URL('../../../crds/tenants.lmo.dev.yaml', import.meta.url);
const unique = `smoke-${process.pid}-${Date.now() % 100_000}`;

function kubeConfig(file: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The status code and message of a failed Kubernetes call. */
async function failure(call: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await call;
  } catch (error) {
    const { code, body } = error as { code: number; body: string };
    return { code, message: (JSON.parse(body) as { message: string }).message };
  }
  throw new Error('expected the call to fail');
}

describe('Kubernetes (@kubernetes/client-node)', () => {
  const admin = kubeConfig(harnessEnv('LMO_KUBECONFIG_ADMIN'));
  const objects = KubernetesObjectApi.makeApiClient(admin);
  const custom = admin.makeApiClient(CustomObjectsApi);
  const tenant = {
    apiVersion: 'lmo.dev/v1alpha1',
    kind: 'Tenant',
    metadata: { name: unique },
    spec: { displayName: 'Acme Corp', owner: 'ops@acme.example' },
  };

  beforeAll(async () => {
    // loadYaml, not a plain YAML parser: KubernetesObjectApi serializes through
    // client-node's typed models, which silently drop `enum` and `default` from
    // a plain object (their model fields are `_enum` and `_default`).
    const crd = loadYaml<V1CustomResourceDefinition & KubernetesObject>(await readFile(crdFile, 'utf8'));
    await objects.patch(crd, undefined, undefined, 'lmo-smoke-test', true, PatchStrategy.ServerSideApply);
    const established = await eventually(
      () =>
        objects.read<V1CustomResourceDefinition>({
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: 'tenants.lmo.dev' },
        }),
      (c) => c.status?.conditions?.some((x) => x.type === 'Established' && x.status === 'True') ?? false,
    );
    expect(established.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
  });

  afterAll(async () => {
    await custom
      .deleteClusterCustomObject({ group: 'lmo.dev', version: 'v1alpha1', plural: 'tenants', name: unique })
      .catch(() => undefined);
  });

  it('creates a valid Tenant and reads it back with the schema defaults applied', async () => {
    await custom.createClusterCustomObject({
      group: 'lmo.dev',
      version: 'v1alpha1',
      plural: 'tenants',
      body: tenant,
    });

    const read = (await custom.getClusterCustomObject({
      group: 'lmo.dev',
      version: 'v1alpha1',
      plural: 'tenants',
      name: unique,
    })) as { spec: { displayName: string; plan: string; suspended: boolean; model: { provider: string } } };

    expect(read.spec.displayName).toBe('Acme Corp');
    expect(read.spec.plan).toBe('free');
    expect(read.spec.suspended).toBe(false);
    expect(read.spec.model.provider).toBe('echo');
  });

  it('rejects an invalid Tenant with a readable validation error', async () => {
    const invalid = {
      ...tenant,
      metadata: { name: `${unique}-bad` },
      spec: { ...tenant.spec, plan: 'platinum', model: { temperature: 5 } },
    };

    const { code, message } = await failure(
      custom.createClusterCustomObject({
        group: 'lmo.dev',
        version: 'v1alpha1',
        plural: 'tenants',
        body: invalid,
      }),
    );

    expect(code).toBe(422);
    expect(message).toContain('spec.plan: Unsupported value: "platinum"');
    expect(message).toContain('spec.model.temperature: Invalid value: 5');
  });

  it('enforces RBAC: the developer identity has no rights until granted', async () => {
    const developer = kubeConfig(harnessEnv('LMO_KUBECONFIG_DEVELOPER')).makeApiClient(CustomObjectsApi);

    const { code } = await failure(
      developer.listClusterCustomObject({ group: 'lmo.dev', version: 'v1alpha1', plural: 'tenants' }),
    );

    expect(code).toBe(403);
  });

  it("runs a Deployment's pod to Ready on the kwok node", async () => {
    const core = admin.makeApiClient(CoreV1Api);
    const apps = admin.makeApiClient(AppsV1Api);
    const namespace = unique;
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    try {
      const labels = { app: 'smoke' };
      await apps.createNamespacedDeployment({
        namespace,
        body: {
          metadata: { name: 'smoke' },
          spec: {
            replicas: 1,
            selector: { matchLabels: labels },
            template: {
              metadata: { labels },
              spec: { containers: [{ name: 'app', image: 'example.invalid/smoke:1' }] },
            },
          },
        },
      });

      const pods = await eventually(
        () => core.listNamespacedPod({ namespace, labelSelector: 'app=smoke' }),
        (list) =>
          list.items.some((p) =>
            p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
          ),
      );

      const pod = pods.items[0];
      expect(pod?.spec?.nodeName).toBe(harnessEnv('LMO_FAKE_NODE'));
      expect(pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    } finally {
      await core.deleteNamespace({ name: namespace });
    }
  }, 90_000);
});
