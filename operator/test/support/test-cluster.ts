// Shared set-up of the operator's integration tests, against the harness's
// real control plane: CRD, platform namespace and the operator's RBAC
// installed as the admin; the operator itself runs under its own
// ServiceAccount token with exactly deploy/rbac.yaml's rights.
import { readFile } from 'node:fs/promises';
import { KubeConfig } from '@kubernetes/client-node';
import { harnessEnv } from '@lmo/harness';
import { isNotFound, KubeRest, objectPath, type KubeObject } from '@lmo/kube';
import { pino } from 'pino';
import { parseAllDocuments } from 'yaml';
import { parseOperatorConfig } from '../../src/operator-config.ts';
import { startOperator, type RunningOperator } from '../../src/operator.ts';

const repo = new URL('../../../', import.meta.url);
export const PLATFORM_NAMESPACE = 'lmo-system';

export function adminKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(harnessEnv('LMO_KUBECONFIG_ADMIN'));
  return kc;
}

export const adminRest = (): Promise<KubeRest> => KubeRest.fromKubeConfig(adminKubeConfig());

async function applyYamlFile(rest: KubeRest, relative: string): Promise<void> {
  const docs = parseAllDocuments(await readFile(new URL(relative, repo), 'utf8'));
  for (const doc of docs) {
    const object = doc.toJS() as KubeObject | null;
    if (object?.kind) await rest.apply(objectPath(object), object, 'lmo-test-setup');
  }
}

/** Installs the CRD, the platform namespace and the operator's RBAC (idempotent). */
export async function installPlatform(rest: KubeRest): Promise<void> {
  await applyYamlFile(rest, 'crds/tenants.lmo.dev.yaml');
  await rest.apply(
    `/api/v1/namespaces/${PLATFORM_NAMESPACE}`,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: PLATFORM_NAMESPACE } },
    'lmo-test-setup',
  );
  await waitFor('the default ServiceAccount', async () => {
    try {
      await rest.get(`/api/v1/namespaces/${PLATFORM_NAMESPACE}/serviceaccounts/default`);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  });
  await applyYamlFile(rest, 'operator/deploy/rbac.yaml');
  await waitFor('the Tenant CRD to be established', async () => {
    const crd = await rest.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/tenants.lmo.dev',
    );
    return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
  });
}

/** A kubeconfig for the operator's ServiceAccount (a short-lived token from the TokenRequest API). */
export async function operatorKubeConfig(rest: KubeRest): Promise<KubeConfig> {
  const admin = adminKubeConfig();
  const answer = await rest.request<{ status: { token: string } }>(
    'POST',
    `/api/v1/namespaces/${PLATFORM_NAMESPACE}/serviceaccounts/lmo-operator/token`,
    {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: 3600 },
      },
    },
  );
  const cluster = admin.getCurrentCluster();
  if (!cluster) throw new Error('admin kubeconfig has no cluster');
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'test', server: cluster.server, caFile: cluster.caFile, skipTLSVerify: false }],
    users: [{ name: 'lmo-operator', token: answer.status.token }],
    contexts: [{ name: 'operator', cluster: 'test', user: 'lmo-operator' }],
    currentContext: 'operator',
  });
  return kc;
}

/** Starts an operator in process under the operator identity, serving Tenants labelled `lmo.dev/test=<shard>`. */
export async function startTestOperator(
  kc: KubeConfig,
  shard: string,
  flags: Record<string, string> = {},
): Promise<RunningOperator> {
  const parsed = parseOperatorConfig(
    {
      'tenant-selector': `lmo.dev/test=${shard}`,
      'http-host': '127.0.0.1',
      'http-port': '0',
      'lease-name': `lmo-operator-${shard}`,
      'resync-seconds': '30',
      'service-monitor': 'false',
      'log-level': process.env['LOG_LEVEL'] ?? 'silent',
      ...flags,
    },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return startOperator({ kc, config: parsed.config, logger: pino({ level: parsed.config.logLevel }) });
}

/** Polls `check` every 200 ms until true or `ms` passes. */
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

/** GET an object, or undefined when it does not exist. */
export async function getOrUndefined<T>(rest: KubeRest, path: string): Promise<T | undefined> {
  try {
    return await rest.get<T>(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export interface TestTenant {
  metadata: { name: string; uid: string; generation: number; resourceVersion: string; finalizers?: string[] };
  spec: Record<string, unknown>;
  status?: {
    phase?: string;
    observedGeneration?: number;
    namespace?: string;
    endpoint?: string;
    conditions?: {
      type: string;
      status: string;
      reason: string;
      message: string;
      lastTransitionTime: string;
    }[];
  };
}

export const tenantPath = (name: string): string => `/apis/lmo.dev/v1alpha1/tenants/${name}`;

export function createTenant(
  rest: KubeRest,
  name: string,
  shard: string,
  spec: Record<string, unknown>,
): Promise<TestTenant> {
  return rest.request<TestTenant>('POST', '/apis/lmo.dev/v1alpha1/tenants', {
    body: {
      apiVersion: 'lmo.dev/v1alpha1',
      kind: 'Tenant',
      metadata: { name, labels: { 'lmo.dev/test': shard } },
      spec: { displayName: `Tenant ${name}`, owner: `ops@${name}.example`, ...spec },
    },
  });
}

export function patchTenantSpec(
  rest: KubeRest,
  name: string,
  spec: Record<string, unknown>,
): Promise<TestTenant> {
  return rest.request<TestTenant>('PATCH', tenantPath(name), {
    body: { spec },
    contentType: 'application/merge-patch+json',
  });
}

export const condition = (
  t: TestTenant | undefined,
  type: string,
): { status: string; reason: string; message: string } | undefined =>
  t?.status?.conditions?.find((c) => c.type === type);

/** A name unique to this run, valid as a tenant name. */
export const uniqueName = (prefix: string): string =>
  `${prefix}-${(Date.now() % 1_000_000).toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
