/** The tenant's API keys: the query and its key, which writes invalidate. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import type { Ok } from '../../../api/types.ts';

/** A key as the list shows it (never its secret). */
export type ApiKey = Ok<'/v1/tenants/{tenant}/api-keys', 'get'>['items'][number];

/** Query key of a tenant's API keys. */
export const keysKey = (tenant: string): readonly unknown[] => ['api-keys', tenant];

/** The tenant's live API keys. */
export function useApiKeys(tenant: string): UseQueryResult<readonly ApiKey[]> {
  const api = useApi();
  return useQuery({
    queryKey: keysKey(tenant),
    queryFn: () => call(api.GET('/v1/tenants/{tenant}/api-keys', { params: { path: { tenant } } })),
    select: (answer) => answer.items,
  });
}
