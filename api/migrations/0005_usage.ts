// Usage analytics folded from usage events: one row per request id (the idempotency record and the
// recent-requests log), rollups per tenant, key, model and hour or day, and the byte offsets of the
// local event files that `make dev` tails. A request id is recorded in the same transaction as its
// rollup increments, so an event delivered twice is counted once.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('usage_requests', (t) => {
    t.text('request_id').primary();
    t.text('tenant').notNullable();
    t.text('key_id').notNullable();
    t.text('model').notNullable();
    t.text('provider').notNullable();
    t.text('status').notNullable();
    t.text('error_code');
    t.bigInteger('tokens_in').notNullable();
    t.bigInteger('tokens_out').notNullable();
    t.boolean('cached').notNullable();
    t.double('latency_ms').notNullable();
    t.text('transport').notNullable();
    t.text('tool');
    t.timestamp('time', { useTz: true }).notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.index(['tenant', 'time']);
    t.index(['time']);
  });
  await db.schema.createTable('usage_rollups', (t) => {
    t.text('tenant').notNullable();
    t.enu('granularity', ['hour', 'day'], { useNative: false, enumName: 'usage_granularity' }).notNullable();
    t.timestamp('bucket', { useTz: true }).notNullable();
    t.text('key_id').notNullable();
    t.text('model').notNullable();
    t.bigInteger('tokens_in').notNullable();
    t.bigInteger('tokens_out').notNullable();
    t.bigInteger('requests').notNullable();
    t.bigInteger('cached').notNullable();
    t.bigInteger('errors').notNullable();
    t.double('latency_ms_sum').notNullable();
    t.double('latency_ms_max').notNullable();
    t.primary(['tenant', 'granularity', 'bucket', 'key_id', 'model']);
  });
  await db.schema.createTable('usage_source_offsets', (t) => {
    t.text('source').primary();
    t.bigInteger('position').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('usage_source_offsets');
  await db.schema.dropTable('usage_rollups');
  await db.schema.dropTable('usage_requests');
}
