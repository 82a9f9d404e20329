// Knowledge on embedded PGlite with its bundled pgvector (what `make dev` runs; Debian's PostgreSQL
// has no pgvector, see knowledge-postgres.integration.test.ts): uploads of text, Markdown and PDF
// through the multipart route, listing, reading, deleting, and the search the runtime's
// `search_knowledge` runs, with the echo embedder and with an OpenAI-compatible server.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { echoEmbedding } from '@lmo/contracts';
import { listDocuments, readDocument, searchChunks } from '@lmo/knowledge';
import { startFakeEmbeddings, type FakeEmbeddings } from './support/fake-embeddings.ts';
import { multipartFile } from './support/multipart.ts';
import { makePdf } from './support/pdf.ts';
import { freshPglite, type TestDatabase } from './support/test-db.ts';
import { rollupsOf, usageEvent } from './support/usage-events.ts';
import {
  asBrowser,
  makeTestApp,
  signUp,
  uniqueTenant,
  type Session,
  type TestApp,
} from './support/test-app.ts';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;
const FAQ = 'Refunds are paid back within five business days. Shipping to Norway takes a week.';
const GUIDE = '# Setup\n\nInstall the kettle, fill it with water and press the red button to boil.';

describe('knowledge (PGlite + pgvector)', () => {
  let database: TestDatabase;
  let dir: string;
  let t: TestApp;
  let strict: TestApp;
  let fake: FakeEmbeddings;

  beforeAll(async () => {
    database = await freshPglite();
    dir = await mkdtemp(join(tmpdir(), 'lmo-knowledge-'));
    const env = { LMO_KNOWLEDGE_MAX_BYTES: '4096', LMO_PROVIDER_ALLOW_PRIVATE_NETWORKS: 'true' };
    t = await makeTestApp({ db: database.db, tenantsDir: dir, env });
    strict = await makeTestApp({ db: database.db, tenantsDir: dir });
    fake = await startFakeEmbeddings();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([t.app.close(), strict.app.close(), fake.close()]);
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  const upload = async (
    session: Session,
    tenant: string,
    file: { name: string; content: Uint8Array | string; type: string },
    app: TestApp = t,
  ): Promise<{ status: number; body: Json }> => {
    const { payload, headers } = await multipartFile(file.name, file.content, file.type);
    const response = await app.app.inject({
      method: 'POST',
      url: `/v1/tenants/${tenant}/knowledge`,
      headers: { ...asBrowser(session), ...headers },
      payload,
    });
    return { status: response.statusCode, body: response.json<Json>() };
  };
  const call = async (
    session: Session,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: Json,
  ): Promise<{ status: number; body: Json }> => {
    const response = await t.app.inject({
      method,
      url,
      headers: asBrowser(session),
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: response.statusCode, body: response.body === '' ? {} : response.json<Json>() };
  };
  const owner = async (): Promise<{ session: Session; tenant: string }> => {
    const tenant = uniqueTenant('k');
    return { session: await signUp(t.app, { tenant }), tenant };
  };

  it('stores text, Markdown and PDF, lists them newest first and reads their text', async () => {
    const { session, tenant } = await owner();
    const txt = await upload(session, tenant, { name: 'faq.txt', content: FAQ, type: 'text/plain' });
    t.clock.advance(1000);
    const md = await upload(session, tenant, { name: 'guide.md', content: GUIDE, type: 'text/markdown' });
    t.clock.advance(1000);
    const pdf = await upload(session, tenant, {
      name: 'policy.pdf',
      content: makePdf(['Warranty covers two years.', 'Batteries are excluded.']),
      type: 'application/pdf',
    });

    expect([txt.status, md.status, pdf.status]).toEqual([201, 201, 201]);
    expect(txt.body).toMatchObject({
      name: 'faq.txt',
      contentType: 'text/plain',
      bytes: FAQ.length,
      chunks: 1,
    });
    expect(pdf.body).toMatchObject({ contentType: 'application/pdf', chunks: 1 });
    const list = await call(session, 'GET', `/v1/tenants/${tenant}/knowledge`);
    expect((list.body['items'] as Json[]).map((d) => d['name'])).toEqual([
      'policy.pdf',
      'guide.md',
      'faq.txt',
    ]);
    const read = await call(session, 'GET', `/v1/tenants/${tenant}/knowledge/${pdf.body['id'] as string}`);
    expect(read.body['text']).toContain('Warranty covers two years.');
    expect(await listDocuments(database.db, tenant)).toHaveLength(3);
  });

  it('finds the closest passages, as the runtime’s query module does, and only the tenant’s own', async () => {
    const { session, tenant } = await owner();
    const other = await owner();
    await upload(session, tenant, { name: 'faq.txt', content: FAQ, type: 'text/plain' });
    await upload(session, tenant, { name: 'guide.md', content: GUIDE, type: 'text/markdown' });
    await upload(other.session, other.tenant, {
      name: 'x.txt',
      content: 'refunds refunds refunds',
      type: 'text/plain',
    });

    const search = await call(session, 'POST', `/v1/tenants/${tenant}/knowledge/search`, {
      query: 'how long do refunds take',
      limit: 5,
    });
    const items = search.body['items'] as { documentName: string; score: number; text: string }[];

    expect(search.status).toBe(200);
    expect(items.map((i) => i.documentName)).toEqual(['faq.txt', 'guide.md']);
    expect(items[0]?.score).toBeGreaterThan(0.1);
    expect(items[0]?.score).toBeGreaterThan(items[1]?.score ?? 1);
    const direct = await searchChunks(database.db, tenant, echoEmbedding('how long do refunds take'), 5);
    expect(direct).toEqual(items);
    expect(await searchChunks(database.db, tenant, new Array<number>(256).fill(0), 5)).toEqual([]);
  });

  it('deletes a document with its passages; other tenants and strangers see nothing', async () => {
    const { session, tenant } = await owner();
    const stranger = await signUp(t.app);
    const doc = await upload(session, tenant, { name: 'faq.txt', content: FAQ, type: 'text/plain' });
    const id = doc.body['id'] as string;

    expect((await call(stranger, 'GET', `/v1/tenants/${tenant}/knowledge`)).status).toBe(404);
    expect((await call(stranger, 'DELETE', `/v1/tenants/${tenant}/knowledge/${id}`)).status).toBe(404);
    expect((await call(session, 'DELETE', `/v1/tenants/${tenant}/knowledge/${id}`)).status).toBe(204);
    expect((await call(session, 'GET', `/v1/tenants/${tenant}/knowledge/${id}`)).body).toMatchObject({
      error: { code: 'LMO_NOT_FOUND' },
    });
    expect(await readDocument(database.db, tenant, id)).toBeUndefined();
    expect(await database.db('knowledge_chunks').where({ document_id: id }).count('* as n')).toEqual([
      { n: 0 },
    ]);
  });

  it('forgets a deleted tenant’s knowledge and usage, so a namesake starts empty', async () => {
    const { session, tenant } = await owner();
    await upload(session, tenant, { name: 'faq.txt', content: FAQ, type: 'text/plain' });
    await t.services.usage.fold([usageEvent({ tenant })]);

    expect((await call(session, 'DELETE', `/v1/tenants/${tenant}`)).status).toBe(204);
    expect(await listDocuments(database.db, tenant)).toEqual([]);
    expect(await database.db('knowledge_chunks').where({ tenant }).count('* as n')).toEqual([{ n: 0 }]);
    expect(await rollupsOf(database.db, [tenant])).toEqual([]);
    expect(await database.db('usage_requests').where({ tenant }).first()).toBeUndefined();
  });

  it('refuses uploads over the size limit, of unknown types, and without multipart', async () => {
    const { session, tenant } = await owner();
    const big = await upload(session, tenant, {
      name: 'big.txt',
      content: 'word '.repeat(2000),
      type: 'text/plain',
    });
    const image = await upload(session, tenant, { name: 'p.png', content: 'x', type: 'image/png' });
    const json = await call(session, 'POST', `/v1/tenants/${tenant}/knowledge`, { text: 'hi' });

    expect(big).toMatchObject({ status: 413, body: { error: { code: 'LMO_PAYLOAD_TOO_LARGE' } } });
    expect(image).toMatchObject({ status: 415, body: { error: { code: 'LMO_UNSUPPORTED_MEDIA_TYPE' } } });
    expect(json).toMatchObject({ status: 415, body: { error: { code: 'LMO_UNSUPPORTED_MEDIA_TYPE' } } });
    expect(await listDocuments(database.db, tenant)).toEqual([]);
  });

  describe('with an OpenAI-compatible embedding server', () => {
    let session: Session;
    let tenant: string;

    beforeAll(async () => {
      ({ session, tenant } = await owner());
      await t.services.registry.update(tenant, (spec) => ({
        ...spec,
        model: {
          ...spec.model,
          provider: 'openai-compatible',
          baseUrl: fake.baseUrl,
          embeddingModel: 'test-embed',
        },
      }));
      await mkdir(join(dir, tenant, 'secrets'), { recursive: true });
      await writeFile(join(dir, tenant, 'secrets', 'provider-api-key'), 'sk-secret-provider-key\n');
    });

    it('embeds passages and queries through the OpenAI SDK with 256 dimensions and the tenant key', async () => {
      fake.requests.length = 0;
      const stored = await upload(session, tenant, { name: 'faq.txt', content: FAQ, type: 'text/plain' });
      const search = await call(session, 'POST', `/v1/tenants/${tenant}/knowledge/search`, {
        query: 'refunds',
      });

      expect(stored.status).toBe(201);
      expect(fake.requests.map((r) => r.body)).toEqual([
        { model: 'test-embed', input: [FAQ], dimensions: 256, encoding_format: 'float' },
        { model: 'test-embed', input: ['refunds'], dimensions: 256, encoding_format: 'float' },
      ]);
      expect(fake.requests[0]?.authorization).toBe('Bearer sk-secret-provider-key');
      expect((search.body['items'] as Json[])[0]).toMatchObject({ documentName: 'faq.txt' });
    });

    it('maps provider failures to catalogue codes without leaking the key', async () => {
      fake.failWith = 401;
      const refused = await upload(session, tenant, { name: 'a.txt', content: FAQ, type: 'text/plain' });
      fake.failWith = undefined;
      fake.dimensions = 1536;
      const wide = await upload(session, tenant, { name: 'b.txt', content: FAQ, type: 'text/plain' });
      fake.dimensions = undefined;

      expect(refused).toMatchObject({
        status: 502,
        body: { error: { code: 'LMO_PROVIDER_CREDENTIALS_INVALID' } },
      });
      expect(wide).toMatchObject({ status: 422, body: { error: { code: 'LMO_PROVIDER_REJECTED' } } });
      expect(JSON.stringify([refused, wide]) + t.logs()).not.toContain('sk-secret-provider-key');
    });

    it('refuses a loopback provider unless the platform allows private networks', async () => {
      const before = fake.requests.length;
      const refused = await upload(
        session,
        tenant,
        { name: 'c.txt', content: FAQ, type: 'text/plain' },
        strict,
      );

      expect(refused).toMatchObject({ status: 422, body: { error: { code: 'LMO_PROVIDER_URL_FORBIDDEN' } } });
      expect(fake.requests.length).toBe(before);
    });
  });
});
