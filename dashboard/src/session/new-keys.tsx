/**
 * API keys created in this browser tab, kept in memory so the Connect page can test the endpoint
 * with the key just made. Never written to localStorage, sessionStorage or a cookie: a reload
 * forgets them, as the API shows a key only once.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useSession } from './session.tsx';

/** A key shown once: its id, name and full secret. */
export interface NewKey {
  readonly tenant: string;
  readonly keyId: string;
  readonly name: string;
  readonly key: string;
}

interface NewKeys {
  readonly keys: readonly NewKey[];
  remember: (key: NewKey) => void;
  forget: (tenant: string, keyId: string) => void;
}

const NO_KEYS: readonly NewKey[] = [];
const NewKeysContext = createContext<NewKeys | undefined>(undefined);

/**
 * Holds the keys created in this tab by the person signed in now: logging out, or another person
 * logging in, forgets them (they belong to whoever made them).
 */
export function NewKeysProvider({ children }: { children: ReactNode }): ReactNode {
  const owner = useSession().me?.user.id;
  const [held, setHeld] = useState<{ owner: string | undefined; keys: readonly NewKey[] }>({
    owner,
    keys: [],
  });
  // Keys are shown only to the person who made them; `undefined` is "not known yet" (loading).
  const keys = held.owner === owner || held.owner === undefined ? held.keys : NO_KEYS;
  const value = useMemo<NewKeys>(
    () => ({
      keys,
      remember: (key) => {
        setHeld((current) => ({
          owner,
          keys: [
            key,
            ...(current.owner === owner || current.owner === undefined ? current.keys : []).filter(
              (k) => k.keyId !== key.keyId,
            ),
          ],
        }));
      },
      forget: (tenant, keyId) => {
        setHeld((current) => ({
          owner,
          keys: (current.owner === owner || current.owner === undefined ? current.keys : []).filter(
            (k) => !(k.tenant === tenant && k.keyId === keyId),
          ),
        }));
      },
    }),
    [keys, owner],
  );
  return <NewKeysContext value={value}>{children}</NewKeysContext>;
}

/** The keys created in this tab. @throws {Error} outside a {@link NewKeysProvider}. */
export function useNewKeys(): NewKeys {
  const value = useContext(NewKeysContext);
  if (value === undefined) throw new Error('useNewKeys outside a NewKeysProvider');
  return value;
}
