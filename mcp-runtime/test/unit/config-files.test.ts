import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { isLmoError } from '@lmo/contracts';
import { loadTenantState } from '../../src/config/tenant-state.ts';
import { readRuntimeSecrets } from '../../src/config/secrets-directory.ts';
import { makeTenantFiles, type TenantFiles } from '../support/tenant-files.ts';

let files: TenantFiles | undefined;
afterEach(async () => {
  await files?.remove();
});

describe('the mounted files', () => {
  it('reads key hashes, ignores other entries, reports malformed ones by name only', async () => {
    files = await makeTenantFiles('acme');
    const { keyId } = await files.createKey();
    await writeFile(join(files.dir, 'api-key.zzzzzzzzzzzz'), 'md5:nothing');
    await writeFile(join(files.dir, 'unrelated.txt'), 'x');
    await files.writeProviderKey('sk-test');
    const secrets = await readRuntimeSecrets(files.dir, 'provider-api-key');
    expect([...secrets.keyHashes.keys()]).toEqual([keyId]);
    expect(secrets.malformedEntries).toEqual(['api-key.zzzzzzzzzzzz']);
    expect(secrets.providerApiKey).toBe('sk-test');
  });

  it('treats a missing secrets directory as no keys', async () => {
    const secrets = await readRuntimeSecrets('/nonexistent/lmo');
    expect(secrets.keyHashes.size).toBe(0);
  });

  it('refuses to start on an invalid config.json and keeps the last good one on reload', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lmo-bad-'));
    await writeFile(join(dir, 'config.json'), '{"schemaVersion": 2}');
    const failure = await loadTenantState({ configDir: dir, secretsDir: dir }).catch(
      (error: unknown) => error,
    );
    expect(isLmoError(failure) && failure.code).toBe('LMO_VALIDATION_FAILED');
    await rm(dir, { recursive: true });

    files = await makeTenantFiles('acme');
    const errors: unknown[] = [];
    const state = await loadTenantState({
      configDir: files.dir,
      secretsDir: files.dir,
      pollIntervalMs: 60_000,
      onReloadError: (e) => {
        errors.push(e);
      },
    });
    await writeFile(join(files.dir, 'config.json'), 'not json');
    const kept = await state.reload();
    expect(kept.generation).toBe(1);
    expect(errors).toHaveLength(1);
    await files.writeSpec({ model: { temperature: 0 } });
    const changed = await state.reload();
    expect(changed.generation).toBe(2);
    expect(changed.config.model.temperature).toBe(0);
    state.close();
  });
});
