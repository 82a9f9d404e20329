import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { KeysPage } from '../../src/pages/tenant/keys-page.tsx';
import { useNewKeys } from '../../src/session/new-keys.tsx';
import { lmoError } from '../support/fake-api.ts';
import { renderPage } from '../support/render.tsx';

const KEY_CI = {
  id: 'k1',
  name: 'ci',
  prefix: 'lmo_k1',
  createdAt: '2026-11-01T10:00:00.000Z',
  lastUsedAt: null,
};

const KEY_WEB = {
  id: 'k2',
  name: 'production-web',
  prefix: 'lmo_k2',
  createdAt: '2026-11-02T10:00:00.000Z',
  lastUsedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
};

/** Shows the keys this tab remembers, as the Connect page would use them. */
function NewKeysProbe(): ReactNode {
  const { keys } = useNewKeys();
  return (
    <output aria-label="Remembered keys">
      {keys.map((k) => `${k.tenant}/${k.name}=${k.key}`).join(',')}
    </output>
  );
}

function render(items: unknown[]) {
  return renderPage(
    <>
      <KeysPage />
      <NewKeysProbe />
    </>,
    {
      url: '/tenants/acme/keys',
      path: '/tenants/:tenant/keys',
      api: { 'GET /v1/tenants/acme/api-keys': { status: 200, body: { items } } },
    },
  );
}

describe('the API keys page', () => {
  it('says what to do when there are no keys', async () => {
    render([]);
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists the keys, newest first, with prefix, dates and status', async () => {
    render([KEY_CI, KEY_WEB]);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'production-web',
      'ci',
    ]);
    expect(rows[0]).toHaveTextContent('lmo_k2_…');
    expect(rows[0]).toHaveTextContent('3 minutes ago');
    expect(rows[0]).toHaveTextContent('Active');
    expect(rows[1]).toHaveTextContent('never');
    expect(rows[1]).toHaveTextContent('Active, not used yet');
    expect(rows[1]).toHaveTextContent('1 Nov 2026');
  });

  it('checks the name, creates the key, shows it once and remembers it in this tab', async () => {
    const { api } = render([]);
    api.on('POST /v1/tenants/acme/api-keys', (request) => ({
      status: 201,
      body: {
        ...KEY_CI,
        name: (request.body as { name: string }).name,
        key: 'lmo_k1_supersecret',
      },
    }));
    const user = userEvent.setup();
    await screen.findByText('No API keys yet.');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByLabelText('Key name')).toBeInvalid();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    api.on('GET /v1/tenants/acme/api-keys', { status: 200, body: { items: [KEY_CI] } });
    await user.type(screen.getByLabelText('Key name'), '  ci  ');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const secret = await screen.findByLabelText('API key ci');
    expect(secret).toHaveClass('secret');
    expect(secret).toHaveTextContent('lmo_k1_supersecret');
    expect(screen.getByText('Copy it now; it will not be shown again.')).toBeInTheDocument();
    const post = api.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ name: 'ci' });
    expect(post?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(screen.getByRole('link', { name: 'test it on the Connect page' })).toHaveAttribute(
      'href',
      '/tenants/acme/connect',
    );
    expect(screen.getByLabelText('Remembered keys')).toHaveTextContent('acme/ci=lmo_k1_supersecret');
    expect(screen.getByLabelText('Key name')).toHaveValue('');
    expect(await screen.findByRole('table')).toHaveTextContent('ci');
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);

    // userEvent.setup() put its own clipboard in place: watch that one.
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy API key ci' }));
    expect(writeText).toHaveBeenCalledWith('lmo_k1_supersecret');
    expect(screen.getByRole('button', { name: 'Copy API key ci' })).toHaveTextContent('Copied');
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText('lmo_k1_supersecret')).not.toBeInTheDocument();
  });

  it('shows why a key could not be created', async () => {
    const { api } = render([]);
    api.on('POST /v1/tenants/acme/api-keys', {
      status: 503,
      body: lmoError('LMO_TENANT_NOT_READY', 'The tenant runtime secret does not exist yet'),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Key name'), 'ci');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not create the key');
    expect(alert).toHaveTextContent('(LMO_TENANT_NOT_READY)');
    expect(alert).toHaveTextContent('The tenant is still starting. Wait a few seconds and try again.');
  });

  it('revokes a key after confirming, forgets it and refreshes the list', async () => {
    const { api } = render([]);
    api.on('POST /v1/tenants/acme/api-keys', { status: 201, body: { ...KEY_CI, key: 'lmo_k1_supersecret' } });
    api.on('DELETE /v1/tenants/acme/api-keys/k1', { status: 204 });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Key name'), 'ci');
    api.on('GET /v1/tenants/acme/api-keys', { status: 200, body: { items: [KEY_CI, KEY_WEB] } });
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByLabelText('Remembered keys')).toHaveTextContent('acme/ci');

    await user.click(await screen.findByRole('button', { name: 'Revoke key ci' }));
    const confirm = screen.getByRole('group', { name: 'Confirm: Revoke key ci' });
    expect(confirm).toHaveTextContent('Apps using this key stop working within seconds.');
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    api.on('GET /v1/tenants/acme/api-keys', { status: 200, body: { items: [KEY_WEB] } });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Revoke key ci' })).not.toBeInTheDocument();
    });
    const deleted = api.requests.filter((r) => r.method === 'DELETE');
    expect(deleted.map((r) => r.path)).toEqual(['/v1/tenants/acme/api-keys/k1']);
    expect(screen.getByLabelText('Remembered keys')).toHaveTextContent('');
    expect(screen.getByRole('button', { name: 'Revoke key production-web' })).toBeInTheDocument();
  });

  it('shows a failed revoke in words and keeps the key', async () => {
    const { api } = render([KEY_CI]);
    api.on('DELETE /v1/tenants/acme/api-keys/k1', {
      status: 403,
      body: lmoError('LMO_FORBIDDEN', 'Members cannot do that'),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke key ci' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not revoke');
    expect(alert).toHaveTextContent('Members cannot do that (LMO_FORBIDDEN)');
    expect(screen.getByRole('button', { name: 'Revoke key ci' })).toBeInTheDocument();
  });
});
