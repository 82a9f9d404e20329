/** Routes for signed-in people only: others are sent to the login page, and come back after. */
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Loading } from '../components/query-view.tsx';
import { useSession } from './session.tsx';

/** Renders the child routes when signed in; otherwise redirects to `/login?next=<here>`. */
export function RequireSession({ admin = false }: { admin?: boolean }): ReactNode {
  const { me, error } = useSession();
  const location = useLocation();
  if (me === undefined && error !== null) return <ErrorNotice error={error} title="Could not reach LMO" />;
  if (me === undefined) return <Loading what="your account" />;
  if (me === null) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate replace to={`/login?next=${next}`} />;
  }
  if (admin && !me.user.isPlatformAdmin) return <Navigate replace to="/" />;
  return <Outlet />;
}

/** Where a signed-in person lands: their first tenant, or the form to create one. */
export function Home(): ReactNode {
  const { me } = useSession();
  const first = me?.tenants[0]?.name;
  if (first !== undefined) return <Navigate replace to={`/tenants/${first}`} />;
  if (me?.user.isPlatformAdmin === true) return <Navigate replace to="/admin" />;
  return <Navigate replace to="/tenants/new" />;
}

/**
 * A `next` parameter as a path on this site (no open redirect): anything that resolves to another
 * origin, or is not a path, becomes `/`. `hash` (the current fragment, e.g. an invitation's
 * `#token=…`) is carried along, since the fragment of the login page's own address is where it is.
 */
export function safeNext(next: string | null, hash = ''): string {
  if (next === null || !next.startsWith('/')) return '/';
  const base = 'https://dashboard.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  return `${url.pathname}${url.search}${url.hash === '' ? hash : url.hash}`;
}
