// Migrations against a real database: they apply to an empty one, and to one populated at every
// intermediate step (what production looks like when a new migration ships), keeping the data;
// and they roll back to empty.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import type { Knex } from 'knex';
import { listMigrations, migrateLatest, migrateRollbackAll, migrateUp } from '../../src/db/migrations.ts';
import type { TestDatabase } from './test-db.ts';

const now = new Date('2026-11-22T10:00:00Z');
const userId = randomUUID();

/** Rows for the tables that exist once `migration` has run. */
const POPULATE: Readonly<Record<string, (db: Knex) => Promise<void>>> = {
  '0001_accounts.ts': async (db) => {
    await db('users').insert({
      id: userId,
      email: 'old@example.com',
      password_hash: '$argon2id$x',
      created_at: now,
      updated_at: now,
    });
    await db('sessions').insert({
      id_hash: 'a'.repeat(64),
      user_id: userId,
      created_at: now,
      expires_at: now,
    });
    await db('personal_access_tokens').insert({
      id: 'abcdefabcdef',
      user_id: userId,
      name: 'ci',
      prefix: 'lmo_pat_abcdefabcdef',
      token_hash: 'b'.repeat(64),
      created_at: now,
    });
  },
  '0002_tenants.ts': async (db) => {
    await db('tenants').insert({
      name: 'old',
      spec: JSON.stringify({ displayName: 'Old' }),
      status: '{}',
      created_at: now,
      updated_at: now,
    });
    await db('memberships').insert({ tenant: 'old', user_id: userId, role: 'owner', created_at: now });
    await db('invitations').insert({
      id: randomUUID(),
      tenant: 'old',
      email: 'x@example.com',
      role: 'member',
      token_hash: 'c'.repeat(64),
      created_at: now,
      expires_at: now,
    });
  },
  '0003_api_keys.ts': async (db) => {
    await db('api_keys').insert({
      id: 'keykeykeykey',
      tenant: 'old',
      name: 'app',
      prefix: 'lmo_keykeykeykey',
      hash: `sha256:${'d'.repeat(64)}`,
      created_at: now,
    });
  },
  '0004_knowledge.ts': async (db) => {
    const documentId = randomUUID();
    await db('knowledge_documents').insert({
      id: documentId,
      tenant: 'old',
      name: 'faq.md',
      content_type: 'text/markdown',
      bytes: 5,
      text: 'hello',
      created_at: now,
    });
    await db('knowledge_chunks').insert({
      id: randomUUID(),
      document_id: documentId,
      tenant: 'old',
      ordinal: 0,
      content: 'hello',
    });
  },
  '0005_usage.ts': async (db) => {
    await db('usage_requests').insert({
      request_id: 'req-1',
      tenant: 'old',
      key_id: 'keykeykeykey',
      model: 'echo-1',
      provider: 'echo',
      status: 'ok',
      tokens_in: 1,
      tokens_out: 2,
      cached: false,
      latency_ms: 3,
      transport: 'rest',
      time: now,
      received_at: now,
    });
    await db('usage_rollups').insert({
      tenant: 'old',
      granularity: 'hour',
      bucket: now,
      key_id: 'keykeykeykey',
      model: 'echo-1',
      tokens_in: 1,
      tokens_out: 2,
      requests: 1,
      cached: 0,
      errors: 0,
      latency_ms_sum: 3,
      latency_ms_max: 3,
    });
  },
  '0006_billing.ts': async (db) => {
    await db('billing_accounts').insert({ tenant: 'old', plan: 'pro', created_at: now, updated_at: now });
    await db('billing_records').insert({
      id: randomUUID(),
      tenant: 'old',
      hour: now,
      tokens: 3,
      source: 'prometheus',
      state: 'pending',
      identifier: 'lmo-old-2026112210',
      created_at: now,
      updated_at: now,
    });
  },
};

const tables = async (db: Knex): Promise<string[]> =>
  (
    await db('information_schema.tables')
      .where({ table_schema: 'public' })
      .whereNot('table_name', 'like', 'knex_%')
      .select('table_name')
  )
    .map((row: { table_name: string }) => row.table_name)
    .sort();

