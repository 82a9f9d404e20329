/** The tenant a page is about: its name from the URL, its view from the API. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useApi } from '../api/api-context.tsx';
import { call } from '../api/client.ts';
import type { TenantView } from '../api/types.ts';

/** The `:tenant` of the current route. @throws {Error} on a route without one. */
export function useTenantName(): string {
  const { tenant } = useParams();
  if (tenant === undefined) throw new Error('useTenantName on a route without :tenant');
  return tenant;
}

/** Query key of a tenant's view; mutations invalidate it. */
export const tenantKey = (tenant: string): readonly unknown[] => ['tenant', tenant];

/** The tenant's view, refreshed every 5 s while a page shows it (status changes as runtimes start). */
export function useTenant(tenant: string): UseQueryResult<TenantView> {
  const api = useApi();
  return useQuery({
    queryKey: tenantKey(tenant),
    queryFn: () => call(api.GET('/v1/tenants/{tenant}', { params: { path: { tenant } } })),
    refetchInterval: 5_000,
  });
}
