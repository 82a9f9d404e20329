/**
 * The tenant's knowledge documents, as the runtime reads them: the platform API uploads, chunks,
 * embeds and stores them (pgvector); the runtime searches the chunks by embedding and serves the
 * documents as MCP resources. Every call is scoped to one tenant; a store never returns another
 * tenant's rows.
 */

/** A stored document. */
export interface KnowledgeDocument {
  readonly id: string;
  readonly name: string;
  /** `text/plain`, `text/markdown` or `application/pdf` (as uploaded; the text is extracted). */
  readonly contentType: string;
  readonly createdAt: string;
}

/** A chunk that matched a search. */
export interface KnowledgeHit {
  readonly documentId: string;
  readonly documentName: string;
  /** Position of the chunk in its document, from 0. */
  readonly chunk: number;
  readonly text: string;
  /** Cosine similarity, -1 to 1; higher is closer. */
  readonly score: number;
}

/** Read access to one tenant's knowledge. */
export interface KnowledgeStore {
  /** The `limit` chunks closest to `embedding` (cosine distance). */
  search(tenant: string, embedding: readonly number[], limit: number): Promise<KnowledgeHit[]>;
  /** The tenant's documents, newest first. */
  listDocuments(tenant: string): Promise<KnowledgeDocument[]>;
  /** One document with its extracted text, or undefined when the tenant has no such document. */
  readDocument(
    tenant: string,
    id: string,
  ): Promise<(KnowledgeDocument & { readonly text: string }) | undefined>;
}
