/** The API client for the component tree: passed in at the root, never a module singleton. */
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './client.ts';

const ApiContext = createContext<ApiClient | undefined>(undefined);

/** Provides `client` to everything below. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }): ReactNode {
  return <ApiContext value={client}>{children}</ApiContext>;
}

/** The API client. @throws {Error} outside an {@link ApiProvider}. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === undefined) throw new Error('useApi outside an ApiProvider');
  return client;
}
