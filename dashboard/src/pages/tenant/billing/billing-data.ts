/** The Billing page's pure helpers: plan names and prices, subscription and invoice states, costs. */
import type { Ok } from '../../../api/types.ts';
import { formatCompact, formatCount, formatMoney } from '../../../format/format.ts';

/** A plan as `GET /v1/billing/plans` lists it. */
export type Plan = Ok<'/v1/billing/plans', 'get'>['items'][number];
/** A tenant's billing as `GET /v1/tenants/{tenant}/billing` answers it. */
export type Billing = Ok<'/v1/tenants/{tenant}/billing', 'get'>;
/** One billed hour. */
export type BillingRecord = Billing['records'][number];
/** An invoice from Stripe. */
export type Invoice = Ok<'/v1/tenants/{tenant}/invoices', 'get'>['items'][number];

/** `pro` → `Pro`. */
export const planTitle = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** `$49.00 a month`, or `Free`. */
export const monthlyPrice = (plan: Plan): string =>
  plan.monthlyPriceCents === 0 ? 'No monthly fee' : `${formatMoney(plan.monthlyPriceCents)} a month`;

/** `$2.00 per million tokens`, or that tokens are included. */
export const meteredPrice = (plan: Plan): string =>
  plan.meteredCentsPerMillionTokens === 0
    ? 'Tokens included, up to the limit'
    : `${formatMoney(plan.meteredCentsPerMillionTokens)} per million tokens`;

/** The limits of a plan, one line each. */
export function planLimits(plan: Plan): string[] {
  return [
    `${formatCompact(plan.tokensPerMonth)} tokens a month`,
    `${formatCount(plan.requestsPerMinute)} requests a minute`,
    `Up to ${plan.maxReplicas} runtime ${plan.maxReplicas === 1 ? 'replica' : 'replicas'}`,
    `${plan.cpu} CPU, ${plan.memory} memory`,
  ];
}

/** What `tokens` cost at the plan's metered price, in US cents (whole cents, as the API rounds). */
export const meteredCost = (plan: Plan, tokens: number): number =>
  Math.round((plan.meteredCentsPerMillionTokens * tokens) / 1_000_000);

/** Whether moving from `current` to `next` costs more, less, or the same each month. */
export function planMove(current: Plan | undefined, next: Plan): 'Upgrade' | 'Downgrade' | 'Switch' {
  if (current === undefined || current.monthlyPriceCents === next.monthlyPriceCents) return 'Switch';
  return next.monthlyPriceCents > current.monthlyPriceCents ? 'Upgrade' : 'Downgrade';
}

/** A state shown as a badge, with a sentence saying what it means. */
export interface StateView {
  readonly label: string;
  readonly badge: string;
  readonly hint: string;
}

const SUBSCRIPTIONS: Readonly<Record<string, StateView>> = {
  active: { label: 'Active', badge: 'badge badge-ok', hint: 'Paid through Stripe.' },
  trialing: { label: 'Trial', badge: 'badge badge-ok', hint: 'In its trial period.' },
  past_due: {
    label: 'Payment overdue',
    badge: 'badge badge-warn',
    hint: 'Stripe could not take the last payment. Pay the open invoice to keep the plan.',
  },
  unpaid: {
    label: 'Unpaid',
    badge: 'badge badge-error',
    hint: 'Payments failed. Pay the open invoice to keep the plan.',
  },
  incomplete: {
    label: 'Incomplete',
    badge: 'badge badge-warn',
    hint: 'The first payment is not done yet.',
  },
  canceled: { label: 'Canceled', badge: 'badge', hint: 'The subscription ended; the tenant is on Free.' },
};

/** How a Stripe subscription status reads; no subscription at all when null. */
export function subscriptionView(status: string | null): StateView {
  if (status === null) {
    return { label: 'None', badge: 'badge', hint: 'This tenant has no Stripe subscription.' };
  }
  return SUBSCRIPTIONS[status] ?? { label: status, badge: 'badge', hint: 'As Stripe reports it.' };
}

const INVOICE_BADGES: Readonly<Record<string, string>> = {
  paid: 'badge badge-ok',
  open: 'badge badge-warn',
  uncollectible: 'badge badge-error',
};

/** The badge class of an invoice status. */
export const invoiceBadge = (status: string | null): string =>
  (status === null ? undefined : INVOICE_BADGES[status]) ?? 'badge';

const RECORD_STATES: Readonly<Record<BillingRecord['state'], StateView>> = {
  reported: {
    label: 'Sent to Stripe',
    badge: 'badge badge-ok',
    hint: 'Stripe counts it on the next invoice.',
  },
  pending: {
    label: 'Sending',
    badge: 'badge badge-warn',
    hint: 'Being sent to Stripe; it is sent again until Stripe confirms.',
  },
  local: {
    label: 'Recorded',
    badge: 'badge',
    hint: 'Recorded here; this platform does not bill through Stripe.',
  },
};

/** How a billing record's state reads. */
export const recordState = (state: BillingRecord['state']): StateView => RECORD_STATES[state];

/** Tokens of some billed hours. */
export const billedTokens = (records: readonly BillingRecord[]): number =>
  records.reduce((sum, record) => sum + record.tokens, 0);

/** The first instant of the next UTC month, when the monthly token count starts again. */
export const nextMonthStart = (now: Date): Date =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
