/**
 * The plans and a tenant's month-to-date usage, read once and shared: the overview, billing and
 * admin pages all show this month's tokens against a plan, through the same queries and cache keys.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { call, type ApiClient } from '../api/client.ts';
import type { Ok } from '../api/types.ts';
import { monthStart } from '../pages/tenant/usage/usage-data.ts';

/** A plan as `GET /v1/billing/plans` lists it. */
export type Plan = Ok<'/v1/billing/plans', 'get'>['items'][number];
/** One bucket of `GET /v1/tenants/{tenant}/usage`. */
export type UsagePoint = Ok<'/v1/tenants/{tenant}/usage', 'get'>['items'][number];

/** The plans (they change with releases, not while a page is open). */
export function usePlans(): UseQueryResult<readonly Plan[]> {
  const api = useApi();
  return useQuery({
    queryKey: ['billing-plans'],
    queryFn: async () => (await call(api.GET('/v1/billing/plans'))).items,
    staleTime: 10 * 60_000,
  });
}

/**
 * The query of a tenant's usage by UTC day since the start of this UTC month (the quota's month).
 * The month is part of the key, so a tab left open across a month boundary asks for the new month.
 */
export function monthUsageQuery(
  api: ApiClient,
  tenant: string,
  now: Date = new Date(),
): { queryKey: readonly unknown[]; queryFn: () => Promise<readonly UsagePoint[]>; refetchInterval: number } {
  const from = monthStart(now).toISOString();
  return {
    queryKey: ['usage', tenant, 'month-to-date', from],
    queryFn: async () =>
      (
        await call(
          api.GET('/v1/tenants/{tenant}/usage', {
            params: { path: { tenant }, query: { from, granularity: 'day' } },
          }),
        )
      ).items,
    refetchInterval: 60_000,
  };
}

/** A tenant's usage by UTC day this month. */
export function useMonthUsage(tenant: string): UseQueryResult<readonly UsagePoint[]> {
  return useQuery(monthUsageQuery(useApi(), tenant));
}

/** Tokens (in + out) over `items`. */
export const tokensOf = (items: readonly UsagePoint[]): number =>
  items.reduce((sum, item) => sum + item.tokensIn + item.tokensOut, 0);
