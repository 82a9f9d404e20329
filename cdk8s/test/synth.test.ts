import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import {
  DEFAULT_PLATFORM_SETTINGS,
  parseTenantDocuments,
  PLACEHOLDER_TENANT_UID,
  renderTenantManifests,
} from '../src/index.ts';
import { EXAMPLE_FILE, exampleInput } from './manifest-fixtures.ts';

const SYNTH = fileURLToPath(new URL('../synth.ts', import.meta.url));
const EXAMPLE = fileURLToPath(EXAMPLE_FILE);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node cdk8s/synth.ts ...args` with CDK8S_OUTDIR unset unless given. */
async function synth(args: readonly string[], outdir?: string): Promise<Run> {
  const env = { ...process.env };
  delete env.CDK8S_OUTDIR;
  if (outdir !== undefined) env.CDK8S_OUTDIR = outdir;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SYNTH, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const expected = renderTenantManifests(exampleInput(PLACEHOLDER_TENANT_UID), DEFAULT_PLATFORM_SETTINGS);

describe('node cdk8s/synth.ts', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'lmo-cdk8s-synth-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('prints exactly renderTenantManifests of the example, as multi-document YAML', async () => {
    const run = await synth([EXAMPLE]);
    expect(run.code).toBe(0);
    expect(parseAllDocuments(run.stdout).map((doc) => doc.toJS() as unknown)).toEqual(expected);
    expect(run.stdout).toBe(Yaml.stringify(...expected));
  });

  it('writes the same manifests to <outdir>/tenant-<name>.k8s.yaml under cdk8s synth', async () => {
    const run = await synth([EXAMPLE], scratch);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(await readFile(join(scratch, 'tenant-acme.k8s.yaml'), 'utf8')).toBe(Yaml.stringify(...expected));
  });

  it('explains itself with --help', async () => {
    const run = await synth(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: node cdk8s/synth.ts <tenant.yaml>');
  });

  it('exits 2 with the usage on bad arguments', async () => {
    const run = await synth([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage:');
  });

  it('exits 1 listing every issue of an invalid Tenant, and prints nothing', async () => {
    const file = join(scratch, 'bad.yaml');
    await writeFile(
      file,
      'apiVersion: lmo.dev/v1alpha1\nkind: Tenant\nmetadata: {name: Bad_Name}\nspec: {displayName: X, owner: nobody, model: {temperature: 5}}\n',
    );
    const run = await synth([file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('/metadata/name: must consist of lower-case letters');
    expect(run.stderr).toContain('/spec/owner: must match the pattern');
    expect(run.stderr).toContain('/spec/model/temperature: must be <= 2');
  });
});

describe('parseTenantDocuments', () => {
  it('keeps a uid from the file and applies spec defaults', () => {
    const parsed = parseTenantDocuments(
      'apiVersion: lmo.dev/v1alpha1\nkind: Tenant\nmetadata: {name: beta, uid: abc}\nspec: {displayName: B, owner: b@b.io}\n',
    );
    expect(parsed.ok && parsed.value).toEqual([
      {
        name: 'beta',
        uid: 'abc',
        spec: expect.objectContaining({ plan: 'free', suspended: false }) as unknown,
      },
    ]);
  });

  it('reads several Tenants and numbers the documents in issues', () => {
    const one =
      'apiVersion: lmo.dev/v1alpha1\nkind: Tenant\nmetadata: {name: one}\nspec: {displayName: A, owner: a@a.io}\n';
    const two = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: two}\n';
    const good = parseTenantDocuments(`${one}---\n${one.replace('one', 'uno')}`);
    expect(good.ok && good.value.map((t) => t.name)).toEqual(['one', 'uno']);
    const bad = parseTenantDocuments(`${one}---\n${two}`);
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['#2/apiVersion', '#2/kind', '#2/spec']),
    );
  });

  it('refuses an empty file and broken YAML', () => {
    expect(parseTenantDocuments('').ok).toBe(false);
    expect(parseTenantDocuments('spec: [unclosed').ok).toBe(false);
  });
});
