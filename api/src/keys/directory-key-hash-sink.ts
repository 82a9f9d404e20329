import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiKeyEntryName, keyIdOfEntry, tenantNamespace } from '@lmo/contracts';
import type { KeyHashSink } from './key-hash-sink.ts';

/** The secrets directory of a standalone tenant: `<tenantsDir>/<tenant>/secrets`. */
export function tenantSecretsDir(tenantsDir: string, tenant: string): string {
  tenantNamespace(tenant); // throws LMO_VALIDATION_FAILED for a name that could escape the directory
  return join(tenantsDir, tenant, 'secrets');
}

/**
 * Standalone key hashes: one file per key, `<tenantsDir>/<tenant>/secrets/api-key.<keyId>`, the
 * layout of the Secret the operator mounts at /etc/lmo/secrets. Each file is written to a temporary
 * name and renamed into place, so a runtime watching the directory never reads half a hash.
 */
export class DirectoryKeyHashSink implements KeyHashSink {
  readonly #tenantsDir: string;

  constructor(tenantsDir: string) {
    this.#tenantsDir = tenantsDir;
  }

  async sync(tenant: string, entries: ReadonlyMap<string, string>): Promise<void> {
    const dir = tenantSecretsDir(this.#tenantsDir, tenant);
    const current = await this.read(tenant);
    if (entries.size > 0) await mkdir(dir, { recursive: true, mode: 0o700 });
    for (const [keyId, content] of entries) {
      if (current.get(keyId) !== content) await writeAtomically(join(dir, apiKeyEntryName(keyId)), content);
    }
    for (const keyId of current.keys()) {
      if (!entries.has(keyId)) await rm(join(dir, apiKeyEntryName(keyId)), { force: true });
    }
  }

  async read(tenant: string): Promise<Map<string, string>> {
    const dir = tenantSecretsDir(this.#tenantsDir, tenant);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    const entries = new Map<string, string>();
    for (const name of names) {
      const keyId = keyIdOfEntry(name);
      if (keyId !== undefined) entries.set(keyId, (await readFile(join(dir, name), 'utf8')).trim());
    }
    return entries;
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, { mode: 0o600 });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
