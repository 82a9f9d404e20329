import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DirectoryKeyHashSink, tenantSecretsDir } from '../src/keys/directory-key-hash-sink.ts';

const hash = (c: string): string => `sha256:${c.repeat(64)}`;

describe('DirectoryKeyHashSink', () => {
  let dir: string;
  let sink: DirectoryKeyHashSink;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-keys-'));
    sink = new DirectoryKeyHashSink(dir);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one private file per key and removes revoked ones, leaving other files alone', async () => {
    const secrets = tenantSecretsDir(dir, 'acme');
    await sink.sync('acme', new Map([['aaaaaaaaaaaa', hash('a')]]));
    await writeFile(join(secrets, 'provider-api-key'), 'sk-provider');
    await sink.sync(
      'acme',
      new Map([
        ['aaaaaaaaaaaa', hash('a')],
        ['bbbbbbbbbbbb', hash('b')],
      ]),
    );
    await sink.sync('acme', new Map([['bbbbbbbbbbbb', hash('b')]]));

    expect((await readdir(secrets)).sort()).toEqual(['api-key.bbbbbbbbbbbb', 'provider-api-key']);
    expect(await readFile(join(secrets, 'api-key.bbbbbbbbbbbb'), 'utf8')).toBe(hash('b'));
    expect((await stat(join(secrets, 'api-key.bbbbbbbbbbbb'))).mode & 0o777).toBe(0o600);
    expect(await sink.read('acme')).toEqual(new Map([['bbbbbbbbbbbb', hash('b')]]));
  });

  it('leaves no temporary files behind and rewrites a changed entry', async () => {
    await sink.sync('acme', new Map([['aaaaaaaaaaaa', hash('a')]]));
    await sink.sync('acme', new Map([['aaaaaaaaaaaa', hash('c')]]));

    expect(await readdir(tenantSecretsDir(dir, 'acme'))).toEqual(['api-key.aaaaaaaaaaaa']);
    expect(await sink.read('acme')).toEqual(new Map([['aaaaaaaaaaaa', hash('c')]]));
  });

  it('reads an unknown tenant as empty and creates nothing for an empty set', async () => {
    expect(await sink.read('nobody')).toEqual(new Map());
    await sink.sync('nobody', new Map());
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses tenant names that could leave the directory', async () => {
    await expect(sink.sync('../etc', new Map())).rejects.toMatchObject({ code: 'LMO_VALIDATION_FAILED' });
    expect(() => tenantSecretsDir(dir, 'a/b')).toThrow();
  });
});
