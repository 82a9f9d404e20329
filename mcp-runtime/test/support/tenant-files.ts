// A tenant's mounted files, written the way the operator (config.json) and the API (key hashes)
// write them, into a temporary directory the runtime under test reads.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';
import { renderRuntimeConfig, runtimeConfigJson } from '@lmo/cdk8s/runtime-config';
import { apiKeyEntryName, formatApiKeyHash, validateTenantSpec } from '@lmo/contracts';

/** A tenant directory for tests. */
export interface TenantFiles {
  readonly name: string;
  readonly dir: string;
  /** Rewrites config.json from a new spec (the operator's ConfigMap update). */
  writeSpec(spec: Record<string, unknown>): Promise<void>;
  /** Creates an API key: writes its hash entry, returns the plaintext. */
  createKey(): Promise<{ key: string; keyId: string }>;
  /** Removes a key's hash entry (revocation). */
  revokeKey(keyId: string): Promise<void>;
  /** Writes the provider key file. */
  writeProviderKey(key: string): Promise<void>;
  remove(): Promise<void>;
}

const BASE62 = 'abcdefghijklmnopqrstuvwxyz0123456789';

function keyId(): string {
  return [...randomBytes(12)].map((b) => BASE62[b % BASE62.length]).join('');
}

/** A unique tenant name. */
export function uniqueTenant(prefix = 't'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Writes a tenant directory for `spec` (defaults filled like the apiserver would). */
export async function makeTenantFiles(
  name: string,
  spec: Record<string, unknown> = {},
): Promise<TenantFiles> {
  const dir = await mkdtemp(join(tmpdir(), `lmo-rt-${name}-`));
  const writeSpec = async (next: Record<string, unknown>): Promise<void> => {
    const result = validateTenantSpec({ displayName: `Tenant ${name}`, owner: 'owner@example.com', ...next });
    if (!result.ok) throw new Error(`bad test spec: ${JSON.stringify(result.issues)}`);
    const config = renderRuntimeConfig({ name, spec: result.value }, DEFAULT_PLATFORM_SETTINGS);
    await writeFile(join(dir, 'config.json.tmp'), runtimeConfigJson(config));
    await rename(join(dir, 'config.json.tmp'), join(dir, 'config.json'));
  };
  await writeSpec(spec);
  return {
    name,
    dir,
    writeSpec,
    createKey: async () => {
      const id = keyId();
      const key = `lmo_${id}_${randomBytes(32).toString('base64url')}`;
      const hash = createHash('sha256').update(key).digest('hex');
      await writeFile(join(dir, apiKeyEntryName(id)), `${formatApiKeyHash(hash)}\n`);
      return { key, keyId: id };
    },
    revokeKey: (id) => rm(join(dir, apiKeyEntryName(id)), { force: true }),
    writeProviderKey: (key) => writeFile(join(dir, 'provider-api-key'), `${key}\n`),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
