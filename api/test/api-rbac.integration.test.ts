// The API's Kubernetes identity (api/deploy/rbac.yaml) against the real apiserver: it suffices for
// what the API does (the tenant suite runs under it too) and allows nothing more. And the key-hash
// Secret is shared fairly: the API's server-side applies never touch the operator's entry, and the
// operator's never touch the API's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tenantNamespace } from '@lmo/contracts';
import type { KubeRest } from '@lmo/kube';
import { KubeKeyHashSink } from '../src/keys/kube-key-hash-sink.ts';
import {
  adminRest,
  apiRest,
  deleteNamespace,
  installForApi,
  provisionRuntime,
  runtimeSecret,
  secretEntry,
} from './support/kube.ts';
import { uniqueTenant } from './support/test-app.ts';

interface Attributes {
  verb: string;
  group?: string;
  resource: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

describe('the API identity (api/deploy/rbac.yaml)', () => {
  let admin: KubeRest;
  let api: KubeRest;
  const namespaces: string[] = [];

  beforeAll(async () => {
    admin = await adminRest();
    await installForApi(admin);
    api = await apiRest(admin);
  });

  afterAll(async () => {
    for (const namespace of namespaces) await deleteNamespace(admin, namespace);
  });

  const can = async (attributes: Attributes): Promise<boolean> => {
    const review = await api.request<{ status: { allowed: boolean } }>(
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      {
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { group: '', ...attributes } },
        },
      },
    );
    return review.status.allowed;
  };

  it.each([
    ['create', 'tenants'],
    ['get', 'tenants'],
    ['list', 'tenants'],
    ['update', 'tenants'],
    ['delete', 'tenants'],
  ])('may %s %s', async (verb, resource) => {
    expect(await can({ verb, group: 'lmo.dev', resource })).toBe(true);
  });

  it('may get and patch the runtime Secret of a tenant namespace, by name only', async () => {
    const secret = { resource: 'secrets', name: 'mcp-runtime-secrets', namespace: 'lmo-t-acme' };
    expect(await can({ verb: 'get', ...secret })).toBe(true);
    expect(await can({ verb: 'patch', ...secret })).toBe(true);
  });

  it.each<[string, Attributes]>([
    [
      'write Tenant status (the operator does)',
      { verb: 'patch', group: 'lmo.dev', resource: 'tenants', subresource: 'status' },
    ],
    ['watch Tenants', { verb: 'watch', group: 'lmo.dev', resource: 'tenants' }],
    ['list Secrets', { verb: 'list', resource: 'secrets', namespace: 'lmo-t-acme' }],
    [
      'read another Secret',
      { verb: 'get', resource: 'secrets', name: 'provider-credentials', namespace: 'lmo-system' },
    ],
    ['create Secrets', { verb: 'create', resource: 'secrets', namespace: 'lmo-t-acme' }],
    [
      'delete the runtime Secret',
      { verb: 'delete', resource: 'secrets', name: 'mcp-runtime-secrets', namespace: 'lmo-t-acme' },
    ],
    ['create namespaces', { verb: 'create', resource: 'namespaces' }],
    ['read pods', { verb: 'list', resource: 'pods', namespace: 'lmo-t-acme' }],
    ['edit RBAC', { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' }],
  ])('may not %s', async (_what, attributes) => {
    expect(await can(attributes)).toBe(false);
  });

  describe('key hashes in the shared runtime Secret', () => {
    it("adds and removes only the API's entries and never touches the operator's provider key", async () => {
      const tenant = uniqueTenant('rbac');
      namespaces.push(tenantNamespace(tenant));
      await provisionRuntime(admin, tenant, 'sk-live-provider');
      const sink = new KubeKeyHashSink(api);
      const a = `sha256:${'a'.repeat(64)}`;
      const b = `sha256:${'b'.repeat(64)}`;

      await sink.sync(
        tenant,
        new Map([
          ['aaaaaaaaaaaa', a],
          ['bbbbbbbbbbbb', b],
        ]),
      );
      expect(await sink.read(tenant)).toEqual(
        new Map([
          ['aaaaaaaaaaaa', a],
          ['bbbbbbbbbbbb', b],
        ]),
      );
      await sink.sync(tenant, new Map([['bbbbbbbbbbbb', b]]));

      const secret = await runtimeSecret(admin, tenant);
      expect(Object.keys(secret.data ?? {}).sort()).toEqual(['api-key.bbbbbbbbbbbb', 'provider-api-key']);
      expect(await secretEntry(admin, tenant, 'bbbbbbbbbbbb')).toBe(b);
      expect(Buffer.from(secret.data?.['provider-api-key'] ?? '', 'base64').toString()).toBe(
        'sk-live-provider',
      );
      const managers = Object.fromEntries(
        (secret.metadata.managedFields ?? []).map((entry) => [entry.manager, JSON.stringify(entry.fieldsV1)]),
      );
      expect(managers['lmo-api']).toContain('api-key.bbbbbbbbbbbb');
      expect(managers['lmo-api']).not.toContain('provider-api-key');
      expect(managers['lmo-operator']).not.toContain('api-key.');

      // The operator re-applies its own view (a rotated provider key): the API's entries stay.
      await provisionRuntime(admin, tenant, 'sk-rotated');
      expect(await sink.read(tenant)).toEqual(new Map([['bbbbbbbbbbbb', b]]));
      await sink.sync(tenant, new Map());
      const after = await runtimeSecret(admin, tenant);
      expect(Object.keys(after.data ?? {})).toEqual(['provider-api-key']);
      expect(Buffer.from(after.data?.['provider-api-key'] ?? '', 'base64').toString()).toBe('sk-rotated');
    });

    it('answers LMO_TENANT_NOT_READY before the operator has made the Secret, and never creates it', async () => {
      const tenant = uniqueTenant('early');
      const sink = new KubeKeyHashSink(api);

      await expect(
        sink.sync(tenant, new Map([['cccccccccccc', `sha256:${'c'.repeat(64)}`]])),
      ).rejects.toMatchObject({
        code: 'LMO_TENANT_NOT_READY',
      });
      await expect(sink.sync(tenant, new Map())).resolves.toBeUndefined();
      expect(await sink.read(tenant)).toEqual(new Map());
    });
  });
});
