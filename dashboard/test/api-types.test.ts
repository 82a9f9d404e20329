import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const script = fileURLToPath(new URL('../scripts/generate-api-types.ts', import.meta.url));

describe("the dashboard's API types", () => {
  // A child process: the check builds the API on PGlite, which must not outlive a jest test.
  it('match the API as it is now (run `npm run api-types -w dashboard` after changing a route schema)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--check']);
    expect(stdout).toBe('dashboard API types are current\n');
  }, 60_000);
});
