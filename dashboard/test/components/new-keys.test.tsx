import { describe, expect, it } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import { useNewKeys } from '../../src/session/new-keys.tsx';
import { useSession } from '../../src/session/session.tsx';
import { renderPage } from '../support/render.tsx';

function Probe() {
  const { keys, remember } = useNewKeys();
  const { me, logout } = useSession();
  return (
    <div>
      <p data-testid="who">{me === undefined ? 'loading' : (me?.user.email ?? 'nobody')}</p>
      <p data-testid="keys">{keys.map((k) => k.keyId).join(',') || 'none'}</p>
      <button
        type="button"
        onClick={() => {
          remember({ tenant: 'acme', keyId: 'k1', name: 'ci', key: 'lmo_k1_secret' });
        }}
      >
        remember
      </button>
      <button type="button" onClick={() => void logout()}>
        logout
      </button>
    </div>
  );
}

describe('keys created in this tab', () => {
  it('are held for the person who made them and forgotten when they log out', async () => {
    const { api } = renderPage(<Probe />, {
      url: '/',
      path: '/',
      api: { 'POST /v1/logout': { status: 204 } },
    });
    await waitFor(() => {
      expect(screen.getByTestId('who')).toHaveTextContent('owner@example.com');
    });
    act(() => {
      screen.getByRole('button', { name: 'remember' }).click();
    });
    expect(screen.getByTestId('keys')).toHaveTextContent('k1');
    act(() => {
      screen.getByRole('button', { name: 'logout' }).click();
    });
    await waitFor(() => {
      expect(screen.getByTestId('who')).toHaveTextContent('nobody');
    });
    expect(screen.getByTestId('keys')).toHaveTextContent('none');
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/v1/logout')).toBe(true);
  });
});
