/** The Billing page's overview: plan, subscription, this month's tokens and their metered cost, billed hours. */
import { Loading } from '../../../components/query-view.tsx';
import type { ReactNode } from 'react';
import { formatCount, formatMoney, formatPercent, formatTime } from '../../../format/format.ts';
import {
  billedTokens,
  meteredCost,
  meteredPrice,
  monthlyPrice,
  planTitle,
  recordState,
  subscriptionView,
  type Billing,
  type BillingRecord,
  type Plan,
} from './billing-data.ts';

/** This month's tokens (UTC calendar month, as the quota counts them) and when the count restarts. */
export interface MonthUsage {
  readonly tokens: number;
  readonly resetsAt: string;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

function Card({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <section className="card" aria-label={title}>
      <h3 className="billing-card-title">{title}</h3>
      {children}
    </section>
  );
}

function MonthTokens({
  month,
  limit,
}: {
  month: MonthUsage | 'loading' | undefined;
  limit: number | undefined;
}): ReactNode {
  if (month === 'loading') return <Loading what="this month’s usage" />;
  if (month === undefined) {
    return <p className="muted">This month’s usage could not be read; reload the page to try again.</p>;
  }
  const share = limit === undefined || limit === 0 ? undefined : month.tokens / limit;
  return (
    <>
      <div className="stat">{formatCount(month.tokens)}</div>
      {limit === undefined ? null : (
        <>
          <progress
            max={limit}
            value={Math.min(month.tokens, limit)}
            aria-label="Share of the monthly token limit used"
          />
          <small className="muted">
            {share === undefined ? '' : `${formatPercent(share)} of `}
            {formatCount(limit)} a month; counting starts again on {dayMonth.format(new Date(month.resetsAt))}
            .
          </small>
        </>
      )}
    </>
  );
}

/** Props of {@link BillingOverview}. */
export interface BillingOverviewProps {
  readonly billing: Billing;
  /** The tenant's plan as listed; undefined while the plans load. */
  readonly plan: Plan | undefined;
  /** The tenant's own token limit, when it set one below the plan's. */
  readonly ownLimit: number | undefined;
  /** `'loading'` while it is read; `undefined` when it could not be. */
  readonly month: MonthUsage | 'loading' | undefined;
}

/** The four cards of the overview. */
export function BillingOverview({ billing, plan, ownLimit, month }: BillingOverviewProps): ReactNode {
  const subscription = subscriptionView(billing.subscriptionStatus);
  return (
    <div className="cards billing-overview">
      <Card title="Plan">
        <div className="stat">{planTitle(billing.plan)}</div>
        {plan === undefined ? null : (
          <small className="muted">
            {monthlyPrice(plan)}; {meteredPrice(plan).toLowerCase()}.
          </small>
        )}
      </Card>
      <Card title="Subscription">
        <p className="billing-state">
          <span className={subscription.badge}>{subscription.label}</span>
        </p>
        <small className="muted">
          {subscription.hint}
          {billing.currentPeriodEnd === null
            ? null
            : ` The period ends ${formatTime(billing.currentPeriodEnd)}.`}
        </small>
      </Card>
      <Card title="Tokens this month">
        <MonthTokens month={month} limit={ownLimit ?? plan?.tokensPerMonth} />
      </Card>
      <Card title="Metered so far">
        {plan === undefined || month === undefined || month === 'loading' ? (
          <div className="stat">—</div>
        ) : (
          <>
            <div className="stat">{formatMoney(meteredCost(plan, month.tokens))}</div>
            <small className="muted">
              An estimate from this month’s usage at {meteredPrice(plan).toLowerCase()}; the invoice is what
              counts.
            </small>
          </>
        )}
      </Card>
    </div>
  );
}

/** The most recent billed hours, folded away: what the hourly billing job recorded and sent. */
export function BilledHours({ records }: { records: readonly BillingRecord[] }): ReactNode {
  if (records.length === 0) {
    return (
      <p className="empty">
        No hours billed yet. Each hour is billed a few minutes after it ends, once the tenant used tokens.
      </p>
    );
  }
  return (
    <>
      <p>
        {formatCount(billedTokens(records))} tokens billed in the last {records.length}{' '}
        {records.length === 1 ? 'billed hour' : 'billed hours'}.
      </p>
      <details>
        <summary>Show the billed hours</summary>
        <div className="table-wrap">
          <table aria-label="Billed hours">
            <thead>
              <tr>
                <th scope="col">Hour starting</th>
                <th scope="col">Tokens</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => {
                const state = recordState(record.state);
                return (
                  <tr key={record.hour}>
                    <td>{formatTime(record.hour)}</td>
                    <td>{formatCount(record.tokens)}</td>
                    <td title={state.hint}>
                      <span className={state.badge}>{state.label}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
