// The shared tenant suite on the cluster registry: Tenant resources and the runtime Secret on the
// harness's real apiserver, written under the API's own ServiceAccount with api/deploy/rbac.yaml's
// rights only. The admin plays the operator (namespace, Secret, status).
import { randomBytes } from 'node:crypto';
import { tenantNamespace, type Tenant } from '@lmo/contracts';
import { KubeKeyHashSink } from '../src/keys/kube-key-hash-sink.ts';
import { KubeTenantRegistry } from '../src/tenants/kube-tenant-registry.ts';
import {
  adminRest,
  apiRest,
  deleteNamespace,
  installForApi,
  provisionRuntime,
  writeTenantStatus,
} from './support/kube.ts';
import { describeTenantApi } from './support/tenant-suite.ts';
import { freshPostgres } from './support/test-db.ts';

describeTenantApi('cluster: Tenant resources and the runtime Secret', async () => {
  const database = await freshPostgres();
  const admin = await adminRest();
  await installForApi(admin);
  const rest = await apiRest(admin);
  const shard = `api-${randomBytes(4).toString('hex')}`;
  const labels = { 'lmo.dev/test': shard };
  const provisioned: string[] = [];
  return {
    db: database.db,
    registry: new KubeTenantRegistry(rest, labels),
    sink: new KubeKeyHashSink(rest),
    provision: async (tenant) => {
      provisioned.push(tenant);
      await provisionRuntime(admin, tenant);
    },
    writeStatus: (tenant, status) => writeTenantStatus(admin, tenant, status),
    editSpec: async (tenant, change) => {
      const path = `/apis/lmo.dev/v1alpha1/tenants/${tenant}`;
      const current = await admin.get<Tenant>(path);
      await admin.request('PUT', path, { body: { ...current, spec: change(current.spec) } });
    },
    cleanup: async () => {
      await admin.request('DELETE', '/apis/lmo.dev/v1alpha1/tenants', {
        query: { labelSelector: `lmo.dev/test=${shard}` },
      });
      for (const tenant of provisioned) await deleteNamespace(admin, tenantNamespace(tenant));
      await database.drop();
    },
  };
});
