import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { AdminPage } from '../../src/pages/admin/admin-page.tsx';
import { lmoError, type FakeAnswer, type RecordedRequest } from '../support/fake-api.ts';
import { ME_OWNER, renderPage } from '../support/render.tsx';

const ME_ADMIN = { ...ME_OWNER, user: { ...ME_OWNER.user, isPlatformAdmin: true }, tenants: [] };

const tenant = (
  name: string,
  extra: { plan?: string; suspended?: boolean; phase?: string; limits?: object } = {},
): unknown => ({
  name,
  access: 'admin',
  createdAt: '2026-11-01T10:00:00.000Z',
  generation: 1,
  spec: {
    displayName: `${name[0]!.toUpperCase()}${name.slice(1)} Inc.`,
    plan: extra.plan ?? 'free',
    limits: extra.limits ?? {},
    suspended: extra.suspended ?? false,
  },
  status: extra.phase === undefined ? {} : { phase: extra.phase },
});

const TENANTS = {
  items: [
    tenant('acme', { plan: 'pro', phase: 'Ready' }),
    tenant('beta', { phase: 'Suspended', suspended: true }),
    tenant('gamma', { phase: 'Provisioning' }),
  ],
};

const monthUsage = (tokens: number): unknown => ({
  granularity: 'day',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  items: [
    {
      bucket: '2026-11-02T00:00:00.000Z',
      tokensIn: tokens,
      tokensOut: 0,
      requests: 1,
      cached: 0,
      errors: 0,
      avgLatencyMs: 1,
      maxLatencyMs: 1,
    },
  ],
});

const RECONCILIATION = {
  hour: '2026-11-22T13:00:00.000Z',
  items: [
    { tenant: 'acme', meteredTokens: 1_000, analyticsTokens: 1_000, difference: 0, state: 'reported' },
    { tenant: 'beta', meteredTokens: 620, analyticsTokens: 500, difference: 120, state: 'local' },
  ],
};

function routes(extra: Record<string, FakeAnswer> = {}): Record<string, FakeAnswer> {
  return {
    'GET /v1/me': { status: 200, body: ME_ADMIN },
    'GET /v1/tenants': { status: 200, body: TENANTS },
    'GET /v1/tenants/acme/usage': { status: 200, body: monthUsage(1_000_000) },
    'GET /v1/tenants/beta/usage': { status: 200, body: monthUsage(95_000) },
    'GET /v1/tenants/gamma/usage': {
      status: 503,
      body: lmoError('LMO_DEPENDENCY_UNAVAILABLE', 'No database'),
    },
    'GET /v1/admin/billing/reconciliation': { status: 200, body: RECONCILIATION },
    ...extra,
  };
}

const render = (extra: Record<string, FakeAnswer> = {}) =>
  renderPage(<AdminPage />, { url: '/admin', path: '/admin', api: routes(extra) });

const calls = (requests: RecordedRequest[], method: string, path: string): RecordedRequest[] =>
  requests.filter((r) => r.method === method && r.path === path);

const rowOf = (table: HTMLElement, name: string): HTMLElement => {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent.startsWith(name) === true);
  if (row === undefined) throw new Error(`No row for ${name}`);
  return row;
};

