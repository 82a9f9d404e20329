/**
 * The frame of every signed-in page: the product name, the tenant switcher, the tenant's sections,
 * the admin link for platform admins, and logout. A sidebar at laptop widths, a scrolling bar on
 * phones.
 */
import { useState, type ReactNode } from 'react';
import { NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { useSession } from '../session/session.tsx';

/** The switcher's value for "create a new tenant" (not a valid tenant name). */
const NEW = '+new';

/** The sections of a tenant, in menu order: path under `/tenants/<name>` and label. */
export const TENANT_SECTIONS: readonly { readonly path: string; readonly label: string }[] = [
  { path: '', label: 'Overview' },
  { path: 'connect', label: 'Connect' },
  { path: 'keys', label: 'API keys' },
  { path: 'settings', label: 'Model settings' },
  { path: 'knowledge', label: 'Knowledge' },
  { path: 'usage', label: 'Usage' },
  { path: 'billing', label: 'Billing' },
  { path: 'members', label: 'Members' },
];

function TenantSwitcher({ current }: { current: string | undefined }): ReactNode {
  const { me } = useSession();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(current ?? '');
  const tenants = me?.tenants ?? [];
  if (tenants.length === 0 && current === undefined) return null;
  const names = tenants.map((t) => t.name);
  if (current !== undefined && !names.includes(current)) names.unshift(current);
  const go = (choice: string): void => {
    void navigate(choice === NEW ? '/tenants/new' : `/tenants/${choice}`);
  };
  // A choice opens with the button (or Enter), not on every change: arrow keys in a closed select
  // would otherwise jump from tenant to tenant.
  return (
    <form
      className="tenant-switcher"
      aria-label="Switch tenant"
      onSubmit={(event) => {
        event.preventDefault();
        go(choice);
      }}
    >
      <label htmlFor="tenant-switcher">Tenant</label>
      <select
        id="tenant-switcher"
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value);
        }}
      >
        {current === undefined ? <option value="">Choose…</option> : null}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={NEW}>+ New tenant</option>
      </select>
      <button type="submit" className="button-secondary" disabled={choice === '' || choice === current}>
        Open
      </button>
    </form>
  );
}

/** The signed-in frame around the current route. */
export function Layout(): ReactNode {
  const { me, logout } = useSession();
  const { tenant } = useParams();
  const navigate = useNavigate();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">LMO</div>
        <TenantSwitcher key={tenant ?? ''} current={tenant} />
        <nav aria-label="Sections">
          <ul>
            {tenant === undefined
              ? null
              : TENANT_SECTIONS.map((section) => (
                  <li key={section.path}>
                    <NavLink end to={`/tenants/${tenant}${section.path === '' ? '' : `/${section.path}`}`}>
                      {section.label}
                    </NavLink>
                  </li>
                ))}
            {me?.user.isPlatformAdmin === true ? (
              <li>
                <NavLink to="/admin">Admin: all tenants</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          <span className="muted" title={me?.user.email}>
            {me?.user.email}
          </span>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              // Even when the API cannot be told (offline), this tab forgets the session and leaves.
              void logout()
                .catch(() => undefined)
                .then(() => navigate('/login'));
            }}
          >
            Log out
          </button>
        </div>
      </aside>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
