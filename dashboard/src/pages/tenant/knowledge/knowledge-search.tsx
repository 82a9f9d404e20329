/**
 * Search the knowledge as the tenant's apps do: `POST …/knowledge/search` answers what the
 * runtime's `search_knowledge` MCP tool answers, the closest passages with their document and score.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { Field } from '../../../components/field.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { knowledgeKey } from './documents-table.tsx';

const LIMITS = [5, 10, 20] as const;

/** A search box over `tenant`'s knowledge and the passages it finds. */
export function KnowledgeSearch({ tenant }: { tenant: string }): ReactNode {
  const api = useApi();
  const [text, setText] = useState('');
  const [limit, setLimit] = useState<number>(5);
  const [asked, setAsked] = useState<{ query: string; limit: number } | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const results = useQuery({
    queryKey: [...knowledgeKey(tenant), 'search', asked],
    queryFn: () =>
      call(
        api.POST('/v1/tenants/{tenant}/knowledge/search', {
          params: { path: { tenant } },
          body: { query: asked?.query ?? '', limit: asked?.limit ?? 5 },
        }),
      ),
    enabled: asked !== null,
  });
  return (
    <section className="knowledge-search" aria-labelledby="knowledge-search-heading">
      <h2 id="knowledge-search-heading">Try a search</h2>
      <p className="muted">
        See what your apps get from the <code>search_knowledge</code> tool: the passages closest in meaning to
        your words.
      </p>
      <form
        className="inline"
        role="search"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const query = text.trim();
          setProblem(query === '' ? 'Enter some words to search for.' : undefined);
          if (query !== '') setAsked({ query, limit });
        }}
      >
        <Field label="Search for" error={problem}>
          {(control) => (
            <input
              {...control}
              type="search"
              maxLength={10_000}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Passages">
          {(control) => (
            <select
              {...control}
              value={limit}
              onChange={(event) => {
                setLimit(Number(event.target.value));
              }}
            >
              {LIMITS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={results.isFetching}>
          {results.isFetching ? 'Searching…' : 'Search'}
        </button>
      </form>
      {asked === null ? null : (
        <QueryView
          query={results}
          what="the passages"
          isEmpty={(data) => data.items.length === 0}
          empty="No passages found. Upload documents first, or try other words."
        >
          {(data) => (
            <ol className="knowledge-hits" aria-label={`Passages for “${asked.query}”`}>
              {data.items.map((hit) => (
                <li key={`${hit.documentId}-${hit.chunk}`} className="card">
                  <p className="knowledge-hit-source">
                    <strong>{hit.documentName}</strong>
                    <span className="muted"> · passage {hit.chunk + 1} · </span>
                    <span className="badge" title="Cosine similarity, -1 to 1: higher is closer">
                      score {hit.score.toFixed(2)}
                    </span>
                  </p>
                  <p className="knowledge-hit-text">{hit.text}</p>
                </li>
              ))}
            </ol>
          )}
        </QueryView>
      )}
    </section>
  );
}
