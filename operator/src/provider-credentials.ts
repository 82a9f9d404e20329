import type { TenantConditionReason, TenantSpec } from '@lmo/contracts';
import { isNotFound, type KubeRest } from '@lmo/kube';

/** Secrets the platform lets tenants name carry this label; no other Secret is ever copied. */
export const PROVIDER_SECRET_LABEL = 'lmo.dev/provider-credentials';

export type ProviderCredentials =
  | { readonly ok: true; readonly apiKey: string | undefined }
  | { readonly ok: false; readonly reason: TenantConditionReason; readonly message: string };

interface SecretObject {
  metadata: { labels?: Record<string, string> };
  data?: Record<string, string>;
}

/**
 * Checks where `spec.providerSecretRef` points before anything is read. Pure.
 * Only the platform namespace is allowed: a Tenant must not make the operator
 * copy a Secret out of some other team's namespace.
 */
export function providerRefProblem(
  ref: TenantSpec['providerSecretRef'],
  platformNamespace: string,
): ProviderCredentials | undefined {
  const namespace = ref?.namespace ?? platformNamespace;
  if (namespace === platformNamespace) return undefined;
  return {
    ok: false,
    reason: 'ProviderSecretRefForbidden',
    message: `spec.providerSecretRef points to namespace "${namespace}"; only the platform namespace "${platformNamespace}" is allowed`,
  };
}

/**
 * The provider API key a Tenant names, read from the platform namespace.
 * Refuses Secrets without the `lmo.dev/provider-credentials: "true"` label
 * and reports a missing Secret or key; never puts the key in a message.
 * @throws KubeApiError for failures other than "not found" (retried).
 */
export async function readProviderCredentials(
  rest: KubeRest,
  spec: TenantSpec,
  platformNamespace: string,
): Promise<ProviderCredentials> {
  const ref = spec.providerSecretRef;
  if (!ref) return { ok: true, apiKey: undefined };
  const problem = providerRefProblem(ref, platformNamespace);
  if (problem) return problem;
  let secret: SecretObject;
  try {
    secret = await rest.get<SecretObject>(`/api/v1/namespaces/${platformNamespace}/secrets/${ref.name}`);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return missing(`Secret ${platformNamespace}/${ref.name} named by spec.providerSecretRef does not exist`);
  }
  if (secret.metadata.labels?.[PROVIDER_SECRET_LABEL] !== 'true') {
    return {
      ok: false,
      reason: 'ProviderSecretRefForbidden',
      message: `Secret ${platformNamespace}/${ref.name} is not labelled ${PROVIDER_SECRET_LABEL}: "true", so tenants may not use it`,
    };
  }
  const value = secret.data?.[ref.key];
  if (value === undefined) return missing(`Secret ${platformNamespace}/${ref.name} has no key "${ref.key}"`);
  return { ok: true, apiKey: Buffer.from(value, 'base64').toString('utf8') };
}

const missing = (message: string): ProviderCredentials => ({
  ok: false,
  reason: 'ProviderSecretMissing',
  message,
});
