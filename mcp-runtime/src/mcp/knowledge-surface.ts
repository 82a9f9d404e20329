/**
 * The tenant's knowledge over MCP: the `search_knowledge` tool (embeds the query with the tenant's
 * embedding model, then a vector search over the tenant's chunks) and the documents as resources
 * `lmo://knowledge/{documentId}`.
 */
import { ECHO_EMBEDDING_DIMENSIONS, LmoError } from '@lmo/contracts';
import { ResourceTemplate, UriTemplate, type McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { KnowledgeStore } from '../knowledge/knowledge-store.ts';
import { withCachedJsonSchema } from './cached-json-schema.ts';
import type { ToolDeps } from './tool-deps.ts';
import { textResult, toolFailure } from './tool-results.ts';

/** The URI of a knowledge document resource. */
export function knowledgeUri(documentId: string): string {
  return `lmo://knowledge/${encodeURIComponent(documentId)}`;
}

function requireStore(store: KnowledgeStore | undefined): KnowledgeStore {
  if (store === undefined) {
    throw new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'This runtime has no knowledge database configured.');
  }
  return store;
}

const searchInput = withCachedJsonSchema(
  z.strictObject({
    query: z.string().min(1).max(10_000).describe('What to look for.'),
    limit: z.number().int().min(1).max(20).optional().describe('Most passages to return (default 5).'),
  }),
);

/** Registers `search_knowledge`. */
export function registerKnowledgeSearch(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'search_knowledge',
    {
      title: 'Search knowledge',
      description: "Finds the passages of the tenant's uploaded documents closest to a query.",
      inputSchema: searchInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, ctx) => {
      try {
        const store = requireStore(deps.knowledge);
        const call = deps.callContext(ctx, 'search_knowledge');
        const embedded = await deps.gateway.embed({
          ...call,
          input: [args.query],
          dimensions: ECHO_EMBEDDING_DIMENSIONS,
        });
        const vector = embedded.vectors[0] ?? [];
        const hits = await store.search(call.principal.tenant, vector, args.limit ?? 5);
        const text =
          hits.length === 0
            ? 'No passage matched.'
            : hits
                .map((h) => `[${h.documentName} #${String(h.chunk)} score ${h.score.toFixed(3)}]\n${h.text}`)
                .join('\n\n');
        return textResult(text, {
          results: hits.map((h) => ({ ...h, uri: knowledgeUri(h.documentId) })),
        });
      } catch (error) {
        return toolFailure(error);
      }
    },
  );
}

/**
 * The documents' URI template, parsed once rather than for every server (one is built per
 * 2026-07-28 request). Read-only after construction, so every server shares it.
 */
const KNOWLEDGE_URI_TEMPLATE = new UriTemplate('lmo://knowledge/{documentId}');

/** Registers the documents as resources (a template with a list callback). */
export function registerKnowledgeResources(server: McpServer, deps: ToolDeps): void {
  const tenant = deps.snapshot().config.tenant.name;
  server.registerResource(
    'knowledge',
    new ResourceTemplate(KNOWLEDGE_URI_TEMPLATE, {
      list: async () => {
        const documents = deps.knowledge === undefined ? [] : await deps.knowledge.listDocuments(tenant);
        return {
          resources: documents.map((d) => ({
            uri: knowledgeUri(d.id),
            name: d.name,
            mimeType: 'text/plain',
          })),
        };
      },
    }),
    { description: "The tenant's knowledge documents (extracted text).", mimeType: 'text/plain' },
    async (uri, variables) => {
      const id = String(variables['documentId']);
      const document = await requireStore(deps.knowledge).readDocument(tenant, decodeURIComponent(id));
      if (document === undefined) throw new LmoError('LMO_NOT_FOUND', `No knowledge document ${id}.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: document.text }] };
    },
  );
}
