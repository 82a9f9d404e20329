/** The tenant's plan and this month's usage against its limits, with a progress bar. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TenantSpec } from '../../../api/types.ts';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { formatCount, formatPercent } from '../../../format/format.ts';
import { useMonthUsage, usePlans } from '../../../session/plan-usage.ts';
import { limitsOf, shareUsed, totals, type Limits } from './usage-summary.ts';

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function QuotaNotice({ share, tenant }: { share: number; tenant: string }): ReactNode {
  if (share >= 1) {
    return (
      <div role="alert" className="notice notice-error">
        <strong>This month’s tokens are used up.</strong>
        <p>
          Requests are refused (<span className="code">LMO_QUOTA_EXCEEDED</span>) until the 1st of next month
          (UTC). <Link to={`/tenants/${tenant}/billing`}>Upgrade the plan</Link> to continue now.
        </p>
      </div>
    );
  }
  if (share < 0.8) return null;
  return (
    <div className="notice notice-warn">
      <strong>{formatPercent(share)} of this month’s tokens used.</strong>
      <p>
        When they run out, requests are refused until next month.{' '}
        <Link to={`/tenants/${tenant}/billing`}>See plans</Link>.
      </p>
    </div>
  );
}

interface TokenMeterProps {
  readonly used: number;
  readonly limits: Limits;
  readonly tenant: string;
  /** Whether the plans are still loading (the limit may be unknown meanwhile). */
  readonly plansPending: boolean;
}

function TokenMeter({ used, limits, tenant, plansPending }: TokenMeterProps): ReactNode {
  const limit = limits.tokensPerMonth;
  if (limit === undefined) {
    return (
      <p>
        <span className="stat">{formatCount(used)}</span> tokens used this month (
        {plansPending ? 'loading the plan’s limit…' : 'the plan’s limit is not known right now'}).
      </p>
    );
  }
  const share = shareUsed(used, limit);
  return (
    <>
      <p>
        <span className="stat">{formatCount(used)}</span> of {formatCount(limit)} tokens used this month (
        {formatPercent(share)}){limits.custom.tokensPerMonth ? ', a limit set for this tenant' : ''}.
      </p>
      <progress
        max={limit > 0 ? limit : 1}
        value={Math.min(used, limit > 0 ? limit : 1)}
        aria-label="Tokens used this month"
        aria-valuetext={`${formatPercent(share)} of this month's tokens used`}
      />
      <QuotaNotice share={share} tenant={tenant} />
    </>
  );
}

function RateLimit({ limits }: { limits: Limits }): ReactNode {
  if (limits.requestsPerMinute === undefined) return null;
  return (
    <p>
      Rate limit: <strong>{formatCount(limits.requestsPerMinute)} requests per minute</strong> across all keys
      {limits.custom.requestsPerMinute ? ' (set for this tenant)' : ' (the plan’s)'}; above it, apps get{' '}
      <span className="code">429</span> with a <span className="code">Retry-After</span> header.
    </p>
  );
}

/** The plan and usage card of the Overview page. */
export function UsageCard({ tenant, spec }: { tenant: string; spec: TenantSpec }): ReactNode {
  const plans = usePlans();
  const usage = useMonthUsage(tenant);
  const plan = plans.data?.find((p) => p.name === spec.plan);
  const limits = limitsOf(spec, plan);
  return (
    <section className="card" aria-labelledby="usage-heading">
      <h2 id="usage-heading">Plan and usage this month</h2>
      <p>
        Plan: <strong>{capitalised(spec.plan)}</strong>{' '}
        <Link to={`/tenants/${tenant}/billing`}>Billing and plans</Link>
      </p>
      {plans.isError ? (
        <ErrorNotice
          error={plans.error}
          title="Could not load the plans’ limits"
          onRetry={() => {
            void plans.refetch();
          }}
        />
      ) : null}
      <QueryView query={usage} what="this month’s usage">
        {(items) => {
          const sum = totals(items);
          return (
            <>
              <TokenMeter used={sum.tokens} limits={limits} tenant={tenant} plansPending={plans.isPending} />
              <p>
                {formatCount(sum.requests)} request{sum.requests === 1 ? '' : 's'} this month.{' '}
                <Link to={`/tenants/${tenant}/usage`}>Usage details</Link>
              </p>
            </>
          );
        }}
      </QueryView>
      <RateLimit limits={limits} />
    </section>
  );
}
