/**
 * Writes the CRD YAML in crds/ from the TypeBox schemas in packages/contracts.
 *
 *   node crds/generate.ts           write crds/*.yaml
 *   node crds/generate.ts --check   exit 1 when a committed file differs from the generator
 */
import { readFile, writeFile } from 'node:fs/promises';
import { generatedCrdFiles } from './crd-files.ts';

const USAGE = 'usage: node crds/generate.ts [--check]';

async function readOrUndefined(url: URL): Promise<string | undefined> {
  try {
    return await readFile(url, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(args: readonly string[]): Promise<number> {
  if (args.some((arg) => arg !== '--check')) {
    console.error(USAGE);
    return 2;
  }
  const check = args.includes('--check');
  const stale: string[] = [];
  for (const file of generatedCrdFiles()) {
    const url = new URL(file.name, import.meta.url);
    if (check) {
      if ((await readOrUndefined(url)) !== file.content) stale.push(`crds/${file.name}`);
    } else {
      await writeFile(url, file.content);
      console.log(`Wrote crds/${file.name}`);
    }
  }
  if (stale.length > 0) {
    console.error(
      `${stale.join(', ')} differs from packages/contracts. Run \`node crds/generate.ts\` (or \`npm run crds\`) and commit the result.`,
    );
    return 1;
  }
  if (check) console.log('crds/ is up to date.');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
