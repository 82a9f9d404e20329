import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { BillingPage } from '../../src/pages/tenant/billing-page.tsx';
import { lmoError, type FakeAnswer, type RecordedRequest } from '../support/fake-api.ts';
import { ME_OWNER, renderPage } from '../support/render.tsx';
import type { TenantView } from '../../src/api/types.ts';
import { PLANS, tenantView as acme } from './tenant-view-fixture.ts';

const PATH = '/tenants/:tenant/billing';
const URL = '/tenants/acme/billing';

const tenantView = (
  plan: TenantView['spec']['plan'],
  access: TenantView['access'] = 'owner',
  limits: TenantView['spec']['limits'] = {},
): TenantView => acme({ access, spec: { plan, limits }, status: { phase: 'Ready' } });

const billing = (plan: string, extra: Record<string, unknown> = {}): unknown => ({
  plan,
  stripeCustomerId: 'cus_123',
  subscriptionStatus: 'active',
  currentPeriodEnd: '2026-12-01T00:00:00.000Z',
  records: [
    { hour: '2026-11-22T10:00:00.000Z', tokens: 1200, state: 'reported', identifier: 'a' },
    { hour: '2026-11-22T09:00:00.000Z', tokens: 300, state: 'pending', identifier: 'b' },
  ],
  ...extra,
});

const INVOICES = {
  items: [
    {
      id: 'in_1',
      number: 'ACME-0001',
      status: 'paid',
      currency: 'usd',
      amountDue: 5_400,
      amountPaid: 5_400,
      periodStart: '2026-10-01T00:00:00.000Z',
      periodEnd: '2026-11-01T00:00:00.000Z',
      created: '2026-11-01T01:00:00.000Z',
      hostedInvoiceUrl: 'https://invoice.stripe.com/i/acct_1/in_1',
      invoicePdf: 'https://pay.stripe.com/invoice/acct_1/in_1/pdf',
    },
  ],
};

const usage = (tokens: number): unknown => ({
  granularity: 'day',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  items: [
    {
      bucket: '2026-11-21T00:00:00.000Z',
      tokensIn: tokens / 2,
      tokensOut: tokens / 2,
      requests: 10,
      cached: 0,
      errors: 0,
      avgLatencyMs: 100,
      maxLatencyMs: 200,
    },
  ],
});

function routes(extra: Record<string, FakeAnswer> = {}): Record<string, FakeAnswer> {
  return {
    'GET /v1/tenants/acme': { status: 200, body: tenantView('pro') },
    'GET /v1/billing/plans': { status: 200, body: PLANS },
    'GET /v1/tenants/acme/billing': { status: 200, body: billing('pro') },
    'GET /v1/tenants/acme/usage': { status: 200, body: usage(2_500_000) },
    'GET /v1/tenants/acme/invoices': { status: 200, body: INVOICES },
    ...extra,
  };
}

const count = (requests: RecordedRequest[], method: string, path: string): number =>
  requests.filter((r) => r.method === method && r.path === path).length;

describe('the Billing page', () => {
  it('shows the plan, subscription, this month’s tokens and their metered cost', async () => {
    const { api } = renderPage(<BillingPage />, { url: URL, path: PATH, api: routes() });
    expect(screen.getByRole('heading', { level: 1, name: 'Billing' })).toBeInTheDocument();
    const plan = await screen.findByRole('region', { name: 'Plan' });
    expect(plan).toHaveTextContent('Pro');
    await waitFor(() => {
      expect(plan).toHaveTextContent('$49.00 a month; $2.00 per million tokens.');
    });
    expect(screen.getByRole('region', { name: 'Subscription' })).toHaveTextContent('Active');
    const tokens = screen.getByRole('region', { name: 'Tokens this month' });
    await waitFor(() => {
      expect(tokens).toHaveTextContent('2,500,000');
    });
    expect(tokens).toHaveTextContent('50% of 5,000,000 a month');
    expect(within(tokens).getByRole('progressbar')).toHaveAttribute('value', '2500000');
    expect(screen.getByRole('region', { name: 'Metered so far' })).toHaveTextContent('$5.00');
    expect(screen.getByText('1,500 tokens billed in the last 2 billed hours.')).toBeInTheDocument();
    const hours = within(screen.getByRole('table', { name: 'Billed hours' })).getAllByRole('row');
    expect(hours[1]).toHaveTextContent('Sent to Stripe');
    expect(hours[2]).toHaveTextContent('Sending');

    const asked = api.requests.find((r) => r.path === '/v1/tenants/acme/usage');
    const query = new URLSearchParams(asked?.search);
    expect(query.get('granularity')).toBe('day');
    expect(query.get('from')).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
  });

  it('counts the tenant’s own lower token limit', async () => {
    renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'GET /v1/tenants/acme': {
          status: 200,
          body: tenantView('pro', 'owner', { tokensPerMonth: 2_500_000 }),
        },
      }),
    });
    const tokens = await screen.findByRole('region', { name: 'Tokens this month' });
    await waitFor(() => {
      expect(tokens).toHaveTextContent('100% of 2,500,000 a month');
    });
  });

  it('lists invoices with links to Stripe that open in a new tab', async () => {
    renderPage(<BillingPage />, { url: URL, path: PATH, api: routes() });
    const table = await screen.findByRole('table', { name: 'Invoices' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('ACME-0001');
    expect(row).toHaveTextContent('paid');
    expect(row).toHaveTextContent('$54.00');
    const view = within(row).getByRole('link', {
      name: 'View invoice ACME-0001 on Stripe (opens in a new tab)',
    });
    expect(view).toHaveAttribute('href', 'https://invoice.stripe.com/i/acct_1/in_1');
    expect(view).toHaveAttribute('target', '_blank');
    expect(view).toHaveAttribute('rel', 'noopener noreferrer');
    const pdf = within(row).getByRole('link', { name: /as PDF/ });
    expect(pdf).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('explains that a platform without Stripe has no invoices', async () => {
    renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'GET /v1/tenants/acme/billing': {
          status: 200,
          body: billing('free', {
            stripeCustomerId: null,
            subscriptionStatus: null,
            currentPeriodEnd: null,
            records: [{ hour: '2026-11-22T10:00:00.000Z', tokens: 10, state: 'local', identifier: 'c' }],
          }),
        },
        'GET /v1/tenants/acme/invoices': {
          status: 503,
          body: lmoError('LMO_DEPENDENCY_UNAVAILABLE', 'Billing with Stripe is not configured', {
            dependency: 'stripe',
          }),
        },
      }),
    });
    expect(await screen.findByText('No invoices on this platform')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Subscription' })).toHaveTextContent('None');
    expect(screen.getByRole('table', { name: 'Billed hours' })).toHaveTextContent('Recorded');
  });

  it('tells members that invoices and plan changes are for owners', async () => {
    const { api } = renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'GET /v1/me': { status: 200, body: { ...ME_OWNER, tenants: [{ name: 'acme', role: 'member' }] } },
        'GET /v1/tenants/acme': { status: 200, body: tenantView('pro', 'member') },
      }),
    });
    expect(
      await screen.findByText('Only owners of acme can see its invoices. Ask one of them.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Only owners of acme can change its plan. Ask one of them.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /to Enterprise/ })).not.toBeInTheDocument();
    expect(count(api.requests, 'GET', '/v1/tenants/acme/invoices')).toBe(0);
  });

  it('shows a failure to load in words', async () => {
    renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'GET /v1/tenants/acme/billing': { status: 404, body: lmoError('LMO_NOT_FOUND', 'No tenant acme') },
      }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load billing');
    expect(alert).toHaveTextContent('No tenant acme (LMO_NOT_FOUND)');
  });
});

