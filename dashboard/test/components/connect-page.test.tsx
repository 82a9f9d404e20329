import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useEffect, useRef, type ReactNode } from 'react';
import { ConnectPage } from '../../src/pages/tenant/connect-page.tsx';
import { useNewKeys } from '../../src/session/new-keys.tsx';
import { renderPage } from '../support/render.tsx';
import { tenantView } from './tenant-view-fixture.ts';

const ENDPOINT = 'https://lmo.example.com/t/acme/mcp';
const SECRET = 'lmo_k1_s3cr3t';

const VIEW = tenantView({
  generation: 1,
  spec: {
    displayName: 'Acme Corp',
    model: { ...tenantView().spec.model, model: 'echo' },
    promptTemplates: [],
  },
  status: { phase: 'Ready', endpoint: ENDPOINT, conditions: [] },
});

/** Stands for the Keys page having created a key in this tab. */
function RememberKey(): ReactNode {
  const { remember } = useNewKeys();
  const done = useRef(false);
  useEffect(() => {
    // `remember` changes with every key remembered: remember once, or this loops.
    if (done.current) return;
    done.current = true;
    remember({ tenant: 'acme', keyId: 'k1', name: 'ci', key: SECRET });
    remember({ tenant: 'other', keyId: 'k9', name: 'elsewhere', key: 'lmo_k9_x' });
  }, [remember]);
  return null;
}

function render(withKey = false) {
  return renderPage(
    <>
      {withKey ? <RememberKey /> : null}
      <ConnectPage />
    </>,
    {
      url: '/tenants/acme/connect',
      path: '/tenants/:tenant/connect',
      api: { 'GET /v1/tenants/acme': { status: 200, body: VIEW } },
    },
  );
}

// The tenant runtime (not the platform API, which the fake API answers): the page calls window.fetch.
let runtime: jest.SpiedFunction<typeof window.fetch>;

beforeEach(() => {
  runtime = jest.spyOn(window, 'fetch').mockRejectedValue(new Error('no answer set'));
});

afterEach(() => {
  runtime.mockRestore();
});

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the Connect page', () => {
  it('offers the snippets in tabs with a key placeholder', async () => {
    render();
    const user = userEvent.setup();
    const tabs = await screen.findByRole('tablist', { name: 'Snippets' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['MCP client', 'curl', 'TypeScript', 'Python']);
    expect(screen.getByLabelText('Endpoint URL')).toHaveTextContent(ENDPOINT);
    const config = JSON.parse(screen.getByLabelText('MCP client snippet').textContent) as unknown;
    expect(config).toEqual({
      mcpServers: {
        'lmo-acme': { type: 'http', url: ENDPOINT, headers: { Authorization: 'Bearer <your API key>' } },
      },
    });
    await user.click(screen.getByRole('tab', { name: 'curl' }));
    expect(screen.getByRole('tab', { name: 'curl' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveTextContent(
      "curl -sS 'https://lmo.example.com/t/acme/v1/query'",
    );
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'TypeScript' })).toHaveFocus();
    expect(screen.getByLabelText('TypeScript install command')).toHaveTextContent(
      'npm install @modelcontextprotocol/client',
    );
    expect(screen.getByLabelText('TypeScript snippet')).toHaveTextContent("callTool({ name: 'ask'");
    await user.keyboard('{End}');
    expect(screen.getByLabelText('Python snippet')).toHaveTextContent('streamable_http_client');
    expect(screen.getByText(/replace it with a key from the/)).toBeInTheDocument();
  });

  it('fills in a key created in this tab when asked, and only this tenant’s', async () => {
    render(true);
    const user = userEvent.setup();
    const choice = await screen.findByLabelText('Key shown in the snippets');
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Placeholder: <your API key>', 'Fill in key ci (created in this tab)']);
    expect(screen.getByLabelText('MCP client snippet')).toHaveTextContent('Bearer <your API key>');
    await user.selectOptions(choice, 'k1');
    expect(screen.getByLabelText('MCP client snippet')).toHaveTextContent(`Bearer ${SECRET}`);
  });

  it('tests the connection with a key from this tab and shows the answer, tokens and latency', async () => {
    runtime.mockResolvedValue(
      answer(200, {
        answer: 'Hello! (echo)',
        model: 'echo',
        usage: { tokensIn: 2, tokensOut: 5 },
        cached: false,
        finishReason: 'stop',
        requestId: 'r1',
      }),
    );
    render(true);
    const user = userEvent.setup();
    expect(await screen.findByLabelText('Key to test')).toHaveValue('k1');
    expect(screen.getByLabelText('Prompt')).toHaveValue('Say hello');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const outcome = screen.getByRole('status');
    expect(await within(outcome).findByText('Connected')).toBeInTheDocument();
    expect(outcome).toHaveTextContent('Hello! (echo)');
    expect(outcome).toHaveTextContent('Tokens used: 2 in + 5 out = 7');
    expect(outcome).toHaveTextContent(/Connected in \d+ ms/);
    expect(runtime).toHaveBeenCalledTimes(1);
    const [url, init] = runtime.mock.calls[0]!;
    expect(url).toBe(`${window.location.origin}/t/acme/v1/query`);
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(init?.body as string)).toEqual({ prompt: 'Say hello' });
  });

  it('tests a pasted key in a password field and explains a 401', async () => {
    runtime.mockResolvedValue(
      answer(401, { error: { code: 'LMO_UNAUTHENTICATED', message: 'Invalid API key' } }),
    );
    render();
    const user = userEvent.setup();
    const key = await screen.findByLabelText('API key');
    expect(key).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(key).toHaveAccessibleDescription(
      'Used for this test only; it is never stored. Paste an API key, or create one on the API keys page.',
    );
    expect(runtime).not.toHaveBeenCalled();
    await user.type(key, 'lmo_bad_key');
    await user.clear(screen.getByLabelText('Prompt'));
    await user.type(screen.getByLabelText('Prompt'), 'Ping');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const outcome = screen.getByRole('status');
    expect(await within(outcome).findByText('Connection failed: HTTP 401')).toBeInTheDocument();
    expect(outcome).toHaveTextContent('Invalid API key (LMO_UNAUTHENTICATED)');
    expect(outcome).toHaveTextContent('The API key is wrong or has been revoked.');
    const init = runtime.mock.calls[0]![1];
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer lmo_bad_key');
    expect(JSON.parse(init?.body as string)).toEqual({ prompt: 'Ping' });
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('explains a rate limit with its Retry-After, and a network failure', async () => {
    runtime.mockResolvedValueOnce(
      answer(429, { error: { code: 'LMO_RATE_LIMITED', message: 'Slow down' } }, { 'retry-after': '12' }),
    );
    runtime.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    render(true);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    const outcome = screen.getByRole('status');
    expect(await within(outcome).findByText('Connection failed: HTTP 429')).toBeInTheDocument();
    expect(outcome).toHaveTextContent('Try again in 12 seconds');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(
      await within(outcome).findByText('Connection failed: no answer (network error)'),
    ).toBeInTheDocument();
  });
});
