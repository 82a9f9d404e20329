/**
 * The platform admins' page: every tenant with its phase, plan and this month's tokens, suspend and
 * resume, and the billing reconciliation of an hour; a filter by name narrows both.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { matchesName } from './admin-data.ts';
import { ReconciliationSection } from './admin-reconciliation.tsx';
import { ALL_TENANTS_KEY, TenantsTable } from './admin-tenants.tsx';
import './admin-page.css';

/** The All tenants page. */
export function AdminPage(): ReactNode {
  const api = useApi();
  const [filter, setFilter] = useState('');
  const tenants = useQuery({
    queryKey: ALL_TENANTS_KEY,
    queryFn: () => call(api.GET('/v1/tenants', { params: { query: { all: true } } })),
    refetchInterval: 10_000,
  });
  const wanted = filter.trim().toLowerCase();
  return (
    <>
      <PageHeader
        title="All tenants"
        description="Every tenant on the platform: status, plan and this month’s tokens; suspend or resume one; check billing against usage."
      />
      <div className="admin-filter">
        <Field label="Filter by name">
          {(control) => (
            <input
              {...control}
              type="search"
              value={filter}
              autoCapitalize="none"
              spellCheck={false}
              onChange={(event) => {
                setFilter(event.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <section aria-labelledby="tenants-heading">
        <h2 id="tenants-heading">Tenants</h2>
        <QueryView
          query={tenants}
          what="tenants"
          isEmpty={(data) => data.items.length === 0}
          empty={<p>No tenants yet. People create them when they sign up.</p>}
        >
          {(data) => {
            const shown = data.items.filter((tenant) => matchesName(tenant, filter));
            return shown.length === 0 ? (
              <p className="empty">No tenant name contains “{filter.trim()}”.</p>
            ) : (
              <>
                <p className="muted">
                  {shown.length === data.items.length
                    ? `${data.items.length} ${data.items.length === 1 ? 'tenant' : 'tenants'}.`
                    : `${shown.length} of ${data.items.length} tenants.`}
                </p>
                <TenantsTable tenants={shown} />
              </>
            );
          }}
        </QueryView>
      </section>
      <ReconciliationSection filter={(tenant) => wanted === '' || tenant.includes(wanted)} />
    </>
  );
}
