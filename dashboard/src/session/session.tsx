/**
 * Who is logged in: `GET /v1/me` through React Query, with login, sign-up and logout. The CSRF token
 * that comes with the session lives in the API client's memory only: never in localStorage or a
 * cookie the page can read.
 */
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from '../api/api-context.tsx';
import { call, type ApiClient } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import type { Body, Ok } from '../api/types.ts';

/** The caller as `GET /v1/me` describes them. */
export type Me = Ok<'/v1/me', 'get'>;
/** Sign-up's body. */
export type SignUpInput = Body<'/v1/signup', 'post'>;
type SessionAnswer = Ok<'/v1/login', 'post'>;

/** The session as components see it. */
export interface Session {
  /** `undefined` while loading, `null` when nobody is logged in. */
  readonly me: Me | null | undefined;
  readonly error: unknown;
  login: (email: string, password: string) => Promise<void>;
  signUp: (input: SignUpInput) => Promise<SessionAnswer>;
  logout: () => Promise<void>;
  /** Reads `/v1/me` again (after joining or creating a tenant). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);
const ME_KEY = ['me'] as const;

async function readMe(api: ApiClient): Promise<Me | null> {
  try {
    const me = await call(api.GET('/v1/me'));
    api.setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      api.setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Provides the {@link Session}. */
export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const api = useApi();
  const queries = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: () => readMe(api), staleTime: 60_000, retry: 1 });
  const session = useMemo<Session>(() => {
    const refresh = async (): Promise<void> => {
      await queries.query({ queryKey: ME_KEY, queryFn: () => readMe(api), staleTime: 0 });
    };
    const started = async (answer: SessionAnswer): Promise<void> => {
      api.setCsrfToken(answer.csrfToken);
      queries.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queries.getMutationCache().clear();
      await refresh();
    };
    return {
      me: me.data,
      error: me.error,
      refresh,
      async login(email, password) {
        await started(await call(api.POST('/v1/login', { body: { email, password } })));
      },
      async signUp(input) {
        const answer = await call(api.POST('/v1/signup', { body: input }));
        await started(answer);
        return answer;
      },
      async logout() {
        try {
          await call(api.POST('/v1/logout')).catch((error: unknown) => {
            if (!(error instanceof ApiError && error.status === 401)) throw error;
          });
        } finally {
          // Whatever the API said, this tab forgets the session.
          api.setCsrfToken(undefined);
          // Keep the `me` query (its observer stays attached) and mark it signed out; drop the rest.
          queries.setQueryData(ME_KEY, null);
          queries.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
          // Mutations keep their answers (a new key's secret) for a while: drop them too.
          queries.getMutationCache().clear();
        }
      },
    };
  }, [api, queries, me.data, me.error]);
  return <SessionContext value={session}>{children}</SessionContext>;
}

/** The session. @throws {Error} outside a {@link SessionProvider}. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a SessionProvider');
  return session;
}
