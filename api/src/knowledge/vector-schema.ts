/**
 * Whether the database can hold embeddings: the `vector` extension (pgvector) and the
 * `knowledge_chunks.embedding vector(256)` column. Migration 0004 adds the column when the server
 * offers the extension; {@link ensureVectorSchema} adds it later if pgvector was installed since.
 * Whether the extension is offered is found by creating it: PGlite does not list its bundled
 * pgvector in `pg_available_extensions`.
 */
import type { Knex } from 'knex';
import { EMBEDDING_DIMENSIONS } from './embedders.ts';

async function flag(db: Knex, sql: string): Promise<boolean> {
  const result = await db.raw<{ rows: { ok: boolean }[] }>(sql);
  return result.rows[0]?.ok === true;
}

/** Whether `knowledge_chunks.embedding` exists. */
export function vectorColumnExists(db: Knex): Promise<boolean> {
  return flag(
    db,
    `select exists (select 1 from information_schema.columns
       where table_schema = current_schema() and table_name = 'knowledge_chunks' and column_name = 'embedding') as ok`,
  );
}

/**
 * Makes the embedding column exist when the server offers pgvector; answers whether it exists.
 * Never throws for a missing extension or a lacking privilege (that answers false); the caller
 * says what is missing.
 */
export async function ensureVectorSchema(db: Knex): Promise<boolean> {
  if (await vectorColumnExists(db)) return true;
  try {
    await db.transaction(async (trx) => {
      await trx.raw('create extension if not exists vector');
      await trx.raw(
        `alter table knowledge_chunks add column if not exists embedding vector(${EMBEDDING_DIMENSIONS})`,
      );
    });
  } catch {
    return false;
  }
  return vectorColumnExists(db);
}
