import type { Knex } from 'knex';
import * as m0001 from '../../migrations/0001_accounts.ts';
import * as m0002 from '../../migrations/0002_tenants.ts';
import * as m0003 from '../../migrations/0003_api_keys.ts';
import * as m0004 from '../../migrations/0004_knowledge.ts';
import * as m0005 from '../../migrations/0005_usage.ts';
import * as m0006 from '../../migrations/0006_billing.ts';

/** A migration module under `api/migrations/NNNN_name.ts`: TypeScript, run natively by Node. */
export interface MigrationModule {
  readonly up: (db: Knex) => Promise<void>;
  readonly down: (db: Knex) => Promise<void>;
}

/**
 * Every migration, in order. Listed here (not discovered at run time) so that the type-checker
 * covers them and a bundle carries them; a unit test checks the list against `api/migrations/`.
 */
export const MIGRATIONS: readonly (readonly [string, MigrationModule])[] = [
  ['0001_accounts.ts', m0001],
  ['0002_tenants.ts', m0002],
  ['0003_api_keys.ts', m0003],
  ['0004_knowledge.ts', m0004],
  ['0005_usage.ts', m0005],
  ['0006_billing.ts', m0006],
];

/** The directory the migration files live in (for the consistency test). */
export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

/** knex's migration source over {@link MIGRATIONS}: TypeScript modules, no build step. */
export const migrationSource: Knex.MigrationSource<readonly [string, MigrationModule]> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: ([name]) => name,
  getMigration: ([, module]) => Promise.resolve(module),
};

const config: Knex.MigratorConfig = { migrationSource, tableName: 'knex_migrations' };

/** Applies every pending migration; returns the names applied. */
export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(config)) as [number, string[]];
  return applied;
}

/** Applies the next pending migration only (tests: populate between steps). */
export async function migrateUp(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.up(config)) as [number, string[]];
  return applied;
}

/** Rolls back every applied migration, newest first. */
export async function migrateRollbackAll(db: Knex): Promise<string[]> {
  const [, undone] = (await db.migrate.rollback(config, true)) as [number, string[]];
  return undone;
}

/** The names of every migration, applied or not. */
export function listMigrations(): string[] {
  return MIGRATIONS.map(([name]) => name);
}
