import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { UsagePage } from '../../src/pages/tenant/usage-page.tsx';
import { lmoError, type FakeAnswer, type RecordedRequest } from '../support/fake-api.ts';
import { renderPage } from '../support/render.tsx';

const PATH = '/tenants/:tenant/usage';
const DAY = 86_400_000;
/** Charts take a while to draw in jsdom, more so on a busy machine. */
const CHARTS_TIMEOUT = 20_000;

const point = (bucket: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  bucket,
  tokensIn: 1000,
  tokensOut: 500,
  requests: 10,
  cached: 5,
  errors: 1,
  avgLatencyMs: 200,
  maxLatencyMs: 900,
  ...extra,
});

const DAYS = {
  granularity: 'day',
  from: '2026-11-20T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  items: [
    point('2026-11-20T00:00:00.000Z'),
    point('2026-11-22T00:00:00.000Z', { requests: 30, cached: 5, errors: 1, maxLatencyMs: 1500 }),
  ],
};

const BY_MODEL = {
  ...DAYS,
  items: [
    point('2026-11-20T00:00:00.000Z', { model: 'gpt-4.1-mini' }),
    point('2026-11-21T00:00:00.000Z', { model: 'claude-sonnet' }),
    point('2026-11-22T00:00:00.000Z', { model: 'gpt-4.1-mini' }),
  ],
};

const request = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  requestId: id,
  keyId: 'abcdefghijkl',
  model: 'gpt-4.1-mini',
  provider: 'openai',
  status: 'ok',
  errorCode: null,
  tokensIn: 12,
  tokensOut: 34,
  cached: false,
  latencyMs: 321,
  transport: 'streamable-http',
  tool: null,
  time: '2026-11-22T10:00:00.000Z',
  ...extra,
});

const KEYS = {
  items: [
    {
      id: 'abcdefghijkl',
      name: 'ci',
      prefix: 'lmo_abcdefghijkl',
      createdAt: '2026-11-01T00:00:00Z',
      lastUsedAt: null,
    },
  ],
};

/** No usage: no charts to draw, for tests about the log. */
const NO_USAGE: Record<string, FakeAnswer> = {
  'GET /v1/tenants/acme/usage': { status: 200, body: { ...DAYS, items: [] } },
};

function routes(extra: Record<string, FakeAnswer> = {}): Record<string, FakeAnswer> {
  return {
    'GET /v1/tenants/acme/usage': { status: 200, body: DAYS },
    'GET /v1/tenants/acme/requests': { status: 200, body: { items: [request('r1')] } },
    'GET /v1/tenants/acme/api-keys': { status: 200, body: KEYS },
    ...extra,
  };
}

const calls = (requests: RecordedRequest[], path: string): URLSearchParams[] =>
  requests.filter((r) => r.path === path).map((r) => new URLSearchParams(r.search));
const lastCall = (requests: RecordedRequest[], path: string): URLSearchParams =>
  calls(requests, path).at(-1) ?? new URLSearchParams();

const chart = (name: string): HTMLElement => screen.getByRole('figure', { name });
const texts = (element: Element, selector: string): string[] =>
  [...element.querySelectorAll(selector)].map((e) => e.textContent);

