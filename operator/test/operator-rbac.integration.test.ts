// The operator's ServiceAccount, bound only to deploy/rbac.yaml, is denied
// what the operator must not do. (What it must do is proven by the other
// integration tests, which all run the operator under this identity.)
import { beforeAll, describe, expect, it } from '@jest/globals';
import { KubeApiError, KubeRest } from '@lmo/kube';
import { adminRest, installPlatform, operatorKubeConfig } from './support/test-cluster.ts';

let operator: KubeRest;

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (error instanceof KubeApiError) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  const admin = await adminRest();
  await installPlatform(admin);
  operator = await KubeRest.fromKubeConfig(await operatorKubeConfig(admin));
}, 60_000);

describe('the operator identity (deploy/rbac.yaml)', () => {
  it.each([
    ['list pods', 'GET', '/api/v1/pods', undefined],
    ['delete namespaces', 'DELETE', '/api/v1/namespaces/kube-public', undefined],
    ['delete Deployments', 'DELETE', '/apis/apps/v1/namespaces/kube-system/deployments/anything', undefined],
    [
      'write Tenant specs',
      'PUT',
      '/apis/lmo.dev/v1alpha1/tenants/anything',
      { metadata: { name: 'anything' } },
    ],
    ['create Tenants', 'POST', '/apis/lmo.dev/v1alpha1/tenants', { metadata: { name: 'anything' } }],
    ['create ClusterRoleBindings', 'POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {}],
    ['create RoleBindings', 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {}],
    [
      'read other CRDs',
      'GET',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/tenants.lmo.dev',
      undefined,
    ],
    [
      'take Leases outside the platform namespace',
      'GET',
      '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases',
      undefined,
    ],
    ['create pods', 'POST', '/api/v1/namespaces/default/pods', {}],
    ['impersonate', 'GET', '/api/v1/namespaces', undefined],
  ])('may not %s', async (what, method, path, body) => {
    const headers = what === 'impersonate' ? { 'Impersonate-User': 'lmo-admin' } : {};
    const call = operator.request(method, path, body === undefined ? { headers } : { body, headers });

    expect(await statusOf(call)).toBe(403);
  });

  it('may read its Tenants and patch their status', async () => {
    expect(await statusOf(operator.get('/apis/lmo.dev/v1alpha1/tenants'))).toBe(200);
  });
});
