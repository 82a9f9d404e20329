/**
 * The Billing page: the tenant's plan and subscription, this month's tokens and their metered cost,
 * the plans to move to (owners), invoices from Stripe (owners) and the recently billed hours.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { tokensOf, useMonthUsage, usePlans } from '../../session/plan-usage.ts';
import { useTenant, useTenantName } from '../../session/tenant.ts';
import { BilledHours, BillingOverview } from './billing/billing-overview.tsx';
import { nextMonthStart } from './billing/billing-data.ts';
import { Invoices } from './billing/invoices.tsx';
import { PlanChooser } from './billing/plan-chooser.tsx';
import './billing/billing.css';

/** The Billing page. */
export function BillingPage(): ReactNode {
  const tenant = useTenantName();
  const api = useApi();
  const view = useTenant(tenant);
  const plans = usePlans();
  const month = useMonthUsage(tenant);
  const billing = useQuery({
    queryKey: ['billing', tenant],
    queryFn: () => call(api.GET('/v1/tenants/{tenant}/billing', { params: { path: { tenant } } })),
    refetchInterval: 60_000,
  });
  const access = view.data?.access;
  const isOwner = access === 'owner' || access === 'admin';
  return (
    <>
      <PageHeader
        title="Billing"
        description="Your plan, the tokens used this month and what they cost, and your invoices."
      />
      <QueryView query={billing} what="billing">
        {(data) => (
          <>
            <BillingOverview
              billing={data}
              plan={plans.data?.find((plan) => plan.name === data.plan)}
              ownLimit={view.data?.spec.limits.tokensPerMonth}
              month={
                month.isPending
                  ? 'loading'
                  : month.data === undefined
                    ? undefined
                    : { tokens: tokensOf(month.data), resetsAt: nextMonthStart(new Date()).toISOString() }
              }
            />
            <section aria-labelledby="plans-heading">
              <h2 id="plans-heading">Plans</h2>
              <QueryView query={plans} what="plans">
                {(list) => (
                  <PlanChooser
                    tenant={tenant}
                    plans={list}
                    current={data.plan}
                    canChange={access === undefined ? undefined : isOwner}
                  />
                )}
              </QueryView>
            </section>
            <section aria-labelledby="invoices-heading">
              <h2 id="invoices-heading">Invoices</h2>
              {access === undefined ? null : <Invoices tenant={tenant} isOwner={isOwner} />}
            </section>
            <section aria-labelledby="billed-heading">
              <h2 id="billed-heading">Billed hours</h2>
              <BilledHours records={data.records} />
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}
