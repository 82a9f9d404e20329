/**
 * The Usage page: requests, tokens, cache hit rate and latency over a range (in the URL, so a
 * link reproduces the view), the range's totals, and the log of recent requests.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { formatTime } from '../../format/format.ts';
import { useTenantName } from '../../session/tenant.ts';
import { RecentRequests } from './usage/recent-requests.tsx';
import { UsageCharts } from './usage/usage-charts.tsx';
import { UsageControls } from './usage/usage-controls.tsx';
import { parseView, rangeOf, totalsOf, viewParams, viewProblem, type UsageView } from './usage/usage-data.ts';
import { UsageSummary } from './usage/usage-summary.tsx';
import './usage/usage.css';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Key id → key name of the tenant's live keys (empty while loading or when they cannot be read). */
function useKeyNames(tenant: string): ReadonlyMap<string, string> {
  const api = useApi();
  const keys = useQuery({
    queryKey: ['usage', tenant, 'key-names'],
    queryFn: async () => {
      const answer = await call(api.GET('/v1/tenants/{tenant}/api-keys', { params: { path: { tenant } } }));
      return new Map(answer.items.map((key) => [key.id, key.name]));
    },
    staleTime: 60_000,
  });
  return keys.data ?? NO_NAMES;
}

/** The usage series of a view, read again every 10 s (relative ranges move with the clock). */
function useUsage(tenant: string, view: UsageView, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['usage', tenant, 'series', viewParams(view)],
    queryFn: () => {
      const range = rangeOf(view, new Date());
      if (typeof range === 'string') throw new Error(range);
      return call(
        api.GET('/v1/tenants/{tenant}/usage', {
          params: {
            path: { tenant },
            query: {
              from: range.from.toISOString(),
              to: range.to.toISOString(),
              granularity: view.granularity,
              ...(view.groupBy === null ? {} : { groupBy: view.groupBy }),
            },
          },
        }),
      );
    },
    enabled,
    refetchInterval: 10_000,
  });
}

function NoUsage({ tenant }: { tenant: string }): ReactNode {
  return (
    <p>
      No usage in this range yet.{' '}
      <Link to={`/tenants/${tenant}/connect`}>Make a call from the Connect page</Link>, or choose a longer
      range.
    </p>
  );
}

/** The Usage page. */
export function UsagePage(): ReactNode {
  const tenant = useTenantName();
  const [params, setParams] = useSearchParams();
  const view = parseView(params);
  const problem = viewProblem(view);
  const keys = useKeyNames(tenant);
  const usage = useUsage(tenant, view, problem === undefined);
  return (
    <>
      <PageHeader
        title="Usage"
        description="What your apps asked the model: requests, tokens, cache hits and latency. Updates every 10 seconds."
      />
      <UsageControls
        view={view}
        onChange={(next) => {
          setParams(viewParams(next), { replace: true });
        }}
      />
      {problem === undefined ? (
        <QueryView
          query={usage}
          what="usage"
          isEmpty={(data) => data.items.length === 0}
          empty={<NoUsage tenant={tenant} />}
        >
          {(data) => (
            <>
              <p className="muted usage-range">
                From {formatTime(data.from)} to {formatTime(data.to)} (your time).
              </p>
              <UsageSummary totals={totalsOf(data.items)} />
              <UsageCharts
                usage={data}
                groupBy={view.groupBy}
                names={view.groupBy === 'key' ? keys : NO_NAMES}
              />
            </>
          )}
        </QueryView>
      ) : (
        <p className="notice notice-warn" role="alert">
          {problem}
        </p>
      )}
      <RecentRequests tenant={tenant} keys={keys} />
    </>
  );
}
