import { readdir } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { listMigrations, MIGRATIONS_DIR } from '../src/db/migrations.ts';

describe('the migration list', () => {
  it('names every file in api/migrations, in order, and nothing else', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.ts')).sort();

    expect(listMigrations()).toEqual(files);
    expect(files.every((name) => /^\d{4}_[a-z0-9_]+\.ts$/.test(name))).toBe(true);
  });
});
