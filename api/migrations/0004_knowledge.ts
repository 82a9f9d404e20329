// Knowledge: uploaded documents (their extracted text) and their chunks with embeddings. The
// embedding column needs pgvector: it is created when the server offers the `vector` extension
// (PGlite's bundled one, or pgvector on PostgreSQL); without it the tables exist, the column does
// not, and the knowledge routes answer LMO_DEPENDENCY_UNAVAILABLE. Installing pgvector later and
// restarting adds the column (see src/knowledge/vector-schema.ts). The runtime reads these tables.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('knowledge_documents', (t) => {
    t.uuid('id').primary();
    t.text('tenant').notNullable();
    t.text('name').notNullable();
    t.text('content_type').notNullable();
    t.integer('bytes').notNullable();
    t.text('text').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['tenant', 'created_at']);
  });
  await db.schema.createTable('knowledge_chunks', (t) => {
    t.uuid('id').primary();
    t.uuid('document_id').notNullable().references('id').inTable('knowledge_documents').onDelete('CASCADE');
    t.text('tenant').notNullable();
    t.integer('ordinal').notNullable();
    t.text('content').notNullable();
    t.unique(['document_id', 'ordinal']);
    t.index(['tenant']);
  });
  // Offered or not, the extension can only be known by trying (PGlite does not list its bundled
  // one in pg_available_extensions); a savepoint keeps a refusal from aborting the migration.
  const vector = await db
    .transaction(async (savepoint) => {
      await savepoint.raw('create extension if not exists vector');
    })
    .then(
      () => true,
      () => false,
    );
  if (vector) await db.raw('alter table knowledge_chunks add column if not exists embedding vector(256)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('knowledge_chunks');
  await db.schema.dropTable('knowledge_documents');
}
