/** The recent-requests log of the Usage page: newest first, filtered by key, model and status, paged back. */
import { USAGE_STATUSES, type UsageStatus } from '@lmo/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import type { Ok } from '../../../api/types.ts';
import { Field } from '../../../components/field.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { formatCount, formatDuration, formatTime } from '../../../format/format.ts';

type RequestsAnswer = Ok<'/v1/tenants/{tenant}/requests', 'get'>;
type RequestRow = RequestsAnswer['items'][number];

/** Filters of the log; empty means any. */
interface Filters {
  readonly keyId: string;
  readonly model: string;
  readonly status: UsageStatus | '';
}

const NO_FILTERS: Filters = { keyId: '', model: '', status: '' };
const isFiltered = (filters: Filters): boolean =>
  filters.keyId !== '' || filters.model !== '' || filters.status !== '';
/** Requests per page. */
export const REQUESTS_PAGE = 50;

const STATUS_CLASS: Readonly<Record<string, string>> = {
  ok: 'badge badge-ok',
  rate_limited: 'badge badge-warn',
  quota_exceeded: 'badge badge-warn',
  cancelled: 'badge badge-warn',
};

const STATUS_LABELS: Readonly<Record<UsageStatus, string>> = {
  ok: 'ok',
  error: 'error',
  rate_limited: 'rate limited',
  quota_exceeded: 'quota exceeded',
  invalid_request: 'invalid request',
  cancelled: 'cancelled',
  timeout: 'timeout',
};

function requestsQuery(filters: Filters, before: string | undefined) {
  return {
    limit: REQUESTS_PAGE,
    ...(filters.keyId === '' ? {} : { keyId: filters.keyId }),
    ...(filters.model === '' ? {} : { model: filters.model }),
    ...(filters.status === '' ? {} : { status: filters.status }),
    ...(before === undefined ? {} : { before }),
  };
}

/** The log with its filters and paging; `keys` names key ids (key id → name). */
export function RecentRequests({
  tenant,
  keys,
}: {
  tenant: string;
  keys: ReadonlyMap<string, string>;
}): ReactNode {
  const api = useApi();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  /** The `before` of each page opened after the first, oldest last. */
  const [pages, setPages] = useState<readonly string[]>([]);
  const before = pages[pages.length - 1];
  const query = useQuery({
    queryKey: ['usage', tenant, 'requests', filters, before ?? null],
    queryFn: () =>
      call(
        api.GET('/v1/tenants/{tenant}/requests', {
          params: { path: { tenant }, query: requestsQuery(filters, before) },
        }),
      ),
    refetchInterval: before === undefined ? 10_000 : false,
  });
  const filtered = isFiltered(filters);
  const items = query.data?.items ?? [];
  const oldest = items.length === REQUESTS_PAGE ? items[items.length - 1] : undefined;
  return (
    <section aria-labelledby="recent-requests-heading">
      <h2 id="recent-requests-heading">Recent requests</h2>
      <RequestFilters
        key={JSON.stringify(filters)}
        applied={filters}
        keys={keys}
        onApply={(next) => {
          setFilters(next);
          setPages([]);
        }}
      />
      <QueryView
        query={query}
        what="recent requests"
        isEmpty={(data) => data.items.length === 0}
        empty={<NoRequests tenant={tenant} filtered={filtered} paged={pages.length > 0} />}
      >
        {(data) => <RequestsTable items={data.items} keys={keys} />}
      </QueryView>
      <div className="actions paging">
        {pages.length > 0 ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setPages(pages.slice(0, -1));
            }}
          >
            Newer requests
          </button>
        ) : null}
        {oldest === undefined ? null : (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setPages([...pages, oldest.time]);
            }}
          >
            Older requests
          </button>
        )}
      </div>
    </section>
  );
}

function NoRequests({
  tenant,
  filtered,
  paged,
}: {
  tenant: string;
  filtered: boolean;
  paged: boolean;
}): ReactNode {
  if (paged) return <p>No older requests.</p>;
  if (filtered) return <p>No requests match these filters. Clear them to see every request.</p>;
  return (
    <p>
      No requests yet. <Link to={`/tenants/${tenant}/connect`}>Make a call from the Connect page</Link>; it
      shows up here within seconds.
    </p>
  );
}

function RequestFilters({
  applied,
  keys,
  onApply,
}: {
  applied: Filters;
  keys: ReadonlyMap<string, string>;
  onApply: (filters: Filters) => void;
}): ReactNode {
  const [draft, setDraft] = useState<Filters>(applied);
  return (
    <form
      className="inline request-filters"
      aria-label="Filter requests"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...draft, model: draft.model.trim() });
      }}
    >
      <Field label="Key">
        {(control) => (
          <select
            {...control}
            value={draft.keyId}
            onChange={(event) => {
              setDraft({ ...draft, keyId: event.target.value });
            }}
          >
            <option value="">Any key</option>
            {[...keys.entries()].map(([id, name]) => (
              <option key={id} value={id}>
                {name} ({id})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Model">
        {(control) => (
          <input
            {...control}
            value={draft.model}
            maxLength={200}
            placeholder="Any model"
            onChange={(event) => {
              setDraft({ ...draft, model: event.target.value });
            }}
          />
        )}
      </Field>
      <Field label="Status">
        {(control) => (
          <select
            {...control}
            value={draft.status}
            onChange={(event) => {
              setDraft({ ...draft, status: event.target.value as Filters['status'] });
            }}
          >
            <option value="">Any status</option>
            {USAGE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">Filter</button>
      {isFiltered(applied) ? (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            onApply(NO_FILTERS);
          }}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}

function RequestsTable({
  items,
  keys,
}: {
  items: readonly RequestRow[];
  keys: ReadonlyMap<string, string>;
}): ReactNode {
  return (
    <div className="table-wrap">
      <table aria-label="Recent requests">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Key</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col">Tokens in</th>
            <th scope="col">Tokens out</th>
            <th scope="col">Cached</th>
            <th scope="col">Latency</th>
            <th scope="col">Via</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <RequestLine key={item.requestId} item={item} keyName={keys.get(item.keyId)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RequestLine({ item, keyName }: { item: RequestRow; keyName: string | undefined }): ReactNode {
  return (
    <tr>
      <td title={item.time}>{formatTime(item.time)}</td>
      <td title={item.keyId}>{keyName ?? <code>{item.keyId}</code>}</td>
      <td>{item.model}</td>
      <td>
        <span className={STATUS_CLASS[item.status] ?? 'badge badge-error'}>{item.status}</span>
        {item.errorCode === null ? null : (
          <>
            <br />
            <small className="code">{item.errorCode}</small>
          </>
        )}
      </td>
      <td>{formatCount(item.tokensIn)}</td>
      <td>{formatCount(item.tokensOut)}</td>
      <td>{item.cached ? 'Yes' : 'No'}</td>
      <td>{formatDuration(item.latencyMs)}</td>
      <td>{item.tool === null ? item.transport : `${item.transport}, tool ${item.tool}`}</td>
    </tr>
  );
}
