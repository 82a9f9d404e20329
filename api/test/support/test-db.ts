// Databases for tests: a fresh PostgreSQL database per test file on the harness server (created
// and dropped here), or an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import { harnessEnv } from '@lmo/harness';
import type { Knex } from 'knex';
import { openDatabase } from '../../src/db/database.ts';
import { migrateLatest } from '../../src/db/migrations.ts';

/** A database for one test file and how to get rid of it. */
export interface TestDatabase {
  readonly db: Knex;
  readonly url: string | undefined;
  readonly drop: () => Promise<void>;
}

/** Creates `api_test_<random>` on the harness PostgreSQL; `migrate` applies every migration. */
export async function freshPostgres(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const base = harnessEnv('DATABASE_URL');
  const name = `api_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: base });
  await admin.raw(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.href });
  if (options.migrate !== false) await migrateLatest(db);
  return {
    db,
    url: url.href,
    drop: async () => {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/** An in-memory PGlite; `migrate` applies every migration. */
export async function freshPglite(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const db = await openDatabase({ kind: 'pglite', dataDir: undefined });
  if (options.migrate !== false) await migrateLatest(db);
  return { db, url: undefined, drop: () => db.destroy() };
}
