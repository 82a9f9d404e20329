// Smoke: the harness's PostgreSQL through knex + pg, as the API will use it.
import { afterAll, describe, expect, it } from '@jest/globals';
import knex from 'knex';
import { harnessEnv } from '../src/test-env.ts';

describe('PostgreSQL (knex + pg)', () => {
  const schema = `smoke_${process.pid}_${Date.now()}`;
  const db = knex({ client: 'pg', connection: harnessEnv('DATABASE_URL'), searchPath: [schema] });

  afterAll(async () => {
    await db.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await db.destroy();
  });

  it('runs a migration and a query', async () => {
    await db.raw('CREATE SCHEMA ??', [schema]);
    await db.schema.withSchema(schema).createTable('tenants', (t) => {
      t.string('name').primary();
      t.integer('tokens').notNullable().defaultTo(0);
    });
    await db
      .withSchema(schema)
      .table('tenants')
      .insert([{ name: 'acme', tokens: 5 }, { name: 'globex' }]);

    const rows = await db.withSchema(schema).table('tenants').select('name', 'tokens').orderBy('name');

    expect(rows).toEqual([
      { name: 'acme', tokens: 5 },
      { name: 'globex', tokens: 0 },
    ]);
    const version = await db.raw<{ rows: { server_version: string }[] }>('SHOW server_version');
    expect(version.rows[0]?.server_version).toMatch(/^15\./);
  });
});
