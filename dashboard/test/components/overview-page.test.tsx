import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from '../../src/pages/tenant/overview-page.tsx';
import { lmoError } from '../support/fake-api.ts';
import { renderPage } from '../support/render.tsx';
import { clipboardWrites } from '../support/setup.ts';
import type { TenantView } from '../../src/api/types.ts';
import { PLANS as PLANS_FIXTURE, tenantView as acme } from './tenant-view-fixture.ts';

const condition = (type: string, status: string, reason: string, message: string): unknown => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: '2026-11-01T10:00:00Z',
});

const READY_CONDITIONS = [
  condition('Ready', 'True', 'Reconciled', 'The tenant serves https://lmo.example.com/t/acme/mcp'),
  condition('NamespaceReady', 'True', 'NamespaceCreated', 'Namespace lmo-t-acme exists'),
  condition('RuntimeReady', 'True', 'DeploymentAvailable', '1/1 runtime replicas available'),
  condition('Suspended', 'False', 'Reconciled', 'The tenant is not suspended'),
  condition('Degraded', 'False', 'Reconciled', 'The spec is applied'),
];

function tenantView(status: unknown, limits: Record<string, number> = {}): TenantView {
  return acme({
    generation: 1,
    spec: {
      displayName: 'Acme Corp',
      model: { ...acme().spec.model, model: 'echo' },
      limits,
      promptTemplates: [],
    },
    status: status as TenantView['status'],
  });
}

const PLANS = { items: PLANS_FIXTURE.items.filter((plan) => plan.name === 'free') };

const point = (bucket: string, tokensIn: number, tokensOut: number, requests: number): unknown => ({
  bucket,
  tokensIn,
  tokensOut,
  requests,
  cached: 0,
  errors: 0,
  avgLatencyMs: 10,
  maxLatencyMs: 20,
});

function render(status: unknown, options: { limits?: Record<string, number>; usage?: unknown[] } = {}) {
  return renderPage(<OverviewPage />, {
    url: '/tenants/acme',
    path: '/tenants/:tenant',
    api: {
      'GET /v1/tenants/acme': { status: 200, body: tenantView(status, options.limits) },
      'GET /v1/billing/plans': { status: 200, body: PLANS },
      'GET /v1/tenants/acme/usage': {
        status: 200,
        body: { granularity: 'day', from: 'x', to: 'y', items: options.usage ?? [] },
      },
    },
  });
}

