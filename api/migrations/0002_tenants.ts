// Tenants: the standalone registry (unused when Tenant resources are the truth), memberships with
// roles, and invitations. Memberships and invitations name tenants by text, not by foreign key,
// because in a cluster the tenants live in Kubernetes, not in this table.
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('tenants', (t) => {
    t.text('name').primary();
    t.jsonb('spec').notNullable();
    t.jsonb('status').notNullable();
    t.integer('generation').notNullable().defaultTo(1);
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await db.schema.createTable('memberships', (t) => {
    t.text('tenant').notNullable();
    t.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.enu('role', ['owner', 'member'], { useNative: false, enumName: 'membership_role' }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant', 'user_id']);
    t.index(['user_id']);
  });
  await db.schema.createTable('invitations', (t) => {
    t.uuid('id').primary();
    t.text('tenant').notNullable();
    t.text('email').notNullable();
    t.enu('role', ['owner', 'member'], { useNative: false, enumName: 'invitation_role' }).notNullable();
    t.text('token_hash').notNullable().unique();
    t.uuid('invited_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('accepted_at', { useTz: true });
    t.index(['tenant']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('invitations');
  await db.schema.dropTable('memberships');
  await db.schema.dropTable('tenants');
}
