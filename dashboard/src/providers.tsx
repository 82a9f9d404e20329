/** Everything a page needs around it: the API client, React Query, the session, new keys, the router. */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProvider } from './api/api-context.tsx';
import type { ApiClient } from './api/client.ts';
import { ApiError } from './api/errors.ts';
import { NewKeysProvider } from './session/new-keys.tsx';
import { SessionProvider } from './session/session.tsx';

const SESSION_ENDED = new Set(['LMO_UNAUTHENTICATED', 'LMO_SESSION_NOT_FOUND']);

/**
 * A query client that does not retry what retrying cannot fix (4xx answers), and that treats an
 * ended session anywhere as signed out (`['me']` → null), so the route guard sends the person to
 * the login page instead of every page showing the same error.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (error instanceof ApiError && SESSION_ENDED.has(error.code) && client.getQueryData(['me']) != null) {
      client.setQueryData(['me'], null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
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
