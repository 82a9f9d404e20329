import { randomUUID } from 'node:crypto';
import { LmoError, type TenantSpec } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { Clock } from '../clock.ts';
import type { TenantRegistry } from '../tenants/tenant-registry.ts';
import { documentText, type KnowledgeContentType } from './document-text.ts';
import type { Embedder } from './embedders.ts';
import {
  listDocuments,
  readDocument,
  searchChunks,
  vectorLiteral,
  type KnowledgeDocument,
  type KnowledgeHit,
} from '@lmo/knowledge';
import { chunkText, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './text-chunker.ts';
import { ensureVectorSchema } from './vector-schema.ts';

/** Picks the embedder of a tenant (see `embedderForTenant`). */
export type EmbedderFactory = (tenant: string, spec: TenantSpec) => Promise<Embedder>;

/** An upload, its type already recognised. */
export interface KnowledgeUpload {
  readonly name: string;
  readonly contentType: KnowledgeContentType;
  readonly bytes: Uint8Array;
}

/** What {@link KnowledgeService} is built from. */
export interface KnowledgeServiceDeps {
  readonly db: Knex;
  readonly registry: TenantRegistry;
  readonly embedders: EmbedderFactory;
  readonly clock: Clock;
  /** Passage size and overlap; {@link DEFAULT_CHUNK_OPTIONS} when absent. */
  readonly chunks?: ChunkOptions;
}

/** How long a "no pgvector" answer is trusted before the database is asked again. */
const RECHECK_MS = 30_000;
/** Chunks per INSERT. */
const INSERT_BATCH = 200;

/**
 * Tenants' knowledge: upload (extract text, cut into overlapping passages, embed with the tenant's
 * embedder, store in pgvector), list, read, delete, and search (the same cosine search the runtime's
 * `search_knowledge` runs, {@link searchChunks}). Without pgvector every call answers
 * `LMO_DEPENDENCY_UNAVAILABLE`. Callers check the caller's access to the tenant first.
 */
export class KnowledgeService {
  readonly #db: Knex;
  readonly #registry: TenantRegistry;
  readonly #embedders: EmbedderFactory;
  readonly #clock: Clock;
  readonly #chunks: ChunkOptions;
  #vector: { ready: boolean; checkedAt: number } | undefined;

  constructor(deps: KnowledgeServiceDeps) {
    this.#db = deps.db;
    this.#registry = deps.registry;
    this.#embedders = deps.embedders;
    this.#clock = deps.clock;
    this.#chunks = deps.chunks ?? DEFAULT_CHUNK_OPTIONS;
  }

  /**
   * Resolves when the database can store and search embeddings.
   * @throws {LmoError} `LMO_DEPENDENCY_UNAVAILABLE` (details `{ dependency: 'pgvector' }`) otherwise.
   */
  async requireVectorSupport(): Promise<void> {
    const now = this.#clock.now().getTime();
    const known = this.#vector;
    if (known === undefined || (!known.ready && now - known.checkedAt >= RECHECK_MS)) {
      this.#vector = { ready: await ensureVectorSchema(this.#db), checkedAt: now };
    }
    if (this.#vector?.ready !== true) {
      throw new LmoError(
        'LMO_DEPENDENCY_UNAVAILABLE',
        'Knowledge needs the pgvector extension in PostgreSQL (CREATE EXTENSION vector), which this database does not offer',
        { details: { dependency: 'pgvector' } },
      );
    }
  }

  /**
   * Stores a document: its text, passages and their embeddings, in one transaction.
   * @throws {LmoError} `LMO_VALIDATION_FAILED` (no text, bad UTF-8 or PDF), `LMO_NOT_FOUND` (no such
   *   tenant), the embedder's `LMO_PROVIDER_*`, `LMO_DEPENDENCY_UNAVAILABLE` (no pgvector).
   */
  async upload(tenant: string, upload: KnowledgeUpload): Promise<KnowledgeDocument> {
    await this.requireVectorSupport();
    const text = await documentText(upload.contentType, upload.bytes);
    const passages = chunkText(text, this.#chunks);
    const embedder = await this.#embedders(tenant, await this.#spec(tenant));
    const vectors = await embedder.embed(passages);
    const id = randomUUID();
    const createdAt = this.#clock.now();
    await this.#db.transaction(async (trx) => {
      await trx('knowledge_documents').insert({
        id,
        tenant,
        name: upload.name,
        content_type: upload.contentType,
        bytes: upload.bytes.byteLength,
        text,
        created_at: createdAt,
      });
      const rows = passages.map((content, ordinal) => {
        const vector = vectors[ordinal] ?? [];
        const embedding = vector.some((v) => v !== 0) ? trx.raw('?::vector', [vectorLiteral(vector)]) : null;
        return { id: randomUUID(), document_id: id, tenant, ordinal, content, embedding };
      });
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await trx('knowledge_chunks').insert(rows.slice(start, start + INSERT_BATCH));
      }
    });
    return {
      id,
      name: upload.name,
      contentType: upload.contentType,
      bytes: upload.bytes.byteLength,
      chunks: passages.length,
      createdAt: createdAt.toISOString(),
    };
  }

  /** The tenant's documents, newest first. */
  async list(tenant: string): Promise<KnowledgeDocument[]> {
    await this.requireVectorSupport();
    return listDocuments(this.#db, tenant);
  }

  /** One document with its text. @throws {LmoError} `LMO_NOT_FOUND`. */
  async get(tenant: string, id: string): Promise<KnowledgeDocument & { readonly text: string }> {
    await this.requireVectorSupport();
    const document = await readDocument(this.#db, tenant, id);
    if (document === undefined) throw new LmoError('LMO_NOT_FOUND', 'No such knowledge document');
    return document;
  }

  /** Deletes a document and its passages. @throws {LmoError} `LMO_NOT_FOUND`. */
  async delete(tenant: string, id: string): Promise<void> {
    await this.requireVectorSupport();
    const count = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.#db('knowledge_documents').where({ tenant, id }).delete()
      : 0;
    if (count === 0) throw new LmoError('LMO_NOT_FOUND', 'No such knowledge document');
  }

  /** Forgets every document of a deleted tenant. */
  async deleteTenant(tenant: string): Promise<void> {
    await this.#db('knowledge_documents').where({ tenant }).delete();
  }

  /** The passages closest to `query`, embedded with the tenant's embedder. */
  async search(tenant: string, query: string, limit: number): Promise<KnowledgeHit[]> {
    await this.requireVectorSupport();
    const embedder = await this.#embedders(tenant, await this.#spec(tenant));
    const [vector] = await embedder.embed([query]);
    return searchChunks(this.#db, tenant, vector ?? [], limit);
  }

  async #spec(tenant: string): Promise<TenantSpec> {
    const record = await this.#registry.get(tenant);
    if (record === undefined) throw new LmoError('LMO_NOT_FOUND', `Tenant ${tenant} not found`);
    return record.spec;
  }
}
