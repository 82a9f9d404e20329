/** Everything a page needs around it: the API client, React Query, the session, new keys, the router. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider } from './api/api-context.tsx';
import type { ApiClient } from './api/client.ts';
import { ApiError } from './api/errors.ts';
import { NewKeysProvider } from './session/new-keys.tsx';
import { SessionProvider } from './session/session.tsx';

/** A query client that does not retry what retrying cannot fix (4xx answers). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
    },
  });
}

/** The providers of the dashboard, given its dependencies. */
export function Providers({
  client,
  queryClient,
  children,
}: {
  client: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}): ReactNode {
  return (
    <ApiProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <NewKeysProvider>{children}</NewKeysProvider>
        </SessionProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