/** Registers the migration tests on databases made by `fresh` (unmigrated). */
export function describeMigrations(label: string, fresh: () => Promise<TestDatabase>): void {
  describe(`migrations (${label})`, () => {
    // PGlite compiles PostgreSQL's WebAssembly on every start: seconds, not milliseconds.
    jest.setTimeout(60_000);
    it('has populate steps for every migration', () => {
      expect(listMigrations()).toEqual(Object.keys(POPULATE));
    });

    it('apply to an empty database, twice without effect, and roll back to empty', async () => {
      const { db, drop } = await fresh();
      try {
        expect(await migrateLatest(db)).toEqual(listMigrations());
        expect(await migrateLatest(db)).toEqual([]);
        expect(await tables(db)).toEqual([
          'api_keys',
          'billing_accounts',
          'billing_hours',
          'billing_records',
          'invitations',
          'knowledge_chunks',
          'knowledge_documents',
          'memberships',
          'personal_access_tokens',
          'sessions',
          'stripe_events',
          'tenants',
          'token_counter_samples',
          'usage_requests',
          'usage_rollups',
          'usage_source_offsets',
          'users',
        ]);
        await migrateRollbackAll(db);
        expect(await tables(db)).toEqual([]);
      } finally {
        await drop();
      }
    });

    it('apply to a database populated at every step, keeping its data', async () => {
      const { db, drop } = await fresh();
      try {
        for (const name of listMigrations()) {
          expect(await migrateUp(db)).toEqual([name]);
          await POPULATE[name]?.(db);
        }
        expect(await db('users').pluck('email')).toEqual(['old@example.com']);
        expect(await db('memberships').pluck('role')).toEqual(['owner']);
        expect(await db('api_keys').pluck('tenant')).toEqual(['old']);
        expect(await db('tenants').pluck('generation')).toEqual([1]);
        expect(await db('knowledge_chunks').pluck('content')).toEqual(['hello']);
        expect(await db('usage_rollups').pluck('requests')).toEqual([expect.anything()]);
        expect(await db('billing_records').pluck('state')).toEqual(['pending']);
      } finally {
        await drop();
      }
    });

    it('refuse a second billing record for the same tenant and hour, and unknown states', async () => {
      const { db, drop } = await fresh();
      try {
        await migrateLatest(db);
        await POPULATE['0006_billing.ts']?.(db);
        const record = {
          tenant: 'old',
          hour: now,
          tokens: 1,
          source: 'x',
          identifier: 'i',
          created_at: now,
          updated_at: now,
        };
        await expect(
          db('billing_records').insert({ ...record, id: randomUUID(), state: 'pending' }),
        ).rejects.toThrow();
        await expect(
          db('billing_records').insert({ ...record, id: randomUUID(), hour: new Date(0), state: 'maybe' }),
        ).rejects.toThrow();
      } finally {
        await drop();
      }
    });

    it('enforce roles and cascade account deletion', async () => {
      const { db, drop } = await fresh();
      try {
        await migrateLatest(db);
        await POPULATE['0001_accounts.ts']?.(db);
        await POPULATE['0002_tenants.ts']?.(db);
        await expect(
          db('memberships').insert({ tenant: 'x', user_id: userId, role: 'king', created_at: now }),
        ).rejects.toThrow();
        await db('users').where({ id: userId }).delete();
        expect(await db('sessions').count<{ count: string | number }[]>('* as count')).toEqual([
          { count: expect.anything() as unknown },
        ]);
        expect(Number((await db('memberships').count<{ n: string }[]>('* as n'))[0]?.n)).toBe(0);
        expect(Number((await db('personal_access_tokens').count<{ n: string }[]>('* as n'))[0]?.n)).toBe(0);
        expect(await db('invitations').pluck('invited_by')).toEqual([null]);
      } finally {
        await drop();
      }
    });
  });
}