describe('the Overview page', () => {
  it('shows the endpoint with a copy button, the phase and every condition in words', async () => {
    render({
      phase: 'Ready',
      conditions: READY_CONDITIONS,
      endpoint: 'https://lmo.example.com/t/acme/mcp',
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Corp' })).toBeInTheDocument();
    expect(screen.getByLabelText('Endpoint URL')).toHaveTextContent('https://lmo.example.com/t/acme/mcp');
    // fireEvent, not userEvent: userEvent.setup() swaps the clipboard that the setup file records.
    fireEvent.click(screen.getByRole('button', { name: 'Copy endpoint URL' }));
    expect(await screen.findByRole('button', { name: 'Copy endpoint URL' })).toHaveTextContent('Copied');
    expect(clipboardWrites()).toContain('https://lmo.example.com/t/acme/mcp');
    const status = screen.getByRole('region', { name: /Status/ });
    expect(within(status).getByRole('heading', { name: 'Status Ready' })).toBeInTheDocument();
    expect(status).toHaveTextContent('Your endpoint is serving requests.');
    const items = within(screen.getByRole('list', { name: 'Conditions' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'Endpoint',
      'Isolated space',
      'Runtime',
      'Suspension',
      'Problems',
    ]);
    expect(items[0]).toHaveTextContent('Serving requests');
    expect(items[2]).toHaveTextContent('Running');
    expect(items[2]).toHaveTextContent('1/1 runtime replicas available');
    expect(items[3]).toHaveTextContent('Not suspended');
    expect(items[4]).toHaveTextContent('Nothing needs your attention.');
    expect(screen.getByRole('link', { name: 'Create an API key' })).toHaveAttribute(
      'href',
      '/tenants/acme/keys',
    );
    expect(screen.getByRole('link', { name: 'Connect your app' })).toHaveAttribute(
      'href',
      '/tenants/acme/connect',
    );
  });

  it('explains a Degraded tenant: the reason, the message and what to do', async () => {
    render({
      phase: 'Degraded',
      endpoint: 'https://lmo.example.com/t/acme/mcp',
      conditions: [
        condition('Ready', 'False', 'InvalidSpec', 'model.baseUrl is required for openai-compatible'),
        condition('NamespaceReady', 'True', 'NamespaceCreated', 'ok'),
        condition('RuntimeReady', 'False', 'DeploymentUnavailable', '0/1 runtime replicas available'),
        condition('Suspended', 'False', 'Reconciled', 'The tenant is not suspended'),
        condition('Degraded', 'True', 'InvalidSpec', 'model.baseUrl is required for openai-compatible'),
      ],
    });
    const status = await screen.findByRole('region', { name: /Status/ });
    expect(within(status).getByText('Degraded', { selector: '.badge' })).toHaveClass('badge-error');
    const problems = within(status).getAllByRole('listitem')[4]!;
    expect(problems).toHaveTextContent('Needs attention: InvalidSpec');
    expect(problems).toHaveTextContent('model.baseUrl is required for openai-compatible');
    expect(problems).toHaveTextContent('Model settings page');
    expect(within(status).getAllByRole('listitem')[2]).toHaveTextContent('Not available');
  });

  it('falls back to the endpoint on this site, saying so, before the platform reports one', async () => {
    render({});
    expect(await screen.findByLabelText('Endpoint URL')).toHaveTextContent(
      `${window.location.origin}/t/acme/mcp`,
    );
    expect(screen.getByText(/has not reported this tenant’s endpoint yet/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Status Pending' })).toBeInTheDocument();
    expect(screen.getAllByText('Not known yet')).toHaveLength(5);
  });

  it("shows this month's tokens against the plan's limit and the rate limit", async () => {
    const { api } = render(
      { phase: 'Ready', conditions: READY_CONDITIONS },
      {
        usage: [
          point('2026-11-01T00:00:00.000Z', 10_000, 15_000, 40),
          point('2026-11-02T00:00:00.000Z', 5_000, 20_000, 10),
        ],
      },
    );
    const meter = await screen.findByRole('progressbar', { name: 'Tokens used this month' });
    expect(meter).toHaveAttribute('value', '50000');
    expect(meter).toHaveAttribute('max', '100000');
    const card = screen.getByRole('region', { name: 'Plan and usage this month' });
    expect(card).toHaveTextContent('50,000 of 100,000 tokens used this month (50%)');
    expect(card).toHaveTextContent('50 requests this month');
    expect(card).toHaveTextContent('60 requests per minute across all keys (the plan’s)');
    expect(card).toHaveTextContent('Plan: Free');
    const usage = api.requests.find((r) => r.path === '/v1/tenants/acme/usage');
    const query = new URLSearchParams(usage?.search);
    const now = new Date();
    expect(query.get('from')).toBe(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
    );
    expect(query.get('granularity')).toBe('day');
  });

  it("uses the tenant's own limits and warns near the quota", async () => {
    render(
      { phase: 'Ready', conditions: READY_CONDITIONS },
      {
        limits: { tokensPerMonth: 1000, requestsPerMinute: 5 },
        usage: [point('2026-11-01T00:00:00.000Z', 400, 500, 3)],
      },
    );
    const card = await screen.findByRole('region', { name: 'Plan and usage this month' });
    await waitFor(() => {
      expect(card).toHaveTextContent(
        '900 of 1,000 tokens used this month (90%), a limit set for this tenant',
      );
    });
    expect(card).toHaveTextContent('5 requests per minute across all keys (set for this tenant)');
    expect(card).toHaveTextContent('90% of this month’s tokens used.');
  });

  it('says in words when the usage or the tenant cannot be loaded', async () => {
    const { api } = render({ phase: 'Ready', conditions: READY_CONDITIONS });
    api.on('GET /v1/tenants/acme/usage', { status: 500, body: lmoError('LMO_INTERNAL', 'Database down') });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this month’s usage');
    expect(alert).toHaveTextContent('Database down (LMO_INTERNAL)');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('explains a tenant that does not exist', async () => {
    renderPage(<OverviewPage />, {
      url: '/tenants/nope',
      path: '/tenants/:tenant',
      api: { 'GET /v1/tenants/nope': { status: 404, body: lmoError('LMO_NOT_FOUND', 'No tenant nope') } },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the tenant');
    expect(alert).toHaveTextContent('you are not a member of this tenant');
  });
});
