// Tenants' app API keys: only the SHA-256 entry (`sha256:<hex>`) and the display prefix are kept.
// The id is the key's `keyId`, unique across tenants because it names the key in usage events.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('api_keys', (t) => {
    t.text('id').primary();
    t.text('tenant').notNullable();
    t.text('name').notNullable();
    t.text('prefix').notNullable();
    t.text('hash').notNullable();
    t.uuid('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.index(['tenant']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('api_keys');
}