describe('the admin page', () => {
  it('lists every tenant with its phase, plan and this month’s tokens', async () => {
    const { api } = render();
    expect(screen.getByRole('heading', { level: 1, name: 'All tenants' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Tenants' });
    expect(new URLSearchParams(calls(api.requests, 'GET', '/v1/tenants')[0]?.search).get('all')).toBe('true');
    const acme = rowOf(table, 'acme');
    expect(within(acme).getByText('Ready')).toHaveClass('badge-ok');
    expect(acme).toHaveTextContent('Acme Inc.');
    expect(acme).toHaveTextContent('pro');
    await waitFor(() => {
      expect(acme).toHaveTextContent('1M of 5M');
    });
    const beta = rowOf(table, 'beta');
    expect(within(beta).getByText('Suspended')).toHaveClass('badge-error');
    await waitFor(() => {
      expect(within(beta).getByText('95%')).toHaveClass('badge-warn');
    });
    expect(within(beta).getByRole('button', { name: 'Resume beta' })).toBeInTheDocument();
    const gamma = rowOf(table, 'gamma');
    expect(within(gamma).getByText('Provisioning')).toHaveClass('badge-warn');
    await waitFor(() => {
      expect(gamma).toHaveTextContent('Not available');
    });
    const usage = new URLSearchParams(calls(api.requests, 'GET', '/v1/tenants/acme/usage')[0]?.search);
    expect(usage.get('granularity')).toBe('day');
    expect(usage.get('from')).toMatch(/-01T00:00:00\.000Z$/);
  });

  it('filters tenants and reconciliation lines by name', async () => {
    render();
    const table = await screen.findByRole('table', { name: 'Tenants' });
    await screen.findByRole('table', { name: 'Billing reconciliation' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Filter by name'), 'BET');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 of 3 tenants.')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Billing reconciliation' })).getAllByRole('row'),
    ).toHaveLength(2);
    await user.clear(screen.getByLabelText('Filter by name'));
    await user.type(screen.getByLabelText('Filter by name'), 'Gamma Inc');
    expect(within(screen.getByRole('table', { name: 'Tenants' })).getAllByRole('row')).toHaveLength(2);
    await user.clear(screen.getByLabelText('Filter by name'));
    await user.type(screen.getByLabelText('Filter by name'), 'zeta');
    expect(screen.getByText('No tenant name contains “zeta”.')).toBeInTheDocument();
  });

  it('suspends a tenant only after a confirmation', async () => {
    const { api } = render({
      'POST /v1/tenants/acme/suspend': { status: 200, body: tenant('acme', { suspended: true }) },
    });
    const table = await screen.findByRole('table', { name: 'Tenants' });
    const reads = calls(api.requests, 'GET', '/v1/tenants').length;
    const user = userEvent.setup();
    await user.click(within(rowOf(table, 'acme')).getByRole('button', { name: 'Suspend acme' }));
    const confirm = screen.getByRole('group', { name: 'Confirm: Suspend acme' });
    expect(confirm).toHaveTextContent('Apps using acme get errors until it is resumed. Are you sure?');
    expect(calls(api.requests, 'POST', '/v1/tenants/acme/suspend')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Yes, suspend' }));
    await waitFor(() => {
      expect(calls(api.requests, 'POST', '/v1/tenants/acme/suspend')).toHaveLength(1);
    });
    expect(calls(api.requests, 'POST', '/v1/tenants/acme/suspend')[0]?.headers.get('x-csrf-token')).toBe(
      'csrf-token-1',
    );
    await waitFor(() => {
      expect(calls(api.requests, 'GET', '/v1/tenants').length).toBeGreaterThan(reads);
    });
  });

  it('resumes a suspended tenant and says why when it cannot', async () => {
    const { api } = render({
      'POST /v1/tenants/beta/resume': {
        status: 503,
        body: lmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The cluster is unavailable'),
      },
    });
    const table = await screen.findByRole('table', { name: 'Tenants' });
    await userEvent.setup().click(within(rowOf(table, 'beta')).getByRole('button', { name: 'Resume beta' }));
    const alert = await within(rowOf(table, 'beta')).findByRole('alert');
    expect(alert).toHaveTextContent('Could not resume beta');
    expect(alert).toHaveTextContent('The cluster is unavailable (LMO_DEPENDENCY_UNAVAILABLE)');
    expect(calls(api.requests, 'POST', '/v1/tenants/beta/resume')).toHaveLength(1);
  });

  it('says when there are no tenants', async () => {
    render({ 'GET /v1/tenants': { status: 200, body: { items: [] } } });
    expect(
      await screen.findByText('No tenants yet. People create them when they sign up.'),
    ).toBeInTheDocument();
  });
});

describe('the billing reconciliation', () => {
  it('shows the last closed hour, differences first and highlighted', async () => {
    const { api } = render();
    const table = await screen.findByRole('table', { name: 'Billing reconciliation' });
    expect(calls(api.requests, 'GET', '/v1/admin/billing/reconciliation')[0]?.search).toBe('');
    expect(
      screen.getByText(/Hour starting 22 Nov 2026, 13:00 UTC: 1 of 2 tenants differs\./),
    ).toBeInTheDocument();
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('beta620500+120local');
    expect(first).toHaveClass('row-differs');
    expect(within(first!).getByText('+120')).toHaveClass('badge-warn');
    expect(second).toHaveTextContent('acme1,0001,0000reported');
    expect(second).not.toHaveClass('row-differs');
    expect(screen.getByLabelText('Hour (UTC)')).toHaveValue('2026-11-22T13:00');
    expect(screen.getByRole('button', { name: 'Later hour' })).toBeDisabled();
  });

  it('moves to an earlier or a chosen hour', async () => {
    const { api } = render({
      'GET /v1/admin/billing/reconciliation': (r) => {
        const hour = new URLSearchParams(r.search).get('hour');
        return { status: 200, body: { ...RECONCILIATION, hour: hour ?? RECONCILIATION.hour } };
      },
    });
    await screen.findByRole('table', { name: 'Billing reconciliation' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Earlier hour' }));
    await screen.findByText(/Hour starting 22 Nov 2026, 12:00 UTC/);
    const last = (): string | null =>
      new URLSearchParams(calls(api.requests, 'GET', '/v1/admin/billing/reconciliation').at(-1)?.search).get(
        'hour',
      );
    expect(last()).toBe('2026-11-22T12:00:00.000Z');
    expect(screen.getByRole('button', { name: 'Later hour' })).toBeEnabled();

    const input = screen.getByLabelText('Hour (UTC)');
    await user.clear(input);
    await user.type(input, '2026-10-05T07:30');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByText(/Hour starting 5 Oct 2026, 07:00 UTC/);
    expect(last()).toBe('2026-10-05T07:00:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Last closed hour' }));
    await screen.findByText(/Hour starting 22 Nov 2026, 13:00 UTC/);
    expect(last()).toBeNull();
  });

  it('says when no tenant used tokens in the hour, and shows refusals in words', async () => {
    render({
      'GET /v1/admin/billing/reconciliation': { status: 200, body: { hour: RECONCILIATION.hour, items: [] } },
    });
    expect(
      await screen.findByText(/No tenant used or billed tokens in the hour starting/),
    ).toBeInTheDocument();
  });

  it('shows a refusal in words', async () => {
    render({
      'GET /v1/admin/billing/reconciliation': {
        status: 403,
        body: lmoError('LMO_FORBIDDEN', 'This is for platform admins'),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the reconciliation');
    expect(alert).toHaveTextContent('This is for platform admins (LMO_FORBIDDEN)');
  });
});
