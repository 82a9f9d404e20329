#!/usr/bin/env node
// Regenerates dashboard/src/api/schema.generated.ts from the API's route schemas.
import { writeFile } from 'node:fs/promises';
import { API_TYPES_FILE, apiTypesSource } from './api-types.ts';

if (process.argv.includes('--help')) {
  process.stdout.write(
    "Usage: node dashboard/scripts/generate-api-types.ts\n\nWrites the typed API client's types (src/api/schema.generated.ts) from the API's OpenAPI document.\n",
  );
} else {
  await writeFile(API_TYPES_FILE, await apiTypesSource());
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}
