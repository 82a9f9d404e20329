// Knowledge on the harness PostgreSQL, which (as Debian's) has no pgvector: the migrations still
// apply (the tables without the embedding column) and every knowledge route answers a typed
// LMO_DEPENDENCY_UNAVAILABLE that says pgvector is needed, while the rest of the API works.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { vectorColumnExists } from '../src/knowledge/vector-schema.ts';
import { multipartFile } from './support/multipart.ts';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import { asBrowser, makeTestApp, signUp, uniqueTenant, type TestApp } from './support/test-app.ts';

describe('knowledge without pgvector (PostgreSQL)', () => {
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    database = await freshPostgres();
    t = await makeTestApp({ db: database.db });
  }, 60_000);

  afterAll(async () => {
    await t.app.close();
    await database.drop();
  }, 30_000);

  it('has the knowledge tables but no embedding column', async () => {
    expect(await database.db.schema.hasTable('knowledge_documents')).toBe(true);
    expect(await vectorColumnExists(database.db)).toBe(false);
  });

  it('answers every knowledge route with LMO_DEPENDENCY_UNAVAILABLE naming pgvector', async () => {
    const tenant = uniqueTenant('nv');
    const session = await signUp(t.app, { tenant });
    const headers = asBrowser(session);
    const file = await multipartFile('faq.txt', 'Refunds take five days.', 'text/plain');
    const id = '00000000-0000-4000-8000-000000000000';
    const responses = await Promise.all([
      t.app.inject({ method: 'GET', url: `/v1/tenants/${tenant}/knowledge`, headers }),
      t.app.inject({
        method: 'POST',
        url: `/v1/tenants/${tenant}/knowledge`,
        headers: { ...headers, ...file.headers },
        payload: file.payload,
      }),
      t.app.inject({ method: 'GET', url: `/v1/tenants/${tenant}/knowledge/${id}`, headers }),
      t.app.inject({ method: 'DELETE', url: `/v1/tenants/${tenant}/knowledge/${id}`, headers }),
      t.app.inject({
        method: 'POST',
        url: `/v1/tenants/${tenant}/knowledge/search`,
        headers,
        payload: { query: 'refunds' },
      }),
    ]);

    for (const response of responses) {
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        error: {
          code: 'LMO_DEPENDENCY_UNAVAILABLE',
          message: expect.stringContaining('pgvector') as unknown,
          details: { dependency: 'pgvector' },
        },
      });
    }
    expect(await database.db('knowledge_documents').count('* as n')).toEqual([{ n: '0' }]);
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers });
    expect(me.statusCode).toBe(200);
  });
});
