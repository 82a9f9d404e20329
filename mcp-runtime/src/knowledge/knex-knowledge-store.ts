/**
 * The tenant's knowledge read from the platform's database (PostgreSQL with pgvector), with the very
 * queries the platform API's search endpoint runs (`@lmo/knowledge`), so the MCP tool and the
 * dashboard's search box find the same passages.
 */
import { listDocuments, readDocument, searchChunks } from '@lmo/knowledge';
import { LmoError } from '@lmo/contracts';
import knex, { type Knex } from 'knex';
import type { KnowledgeStore } from './knowledge-store.ts';

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The knowledge database did not answer.', {
      cause: error,
    });
  }
}

/** A store over an open knex instance (the caller owns it). */
export function knexKnowledgeStore(db: Knex): KnowledgeStore {
  return {
    search: (tenant, embedding, limit) => guarded(() => searchChunks(db, tenant, embedding, limit)),
    listDocuments: (tenant) => guarded(() => listDocuments(db, tenant)),
    readDocument: (tenant, id) => guarded(() => readDocument(db, tenant, id)),
  };
}

/** Opens a small read-only pool to `url` (`postgres://…`). */
export function openKnowledgeDatabase(url: string): Knex {
  return knex({ client: 'pg', connection: url, pool: { min: 0, max: 4 } });
}
