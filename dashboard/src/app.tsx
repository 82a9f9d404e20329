/** The dashboard's routes. Tenant pages live under `/tenants/<name>/…`; admin pages under `/admin`. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Outlet, Route, Routes, useParams } from 'react-router';
import { Layout } from './components/layout.tsx';
import { AcceptInvitationPage } from './pages/account/accept-invitation-page.tsx';
import { LoginPage } from './pages/account/login-page.tsx';
import { NewTenantPage } from './pages/account/new-tenant-page.tsx';
import { SignUpPage } from './pages/account/signup-page.tsx';
import { AdminPage } from './pages/admin/admin-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { BillingPage } from './pages/tenant/billing-page.tsx';
import { ConnectPage } from './pages/tenant/connect-page.tsx';
import { KeysPage } from './pages/tenant/keys-page.tsx';
import { KnowledgePage } from './pages/tenant/knowledge-page.tsx';
import { MembersPage } from './pages/tenant/members-page.tsx';
import { OverviewPage } from './pages/tenant/overview-page.tsx';
import { SettingsPage } from './pages/tenant/settings-page.tsx';
import { Loading } from './components/query-view.tsx';
import { Home, RequireSession } from './session/require-session.tsx';

// The usage page brings the charting library, most of the bundle: loaded when first opened.
const UsagePage = lazy(() => import('./pages/tenant/usage-page.tsx').then((m) => ({ default: m.UsagePage })));

/**
 * A tenant's pages, remounted when the tenant changes: no form, filter, pending mutation or key
 * shown once can carry over from one tenant to another.
 */
function TenantScope(): ReactNode {
  const { tenant } = useParams();
  return <Outlet key={tenant} />;
}

/** Every route of the dashboard. */
export function App(): ReactNode {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="/tenants" element={<Home />} />
          <Route path="/tenants/new" element={<NewTenantPage />} />
          <Route path="/tenants/:tenant" element={<TenantScope />}>
            <Route index element={<OverviewPage />} />
            <Route path="connect" element={<ConnectPage />} />
            <Route path="keys" element={<KeysPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="knowledge" element={<KnowledgePage />} />
            <Route
              path="usage"
              element={
                <Suspense fallback={<Loading what="the usage page" />}>
                  <UsagePage />
                </Suspense>
              }
            />
            <Route path="billing" element={<BillingPage />} />
            <Route path="members" element={<MembersPage />} />
          </Route>
          <Route element={<RequireSession admin />}>
            <Route path="/admin" element={<AdminPage />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
