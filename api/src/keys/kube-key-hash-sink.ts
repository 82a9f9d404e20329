import { apiKeyEntryName, keyIdOfEntry, LmoError, tenantNamespace } from '@lmo/contracts';
import { isNotFound, type KubeRest } from '@lmo/kube';
import { fromKubeError } from '../kube/kube-errors.ts';
import type { KeyHashSink } from './key-hash-sink.ts';

/** The runtime Secret in every tenant namespace (cdk8s/src/tenant-metadata.ts, RUNTIME_NAMES.secret). */
export const RUNTIME_SECRET_NAME = 'mcp-runtime-secrets';

/** The API's server-side-apply field manager; the operator's is `lmo-operator`. */
export const API_FIELD_MANAGER = 'lmo-api';

const secretPath = (tenant: string): string =>
  `/api/v1/namespaces/${tenantNamespace(tenant)}/secrets/${RUNTIME_SECRET_NAME}`;

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/**
 * Cluster key hashes: the `api-key.<keyId>` entries of Secret `mcp-runtime-secrets` in namespace
 * `lmo-t-<tenant>`, written by server-side apply under field manager `lmo-api`. An apply owns
 * exactly the fields it sends and removes those it owned and no longer sends, so applying the full
 * set of live keys adds a new key and drops a revoked one while the operator's `provider-api-key`
 * (another manager's field) is never sent, changed or removed.
 *
 * The operator creates the Secret; the API may only get and patch it (api/deploy/rbac.yaml), so
 * before the operator has reconciled a new tenant, `sync` answers `LMO_TENANT_NOT_READY`.
 */
export class KubeKeyHashSink implements KeyHashSink {
  readonly #rest: KubeRest;

  constructor(rest: KubeRest) {
    this.#rest = rest;
  }

  async sync(tenant: string, entries: ReadonlyMap<string, string>): Promise<void> {
    const path = secretPath(tenant);
    const data = Object.fromEntries(
      [...entries].map(([keyId, content]) => [apiKeyEntryName(keyId), base64(content)]),
    );
    const body = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: RUNTIME_SECRET_NAME, namespace: tenantNamespace(tenant) },
      data,
    };
    try {
      // Never create the Secret: the operator owns its lifecycle (labels, owner reference).
      await this.#rest.get(path);
      await this.#rest.apply(path, body, API_FIELD_MANAGER);
    } catch (error) {
      if (isNotFound(error)) {
        if (entries.size === 0) return;
        throw new LmoError('LMO_TENANT_NOT_READY', `Tenant ${tenant} is still being provisioned; try again`, {
          cause: error,
        });
      }
      throw fromKubeError(error, `The key store of tenant ${tenant}`);
    }
  }

  async read(tenant: string): Promise<Map<string, string>> {
    try {
      const secret = await this.#rest.get<{ data?: Record<string, string> }>(secretPath(tenant));
      const entries = new Map<string, string>();
      for (const [name, value] of Object.entries(secret.data ?? {})) {
        const keyId = keyIdOfEntry(name);
        if (keyId !== undefined) entries.set(keyId, Buffer.from(value, 'base64').toString('utf8').trim());
      }
      return entries;
    } catch (error) {
      if (isNotFound(error)) return new Map();
      throw fromKubeError(error, `The key store of tenant ${tenant}`);
    }
  }
}