describe('the Usage page', () => {
  it(
    'shows the range totals and charts of every bucket',
    async () => {
      const { api } = renderPage(<UsagePage />, {
        url: '/tenants/acme/usage?range=7d',
        path: PATH,
        api: routes(),
      });
      expect(screen.getByRole('heading', { level: 1, name: 'Usage' })).toBeInTheDocument();
      const requests = await screen.findByRole('region', { name: 'Requests' });
      expect(requests).toHaveTextContent('40');
      expect(requests).toHaveTextContent('2 failed');
      expect(screen.getByRole('region', { name: 'Tokens in' })).toHaveTextContent('2,000');
      expect(screen.getByRole('region', { name: 'Tokens out' })).toHaveTextContent('1,000');
      expect(screen.getByRole('region', { name: 'Cache hit rate' })).toHaveTextContent('25%');
      expect(screen.getByRole('region', { name: 'Average latency' })).toHaveTextContent('slowest 1.50 s');

      // Three day buckets on the axis, the empty one included; bars for the two days with requests.
      const bars = chart('Requests');
      const ticks = texts(bars, '.recharts-cartesian-axis-tick-value');
      expect(ticks.filter((tick) => tick.endsWith('Nov'))).toEqual(['20 Nov', '21 Nov', '22 Nov']);
      expect(bars.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(4);
      expect(texts(bars, '.recharts-legend-item-text')).toEqual(['Succeeded', 'Failed']);
      expect(texts(chart('Tokens'), '.recharts-legend-item-text')).toEqual(['Tokens in', 'Tokens out']);
      // Lines have a point where there were requests, and a gap (not a false zero) where there were none.
      expect(chart('Cache hit rate').querySelectorAll('.recharts-line-dot')).toHaveLength(2);
      expect(texts(chart('Latency'), '.recharts-legend-item-text')).toEqual(['Average', 'Maximum']);

      const asked = lastCall(api.requests, '/v1/tenants/acme/usage');
      expect(asked.get('granularity')).toBe('day');
      expect(asked.has('groupBy')).toBe(false);
      expect(Date.parse(asked.get('to') ?? '') - Date.parse(asked.get('from') ?? '')).toBe(7 * DAY);
    },
    CHARTS_TIMEOUT,
  );

  it(
    'splits the charts per model or key, as the URL or the picker says',
    async () => {
      const { api } = renderPage(<UsagePage />, {
        url: '/tenants/acme/usage?range=30d&groupBy=model',
        path: PATH,
        api: routes({
          'GET /v1/tenants/acme/usage': (r) => ({
            status: 200,
            body:
              new URLSearchParams(r.search).get('groupBy') === 'key'
                ? { ...DAYS, items: [point(DAYS.from, { keyId: 'abcdefghijkl' })] }
                : BY_MODEL,
          }),
        }),
      });
      await screen.findByRole('figure', { name: 'Requests' });
      expect(lastCall(api.requests, '/v1/tenants/acme/usage').get('groupBy')).toBe('model');
      expect(screen.getByLabelText('Split by')).toHaveValue('model');
      // gpt-4.1-mini has more requests, so it comes first; one bar per model and day with requests.
      expect(texts(chart('Requests'), '.recharts-legend-item-text')).toEqual([
        'gpt-4.1-mini',
        'claude-sonnet',
      ]);
      expect(chart('Requests').querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
      expect(texts(chart('Average latency'), '.recharts-legend-item-text')).toEqual([
        'gpt-4.1-mini',
        'claude-sonnet',
      ]);

      await userEvent.setup().selectOptions(screen.getByLabelText('Split by'), 'API key');
      await waitFor(() => {
        expect(texts(chart('Requests'), '.recharts-legend-item-text')).toEqual(['ci']);
      });
      expect(lastCall(api.requests, '/v1/tenants/acme/usage').get('groupBy')).toBe('key');
    },
    CHARTS_TIMEOUT,
  );

  it('asks for hours when the range or bucket size changes', async () => {
    // Without usage the page draws no charts: this test is about what it asks for.
    const { api } = renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes({ 'GET /v1/tenants/acme/usage': { status: 200, body: { ...DAYS, items: [] } } }),
    });
    await screen.findByText(/No usage in this range yet/);
    const first = lastCall(api.requests, '/v1/tenants/acme/usage');
    expect(first.get('granularity')).toBe('hour');
    expect(Date.parse(first.get('to') ?? '') - Date.parse(first.get('from') ?? '')).toBe(DAY);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Range'), 'Last 30 days');
    await waitFor(() => {
      expect(lastCall(api.requests, '/v1/tenants/acme/usage').get('granularity')).toBe('day');
    });
    await user.selectOptions(screen.getByLabelText('Per'), 'Hour');
    await waitFor(() => {
      const asked = lastCall(api.requests, '/v1/tenants/acme/usage');
      expect(asked.get('granularity')).toBe('hour');
      expect(Date.parse(asked.get('to') ?? '') - Date.parse(asked.get('from') ?? '')).toBe(30 * DAY);
    });
  });

  it('reads custom dates from the URL and explains a range that cannot be shown', async () => {
    const { api } = renderPage(<UsagePage />, {
      url: '/tenants/acme/usage?range=custom&from=2026-01-01&to=2026-12-31&granularity=hour',
      path: PATH,
      api: routes({ 'GET /v1/tenants/acme/usage': { status: 200, body: { ...DAYS, items: [] } } }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That is 8,760 hours; the most shown at once is 1,000. Choose "Day" or a shorter range.',
    );
    expect(calls(api.requests, '/v1/tenants/acme/usage')).toHaveLength(0);
    await userEvent.setup().selectOptions(screen.getByLabelText('Per'), 'Day (UTC)');
    await screen.findByText(/No usage in this range yet/);
    const asked = lastCall(api.requests, '/v1/tenants/acme/usage');
    expect(asked.get('from')).toBe('2026-01-01T00:00:00.000Z');
    expect(asked.get('to')).toBe('2027-01-01T00:00:00.000Z');
    expect(screen.getByLabelText('First day (UTC)')).toHaveValue('2026-01-01');
  });

  it('points to the Connect page when there is no usage yet', async () => {
    renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes({
        'GET /v1/tenants/acme/usage': { status: 200, body: { ...DAYS, items: [] } },
        'GET /v1/tenants/acme/requests': { status: 200, body: { items: [] } },
      }),
    });
    expect(await screen.findByText(/No usage in this range yet/)).toBeInTheDocument();
    expect(await screen.findByText(/No requests yet/)).toBeInTheDocument();
    for (const link of screen.getAllByRole('link', { name: 'Make a call from the Connect page' })) {
      expect(link).toHaveAttribute('href', '/tenants/acme/connect');
    }
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('shows a failure in words with a way to retry', async () => {
    renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes({
        'GET /v1/tenants/acme/usage': {
          status: 503,
          body: lmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The database is unavailable'),
        },
      }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load usage');
    expect(alert).toHaveTextContent('The database is unavailable (LMO_DEPENDENCY_UNAVAILABLE)');
    expect(alert).toHaveTextContent('Try again later; nothing was changed.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('the recent requests', () => {
  it('lists requests with their key name and status', async () => {
    renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes({
        ...NO_USAGE,
        'GET /v1/tenants/acme/requests': {
          status: 200,
          body: {
            items: [
              request('r2', {
                status: 'quota_exceeded',
                errorCode: 'LMO_QUOTA_EXCEEDED',
                keyId: 'zzzzzzzzzzzz',
              }),
              request('r1', { cached: true, tool: 'ask' }),
            ],
          },
        },
      }),
    });
    const table = await screen.findByRole('table', { name: 'Recent requests' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [failed, ok] = rows;
    expect(within(failed!).getAllByRole('cell')[3]).toHaveTextContent('quota_exceededLMO_QUOTA_EXCEEDED');
    expect(within(failed!).getAllByRole('cell')[1]).toHaveTextContent('zzzzzzzzzzzz');
    const cells = within(ok!).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('ci');
    expect(cells[2]).toHaveTextContent('gpt-4.1-mini');
    expect(cells[3]).toHaveTextContent(/^ok$/);
    expect(cells[6]).toHaveTextContent('Yes');
    expect(cells[7]).toHaveTextContent('321 ms');
    expect(cells[8]).toHaveTextContent('streamable-http, tool ask');
  });

  it('filters by key, model and status', async () => {
    const { api } = renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes(NO_USAGE),
    });
    await screen.findByRole('table', { name: 'Recent requests' });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Key'), 'ci (abcdefghijkl)');
    await user.type(screen.getByLabelText('Model'), ' gpt-4.1-mini ');
    await user.selectOptions(screen.getByLabelText('Status'), 'error');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => {
      const asked = lastCall(api.requests, '/v1/tenants/acme/requests');
      expect(Object.fromEntries(asked)).toEqual({
        limit: '50',
        keyId: 'abcdefghijkl',
        model: 'gpt-4.1-mini',
        status: 'error',
      });
    });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => {
      expect(Object.fromEntries(lastCall(api.requests, '/v1/tenants/acme/requests'))).toEqual({
        limit: '50',
      });
    });
  });

  it('says when no request matches the filters', async () => {
    renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes({
        ...NO_USAGE,
        'GET /v1/tenants/acme/requests': (r) => ({
          status: 200,
          body: { items: new URLSearchParams(r.search).has('status') ? [] : [request('r1')] },
        }),
      }),
    });
    await screen.findByRole('table', { name: 'Recent requests' });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Status'), 'timeout');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(await screen.findByText(/No requests match these filters/)).toBeInTheDocument();
  });

  it('pages back with "before" and forward again', async () => {
    const page = Array.from({ length: 50 }, (_, i) =>
      request(`r${i}`, { time: new Date(Date.parse('2026-11-22T10:00:00.000Z') - i * 1000).toISOString() }),
    );
    const { api } = renderPage(<UsagePage />, {
      url: '/tenants/acme/usage',
      path: PATH,
      api: routes({
        ...NO_USAGE,
        'GET /v1/tenants/acme/requests': (r) => ({
          status: 200,
          body: {
            items: new URLSearchParams(r.search).has('before')
              ? [request('old', { model: 'older-model' })]
              : page,
          },
        }),
      }),
    });
    const table = await screen.findByRole('table', { name: 'Recent requests' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.queryByRole('button', { name: 'Newer requests' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Older requests' }));
    expect(await screen.findByText('older-model')).toBeInTheDocument();
    // The time of the oldest request shown (49 s before the newest).
    expect(lastCall(api.requests, '/v1/tenants/acme/requests').get('before')).toBe(
      '2026-11-22T09:59:11.000Z',
    );
    expect(screen.queryByRole('button', { name: 'Older requests' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Newer requests' }));
    await waitFor(() => {
      expect(within(screen.getByRole('table', { name: 'Recent requests' })).getAllByRole('row')).toHaveLength(
        51,
      );
    });
  });
});
