/** The admin page's table of every tenant: phase, plan, this month's tokens; suspend and resume. */
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { formatCompact, formatCount, formatPercent } from '../../format/format.ts';
import { tenantKey } from '../../session/tenant.ts';
import { monthUsageQuery, tokensOf } from '../../session/plan-usage.ts';
import { phaseView, tokenLimit, type AdminTenant } from './admin-data.ts';

/** Query key of the list of every tenant. */
export const ALL_TENANTS_KEY = ['admin', 'tenants'] as const;

/** This month's tokens (in + out) of each tenant, from its usage by UTC day. */
function useMonthTokens(names: readonly string[]): ReadonlyMap<string, { tokens?: number; error?: unknown }> {
  const api = useApi();
  const results = useQueries({
    queries: names.map((tenant) => ({ ...monthUsageQuery(api, tenant), select: tokensOf })),
  });
  return new Map(
    names.map((name, index) => {
      const result = results[index];
      return [name, result?.data === undefined ? { error: result?.error } : { tokens: result.data }];
    }),
  );
}

function MonthTokens({
  tenant,
  month,
}: {
  tenant: AdminTenant;
  month: { tokens?: number; error?: unknown } | undefined;
}): ReactNode {
  if (month?.tokens === undefined) {
    if (month?.error === null || month?.error === undefined) return <span className="muted">…</span>;
    return (
      <span className="muted" title={messageOf(month.error)}>
        Not available
      </span>
    );
  }
  const limit = tokenLimit(tenant);
  const share = limit === 0 ? 1 : month.tokens / limit;
  return (
    <span title={`${formatCount(month.tokens)} of ${formatCount(limit)}`}>
      {formatCompact(month.tokens)} <span className="muted">of {formatCompact(limit)}</span>{' '}
      {share >= 0.9 ? (
        <span className={share >= 1 ? 'badge badge-error' : 'badge badge-warn'}>{formatPercent(share)}</span>
      ) : null}
    </span>
  );
}

function SuspendResume({ tenant }: { tenant: AdminTenant }): ReactNode {
  const api = useApi();
  const queries = useQueryClient();
  const refresh = (): Promise<unknown> =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ALL_TENANTS_KEY }),
      queries.invalidateQueries({ queryKey: tenantKey(tenant.name) }),
    ]);
  const resume = useMutation({
    mutationFn: () =>
      call(api.POST('/v1/tenants/{tenant}/resume', { params: { path: { tenant: tenant.name } } })),
    onSuccess: refresh,
  });
  if (!tenant.spec.suspended) {
    return (
      <ConfirmButton
        label="Suspend"
        ariaLabel={`Suspend ${tenant.name}`}
        consequence={`Apps using ${tenant.name} get errors until it is resumed.`}
        onConfirm={async () => {
          await call(api.POST('/v1/tenants/{tenant}/suspend', { params: { path: { tenant: tenant.name } } }));
          await refresh();
        }}
      />
    );
  }
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        aria-label={`Resume ${tenant.name}`}
        disabled={resume.isPending}
        onClick={() => {
          resume.mutate();
        }}
      >
        {resume.isPending ? 'Resuming…' : 'Resume'}
      </button>
      {resume.isError ? <ErrorNotice error={resume.error} title={`Could not resume ${tenant.name}`} /> : null}
    </>
  );
}

/** The tenants (already filtered), one row each. */
export function TenantsTable({ tenants }: { tenants: readonly AdminTenant[] }): ReactNode {
  const month = useMonthTokens(tenants.map((tenant) => tenant.name));
  return (
    <div className="table-wrap">
      <table aria-label="Tenants">
        <thead>
          <tr>
            <th scope="col">Tenant</th>
            <th scope="col">Status</th>
            <th scope="col">Plan</th>
            <th scope="col">Tokens this month</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((tenant) => {
            const phase = phaseView(tenant);
            return (
              <tr key={tenant.name}>
                <td>
                  <Link to={`/tenants/${tenant.name}`}>{tenant.name}</Link>
                  <br />
                  <small className="muted">{tenant.spec.displayName}</small>
                </td>
                <td>
                  <span className={phase.badge}>{phase.label}</span>
                  {tenant.spec.suspended && phase.label !== 'Suspended' ? (
                    <small className="muted"> suspending…</small>
                  ) : null}
                </td>
                <td>{tenant.spec.plan}</td>
                <td>
                  <MonthTokens tenant={tenant} month={month.get(tenant.name)} />
                </td>
                <td>
                  <SuspendResume tenant={tenant} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
