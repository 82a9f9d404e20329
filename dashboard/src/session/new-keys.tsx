/**
 * API keys created in this browser tab, kept in memory so the Connect page can test the endpoint
 * with the key just made. Never written to localStorage, sessionStorage or a cookie: a reload
 * forgets them, as the API shows a key only once.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

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

const NewKeysContext = createContext<NewKeys | undefined>(undefined);

/** Holds the keys created in this tab. */
export function NewKeysProvider({ children }: { children: ReactNode }): ReactNode {
  const [keys, setKeys] = useState<readonly NewKey[]>([]);
  const value = useMemo<NewKeys>(
    () => ({
      keys,
      remember: (key) => {
        setKeys((all) => [key, ...all.filter((k) => k.keyId !== key.keyId)]);
      },
      forget: (tenant, keyId) => {
        setKeys((all) => all.filter((k) => !(k.tenant === tenant && k.keyId === keyId)));
      },
    }),
    [keys],
  );
  return <NewKeysContext value={value}>{children}</NewKeysContext>;
}

/** The keys created in this tab. @throws {Error} outside a {@link NewKeysProvider}. */
export function useNewKeys(): NewKeys {
  const value = useContext(NewKeysContext);
  if (value === undefined) throw new Error('useNewKeys outside a NewKeysProvider');
  return value;
}
