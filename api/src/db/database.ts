import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import knex, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import type { DatabaseConfig } from '../config/api-config.ts';

/**
 * Opens the relational database: PostgreSQL through `pg`, or embedded PGlite (real PostgreSQL in
 * WebAssembly, with its bundled pgvector for knowledge search) through `knex-pglite`. PGlite has one
 * connection, so code must never query the `Knex` instance while holding a transaction on it:
 * inside a transaction, use only the transaction.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Knex> {
  if (config.kind === 'postgres') {
    return knex({
      client: 'pg',
      connection: config.url,
      pool: { min: 0, max: 10 },
      acquireConnectionTimeout: 10_000,
    });
  }
  if (config.dataDir !== undefined) await mkdir(config.dataDir, { recursive: true });
  const pglite = new PGlite({
    extensions: { vector },
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
  });
  return knex({
    client: ClientPgLite,
    dialect: 'postgres',
    // knex-pglite takes a ready instance through a connection function (its types do not say so).
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
}

/** Whether the database answers a trivial query; for `/readyz`. */
export async function pingDatabase(db: Knex): Promise<void> {
  await db.raw('select 1');
}
