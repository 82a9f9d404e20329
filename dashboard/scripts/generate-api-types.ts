#!/usr/bin/env node
// Regenerates dashboard/src/api/schema.generated.ts from the API's route schemas; with --check,
// only says whether the committed file is current (exit 1 when not).
import { readFile, writeFile } from 'node:fs/promises';
import { API_TYPES_FILE, apiTypesSource } from './api-types.ts';

const HELP = `Usage: node dashboard/scripts/generate-api-types.ts [--check] [--help]

Writes the typed API client's types (dashboard/src/api/schema.generated.ts) from the API's
OpenAPI document, built from its route schemas.

  --check   write nothing; exit 1 when the file differs from what the API generates now
  --help    print this help
`;

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write(HELP);
    return 0;
  }
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`generate-api-types: unknown argument ${unknown.join(' ')}\n\n${HELP}`);
    return 2;
  }
  const source = await apiTypesSource();
  if (args.includes('--check')) {
    const committed = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
    if (committed === source) {
      process.stdout.write('dashboard API types are current\n');
      return 0;
    }
    process.stderr.write(
      'dashboard/src/api/schema.generated.ts is out of date with the API: run `npm run api-types -w dashboard`\n',
    );
    return 1;
  }
  await writeFile(API_TYPES_FILE, source);
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
