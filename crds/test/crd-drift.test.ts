import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildTenantCrd } from '@lmo/contracts';
import { parse } from 'yaml';
import { GENERATED_HEADER, generatedCrdFiles } from '../crd-files.ts';

// The YAML in crds/ is a build output; when one of these fails, run `npm run crds` and commit.
const crdsDir = new URL('../', import.meta.url);
const generated = generatedCrdFiles();
const committed = (name: string): string => readFileSync(new URL(name, crdsDir), 'utf8');

describe('generated files in crds/', () => {
  it.each(generated.map((file): [string, string] => [file.name, file.content]))(
    '%s matches the generator (run `npm run crds` if not)',
    (name, content) => {
      expect(committed(name)).toBe(content);
    },
  );

  it.each(generated.map((file) => file.name))('%s starts with the do-not-edit header', (name) => {
    expect(committed(name).split('\n')[0]).toBe(GENERATED_HEADER);
  });

  it('holds no YAML the generator does not own', () => {
    const yamlFiles = readdirSync(crdsDir).filter((name) => /\.ya?ml$/.test(name));
    expect(yamlFiles.sort()).toEqual(generated.map((file) => file.name).sort());
  });

  it('parses back to exactly the CRD object', () => {
    expect(parse(committed('tenants.lmo.dev.yaml'))).toEqual(buildTenantCrd());
  });

  it('lists every CRD in the kustomization', () => {
    const kustomization = parse(committed('kustomization.yaml')) as { resources: string[] };
    expect(kustomization.resources).toEqual(['tenants.lmo.dev.yaml']);
  });

  it('has a generator whose --check agrees', () => {
    const run = spawnSync(process.execPath, [new URL('generate.ts', crdsDir).pathname, '--check'], {
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
