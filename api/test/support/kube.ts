// Kubernetes set-up of the API's tests, against the harness's real control plane: the Tenant CRD,
// the platform namespace and api/deploy/rbac.yaml installed as the admin; the API itself runs under
// its own ServiceAccount token (TokenRequest) with exactly those rights. What the operator would do
// (tenant namespace, runtime Secret, status) the admin does here.
import { readFile } from 'node:fs/promises';
import { KubeConfig } from '@kubernetes/client-node';
import { apiKeyEntryName, tenantNamespace, type TenantStatus } from '@lmo/contracts';
import { harnessEnv } from '@lmo/harness';
import { isNotFound, KubeRest, objectPath, type KubeObject } from '@lmo/kube';
import { parseAllDocuments } from 'yaml';

const repo = new URL('../../../', import.meta.url);
export const PLATFORM_NAMESPACE = 'lmo-system';

/** A client with the harness's cluster-admin identity. */
export function adminRest(): Promise<KubeRest> {
  const kc = new KubeConfig();
  kc.loadFromFile(harnessEnv('LMO_KUBECONFIG_ADMIN'));
  return KubeRest.fromKubeConfig(kc);
}

async function applyYamlFile(rest: KubeRest, relative: string): Promise<void> {
  const docs = parseAllDocuments(await readFile(new URL(relative, repo), 'utf8'));
  for (const doc of docs) {
    const object = doc.toJS() as KubeObject | null;
    if (object?.kind) await rest.apply(objectPath(object), object, 'lmo-test-setup');
  }
}

/** Polls `check` every 200 ms until it is true or `ms` pass. */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `timed out waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`,
  );
}

/** Installs the CRD, the platform namespace and the API's RBAC (idempotent). */
export async function installForApi(rest: KubeRest): Promise<void> {
  await applyYamlFile(rest, 'crds/tenants.lmo.dev.yaml');
  await rest.apply(
    `/api/v1/namespaces/${PLATFORM_NAMESPACE}`,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: PLATFORM_NAMESPACE } },
    'lmo-test-setup',
  );
  await applyYamlFile(rest, 'api/deploy/rbac.yaml');
  await waitFor('the Tenant CRD to be established', async () => {
    const crd = await rest.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/tenants.lmo.dev',
    );
    return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
  });
}

/** A client for the API's ServiceAccount, from a short-lived TokenRequest token. */
export async function apiRest(admin: KubeRest): Promise<KubeRest> {
  const answer = await admin.request<{ status: { token: string } }>(
    'POST',
    `/api/v1/namespaces/${PLATFORM_NAMESPACE}/serviceaccounts/lmo-api/token`,
    {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: 3600 },
      },
    },
  );
  const reference = new KubeConfig();
  reference.loadFromFile(harnessEnv('LMO_KUBECONFIG_ADMIN'));
  const cluster = reference.getCurrentCluster();
  if (!cluster) throw new Error('admin kubeconfig has no cluster');
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'test', server: cluster.server, caFile: cluster.caFile, skipTLSVerify: false }],
    users: [{ name: 'lmo-api', token: answer.status.token }],
    contexts: [{ name: 'api', cluster: 'test', user: 'lmo-api' }],
    currentContext: 'api',
  });
  return KubeRest.fromKubeConfig(kc);
}

/** What the operator does for a new tenant, as far as key hashes care: namespace and runtime Secret. */
export async function provisionRuntime(
  admin: KubeRest,
  tenant: string,
  providerKey = 'sk-provider',
): Promise<void> {
  const namespace = tenantNamespace(tenant);
  await admin.apply(
    `/api/v1/namespaces/${namespace}`,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'lmo.dev/test': 'api' } } },
    'lmo-operator',
  );
  await admin.apply(
    `/api/v1/namespaces/${namespace}/secrets/mcp-runtime-secrets`,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'mcp-runtime-secrets', namespace, labels: { 'lmo.dev/tenant': tenant } },
      type: 'Opaque',
      data: { 'provider-api-key': Buffer.from(providerKey).toString('base64') },
    },
    'lmo-operator',
  );
}

/** The runtime Secret of a tenant, as the admin sees it. */
export async function runtimeSecret(
  admin: KubeRest,
  tenant: string,
): Promise<{
  data?: Record<string, string>;
  metadata: { managedFields?: { manager: string; fieldsV1?: unknown }[] };
}> {
  return admin.get(`/api/v1/namespaces/${tenantNamespace(tenant)}/secrets/mcp-runtime-secrets`);
}

/** The text of one entry of the runtime Secret, if present. */
export async function secretEntry(
  admin: KubeRest,
  tenant: string,
  keyId: string,
): Promise<string | undefined> {
  const value = (await runtimeSecret(admin, tenant)).data?.[apiKeyEntryName(keyId)];
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}

/** Writes a Tenant's status as the operator would. */
export async function writeTenantStatus(admin: KubeRest, name: string, status: TenantStatus): Promise<void> {
  await admin.request('PATCH', `/apis/lmo.dev/v1alpha1/tenants/${name}/status`, {
    body: { status },
    contentType: 'application/merge-patch+json',
  });
}

/** Deletes a namespace and forgets it if already gone. */
export async function deleteNamespace(admin: KubeRest, namespace: string): Promise<void> {
  try {
    await admin.request('DELETE', `/api/v1/namespaces/${namespace}`);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
