// search_knowledge and the document resources through a real runtime, over PGlite with its pgvector
// (Debian's PostgreSQL has none), using the platform's own knowledge queries and the echo embedder:
// a query finds the passages sharing its words, and never another tenant's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { echoEmbedding } from '@lmo/contracts';
import { vectorLiteral } from '@lmo/knowledge';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import knex, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { knexKnowledgeStore } from '../../src/knowledge/knex-knowledge-store.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime-fixture.ts';

let db: Knex;
let rt: TestRuntime;
let client: Client;

// The tables as the platform API's migration 0004 creates them.
async function createTables(): Promise<void> {
  await db.raw('create extension if not exists vector');
  await db.raw(`create table knowledge_documents (id uuid primary key, tenant text not null, name text not null,
    content_type text not null, bytes integer not null, text text not null, created_at timestamptz not null)`);
  await db.raw(`create table knowledge_chunks (id uuid primary key, document_id uuid not null references knowledge_documents(id),
    tenant text not null, ordinal integer not null, content text not null, embedding vector(256))`);
}

async function addDocument(tenant: string, name: string, passages: string[]): Promise<string> {
  const id = randomUUID();
  await db('knowledge_documents').insert({
    id,
    tenant,
    name,
    content_type: 'text/plain',
    bytes: passages.join('\n').length,
    text: passages.join('\n'),
    created_at: new Date(),
  });
  for (const [ordinal, content] of passages.entries()) {
    await db.raw('insert into knowledge_chunks values (?, ?, ?, ?, ?, ?::vector)', [
      randomUUID(),
      id,
      tenant,
      ordinal,
      content,
      vectorLiteral(echoEmbedding(content)),
    ]);
  }
  return id;
}

beforeAll(async () => {
  const pglite = new PGlite({ extensions: { vector } });
  db = knex({
    client: ClientPgLite,
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
  await createTables();
  rt = await startTestRuntime({ overrides: { knowledge: knexKnowledgeStore(db) } });
  await addDocument(rt.tenant.name, 'handbook.md', [
    'Our office opens at nine and closes at six.',
    'Expense reports are due on the last Friday of each month.',
  ]);
  await addDocument('another-tenant', 'secret.md', ['Expense reports of another tenant, never to be seen.']);
  client = new Client({ name: 'knowledge', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(rt.mcpUrl, {
      requestInit: { headers: { authorization: `Bearer ${rt.key}` } },
    }),
  );
}, 60_000);

afterAll(async () => {
  await client.close();
  await rt.stop();
  await db.destroy();
}, 30_000);

describe('knowledge over MCP', () => {
  it('finds the passage that shares the query’s words, only among the tenant’s documents', async () => {
    const result = await client.callTool({
      name: 'search_knowledge',
      arguments: { query: 'when are expense reports due', limit: 5 },
    });
    const hits = (
      result.structuredContent as { results: { documentName: string; text: string; score: number }[] }
    ).results;
    expect(hits[0]?.text).toBe('Expense reports are due on the last Friday of each month.');
    expect(hits.every((h) => h.documentName === 'handbook.md')).toBe(true);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? -1);
  });

  it('lists and reads the documents as resources', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.name)).toEqual(['handbook.md']);
    const read = await client.readResource({ uri: resources[0]?.uri ?? '' });
    expect(JSON.stringify(read.contents)).toContain('Our office opens at nine');
  });
});
