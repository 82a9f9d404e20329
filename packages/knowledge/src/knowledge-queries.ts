/**
 * The read side of knowledge, as plain SQL over knex: what the API's search endpoint runs and what
 * a tenant's runtime runs to serve `search_knowledge` and its document resources. Read-only, every
 * query scoped to one tenant, portable to any PostgreSQL with pgvector (and PGlite's bundled one).
 * Search is exact: cosine distance (`<=>`) over the tenant's own chunks, so filtering by tenant can
 * never drop hits the way a post-filtered approximate index would.
 */
import type { Knex } from 'knex';

/** A stored document, as listed. */
export interface KnowledgeDocument {
  readonly id: string;
  readonly name: string;
  /** `text/plain`, `text/markdown` or `application/pdf`, as uploaded (the text is extracted). */
  readonly contentType: string;
  /** Size of the upload in bytes. */
  readonly bytes: number;
  /** Passages the document was cut into. */
  readonly chunks: number;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** A passage that matched a search. */
export interface KnowledgeHit {
  readonly documentId: string;
  readonly documentName: string;
  /** Position of the passage in its document, from 0. */
  readonly chunk: number;
  readonly text: string;
  /** Cosine similarity, -1 to 1; higher is closer. */
  readonly score: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** pgvector's text form of a vector, `[0.1,0.2,...]`, for a `?::vector` binding. */
export function vectorLiteral(vector: readonly number[]): string {
  return `[${vector.map((value) => (Number.isFinite(value) ? String(value) : '0')).join(',')}]`;
}

interface DocumentRow {
  id: string;
  name: string;
  content_type: string;
  bytes: number;
  chunks: string | number;
  created_at: Date | string;
}

const toDocument = (row: DocumentRow): KnowledgeDocument => ({
  id: row.id,
  name: row.name,
  contentType: row.content_type,
  bytes: row.bytes,
  chunks: Number(row.chunks),
  createdAt: new Date(row.created_at).toISOString(),
});

const documentColumns = (db: Knex): Knex.QueryBuilder =>
  db('knowledge_documents as d')
    .select('d.id', 'd.name', 'd.content_type', 'd.bytes', 'd.created_at')
    .select(
      db.raw(
        '(select count(*) from knowledge_chunks c where c.document_id = d.id and c.tenant = d.tenant) as chunks',
      ),
    );

/**
 * The `limit` passages of `tenant` closest to `vector` by cosine distance, closest first. A vector
 * without direction (all zeros: a query without words, for the echo embedder) matches nothing.
 */
export async function searchChunks(
  db: Knex,
  tenant: string,
  vector: readonly number[],
  limit: number,
): Promise<KnowledgeHit[]> {
  if (!vector.some((value) => value !== 0)) return [];
  const literal = vectorLiteral(vector);
  const rows = await db('knowledge_chunks as c')
    .join('knowledge_documents as d', function join() {
      this.on('d.id', '=', 'c.document_id').andOn('d.tenant', '=', 'c.tenant');
    })
    .where('c.tenant', tenant)
    .whereNotNull('c.embedding')
    .select<
      { document_id: string; name: string; ordinal: number; content: string; score: number | string }[]
    >(
      'c.document_id',
      'd.name',
      'c.ordinal',
      'c.content',
      db.raw('1 - (c.embedding <=> ?::vector) as score', [literal]),
    )
    .orderByRaw('c.embedding <=> ?::vector, c.document_id, c.ordinal', [literal])
    .limit(limit);
  return rows.map((row) => ({
    documentId: row.document_id,
    documentName: row.name,
    chunk: row.ordinal,
    text: row.content,
    score: Number(row.score),
  }));
}

/** The tenant's documents, newest first. */
export async function listDocuments(db: Knex, tenant: string): Promise<KnowledgeDocument[]> {
  const rows = (await documentColumns(db)
    .where('d.tenant', tenant)
    .orderBy([
      { column: 'd.created_at', order: 'desc' },
      { column: 'd.id', order: 'asc' },
    ])) as DocumentRow[];
  return rows.map(toDocument);
}

/** One document of the tenant with its extracted text, or undefined when it has none by that id. */
export async function readDocument(
  db: Knex,
  tenant: string,
  id: string,
): Promise<(KnowledgeDocument & { readonly text: string }) | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = (await documentColumns(db)
    .select('d.text')
    .where({ 'd.tenant': tenant, 'd.id': id })
    .first()) as (DocumentRow & { text: string }) | undefined;
  return row === undefined ? undefined : { ...toDocument(row), text: row.text };
}