describe('changing the plan', () => {
  it('lists the plans and changes the plan after a confirmation', async () => {
    const { api } = renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'GET /v1/tenants/acme': { status: 200, body: tenantView('free') },
        'GET /v1/tenants/acme/billing': { status: 200, body: billing('free') },
        'PATCH /v1/tenants/acme': { status: 200, body: tenantView('pro') },
      }),
    });
    const plans = await screen.findByRole('list', { name: 'Plans' });
    const pro = within(plans).getByRole('listitem', { name: 'Pro' });
    expect(pro).toHaveTextContent('$49.00 a month');
    expect(pro).toHaveTextContent('$2.00 per million tokens');
    expect(pro).toHaveTextContent('5M tokens a month');
    expect(pro).toHaveTextContent('600 requests a minute');
    expect(within(plans).getByRole('listitem', { name: 'Free' })).toHaveTextContent('Current plan');

    const user = userEvent.setup();
    await user.click(await within(pro).findByRole('button', { name: 'Upgrade to Pro' }));
    const confirm = screen.getByRole('group', { name: 'Confirm the Pro plan' });
    expect(confirm).toHaveTextContent('Move acme to Pro?');
    expect(count(api.requests, 'PATCH', '/v1/tenants/acme')).toBe(0);
    const billingReads = count(api.requests, 'GET', '/v1/tenants/acme/billing');
    await user.click(within(confirm).getByRole('button', { name: 'Yes, move to Pro' }));
    expect(await screen.findByRole('status')).toHaveTextContent('acme is now on Pro.');
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ plan: 'pro' });
    expect(api.requests.find((r) => r.method === 'PATCH')?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    await waitFor(() => {
      expect(count(api.requests, 'GET', '/v1/tenants/acme/billing')).toBeGreaterThan(billingReads);
    });
  });

  it('does nothing when the change is cancelled', async () => {
    const { api } = renderPage(<BillingPage />, { url: URL, path: PATH, api: routes() });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Downgrade to Free' }));
    const confirm = screen.getByRole('group', { name: 'Confirm the Free plan' });
    expect(confirm).toHaveTextContent('Calls over the lower limits will be refused.');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm the Free plan' })).not.toBeInTheDocument();
    expect(count(api.requests, 'PATCH', '/v1/tenants/acme')).toBe(0);
  });

  it('explains when the API keeps plan changes to platform admins', async () => {
    renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'PATCH /v1/tenants/acme': {
          status: 403,
          body: lmoError('LMO_FORBIDDEN', 'Only platform admins may change /plan', { fields: ['/plan'] }),
        },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Upgrade to Enterprise' }));
    await user.click(screen.getByRole('button', { name: 'Yes, move to Enterprise' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The plan was not changed');
    expect(alert).toHaveTextContent('Only platform admins may change /plan (LMO_FORBIDDEN)');
    expect(alert).toHaveTextContent('a platform admin changes plans');
  });

  it('lists the settings that stand in the way of a smaller plan', async () => {
    renderPage(<BillingPage />, {
      url: URL,
      path: PATH,
      api: routes({
        'PATCH /v1/tenants/acme': {
          status: 400,
          body: lmoError('LMO_VALIDATION_FAILED', 'Tenant settings are not valid', {
            issues: [{ path: '/runtime/replicas', message: 'must be <= 1 on the free plan' }],
          }),
        },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Downgrade to Free' }));
    await user.click(screen.getByRole('button', { name: 'Yes, move to Free' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('/runtime/replicas must be <= 1 on the free plan');
    expect(alert).toHaveTextContent('Lower those on the Model settings page first');
  });
});
