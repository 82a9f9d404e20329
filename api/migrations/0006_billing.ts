// Billing: each tenant's Stripe customer and subscription state, one billing record per tenant and
// hour (unique, with the pending → reported state machine that makes a re-run never bill twice),
// the hours the job has finished, the Stripe webhook events already applied, and the token counter
// samples the job takes itself when it reads the runtimes' /metrics directly (no Prometheus).
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('billing_accounts', (t) => {
    t.text('tenant').primary();
    t.text('stripe_customer_id');
    t.text('plan');
    t.text('subscription_id');
    t.text('subscription_status');
    t.timestamp('current_period_end', { useTz: true });
    t.timestamp('subscription_changed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['stripe_customer_id']);
  });
  await db.schema.createTable('billing_records', (t) => {
    t.uuid('id').primary();
    t.text('tenant').notNullable();
    t.timestamp('hour', { useTz: true }).notNullable();
    t.bigInteger('tokens').notNullable();
    t.text('source').notNullable();
    t.enu('state', ['pending', 'reported', 'local'], {
      useNative: false,
      enumName: 'billing_state',
    }).notNullable();
    t.text('identifier').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('reported_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.unique(['tenant', 'hour']);
    t.index(['hour']);
  });
  await db.schema.createTable('billing_hours', (t) => {
    t.timestamp('hour', { useTz: true }).primary();
    t.integer('tenants').notNullable();
    t.timestamp('completed_at', { useTz: true }).notNullable();
  });
  await db.schema.createTable('stripe_events', (t) => {
    t.text('id').primary();
    t.text('type').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
  });
  await db.schema.createTable('token_counter_samples', (t) => {
    t.text('target').notNullable();
    t.text('tenant').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.double('value').notNullable();
    t.primary(['target', 'tenant', 'at']);
    t.index(['at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('token_counter_samples');
  await db.schema.dropTable('stripe_events');
  await db.schema.dropTable('billing_hours');
  await db.schema.dropTable('billing_records');
  await db.schema.dropTable('billing_accounts');
}
