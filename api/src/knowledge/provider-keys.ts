/**
 * Where the API finds a tenant's provider key to embed knowledge with: the same place its runtime
 * reads it from. In a cluster that is `provider-api-key` of the runtime Secret the operator copies
 * it into (the API may get that Secret by name, api/deploy/rbac.yaml); standalone, the file
 * `<tenants>/<tenant>/secrets/provider-api-key`. The key is only ever passed to the provider SDK.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tenantNamespace } from '@lmo/contracts';
import { isNotFound, type KubeRest } from '@lmo/kube';
import { tenantSecretsDir } from '../keys/directory-key-hash-sink.ts';
import { RUNTIME_SECRET_NAME } from '../keys/kube-key-hash-sink.ts';
import { fromKubeError } from '../kube/kube-errors.ts';

/** The entry of the runtime Secret (and file of the secrets directory) holding the provider key. */
export const PROVIDER_KEY_ENTRY = 'provider-api-key';

/** A tenant's provider key, if it has one. */
export interface ProviderKeySource {
  keyOf(tenant: string): Promise<string | undefined>;
}

const nonEmpty = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

/** Standalone: `<tenantsDir>/<tenant>/secrets/provider-api-key`. */
export class DirectoryProviderKeys implements ProviderKeySource {
  readonly #tenantsDir: string;

  constructor(tenantsDir: string) {
    this.#tenantsDir = tenantsDir;
  }

  async keyOf(tenant: string): Promise<string | undefined> {
    try {
      return nonEmpty(
        await readFile(join(tenantSecretsDir(this.#tenantsDir, tenant), PROVIDER_KEY_ENTRY), 'utf8'),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

/** In a cluster: the runtime Secret's `provider-api-key`. */
export class KubeProviderKeys implements ProviderKeySource {
  readonly #rest: KubeRest;

  constructor(rest: KubeRest) {
    this.#rest = rest;
  }

  async keyOf(tenant: string): Promise<string | undefined> {
    const path = `/api/v1/namespaces/${tenantNamespace(tenant)}/secrets/${RUNTIME_SECRET_NAME}`;
    try {
      const secret = await this.#rest.get<{ data?: Record<string, string> }>(path);
      const value = secret.data?.[PROVIDER_KEY_ENTRY];
      return value === undefined ? undefined : nonEmpty(Buffer.from(value, 'base64').toString('utf8'));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw fromKubeError(error, `The provider key of tenant ${tenant}`);
    }
  }
}
