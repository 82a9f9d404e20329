/**
 * Reads the runtime's secrets directory (the mounted `mcp-runtime-secrets` Secret, or the tenant's
 * config directory standalone): the API-key hash entries the platform API writes (`api-key.<keyId>`
 * holding `sha256:<hex>`) and the provider key the operator copies.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyIdOfEntry, parseApiKeyHash } from '@lmo/contracts';

/** What the secrets directory holds. */
export interface RuntimeSecrets {
  /** SHA-256 digests of the valid API keys, by key id. */
  readonly keyHashes: ReadonlyMap<string, Buffer>;
  /** The provider key, when the file named by the config exists. */
  readonly providerApiKey: string | undefined;
  /** Entries that looked like key hashes but were malformed (names only, for a warning). */
  readonly malformedEntries: readonly string[];
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function listEntries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Reads the directory. A missing directory means no keys. Kubernetes' `..data` symlink layout works
 * because only the visible entry names are read.
 */
export async function readRuntimeSecrets(dir: string, providerKeyFile?: string): Promise<RuntimeSecrets> {
  const keyHashes = new Map<string, Buffer>();
  const malformedEntries: string[] = [];
  const names = (await listEntries(dir)).filter((name) => keyIdOfEntry(name) !== undefined);
  const contents = await Promise.all(names.map((name) => readOptional(join(dir, name))));
  names.forEach((name, index) => {
    const content = contents[index];
    if (content === undefined) return; // removed between listing and reading: revoked
    const hex = parseApiKeyHash(content);
    const keyId = keyIdOfEntry(name);
    if (hex === undefined || keyId === undefined) malformedEntries.push(name);
    else keyHashes.set(keyId, Buffer.from(hex, 'hex'));
  });
  const providerApiKey =
    providerKeyFile === undefined ? undefined : (await readOptional(join(dir, providerKeyFile)))?.trim();
  return { keyHashes, providerApiKey: providerApiKey === '' ? undefined : providerApiKey, malformedEntries };
}
