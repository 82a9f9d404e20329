import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { SignUpPage } from '../../src/pages/account/signup-page.tsx';
import { lmoError } from '../support/fake-api.ts';
import { renderPage } from '../support/render.tsx';

const signedOut = { 'GET /v1/me': { status: 401, body: lmoError('LMO_UNAUTHENTICATED', 'Sign in first') } };

describe('the sign-up form', () => {
  it('checks the fields with the API rules before sending anything', async () => {
    const { api } = renderPage(<SignUpPage />, { url: '/signup', path: '/signup', api: signedOut });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('E-mail'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Company or project name'), 'Acme Corp.');
    expect(screen.getByLabelText('Tenant name')).toHaveValue('acme-corp');
    await user.clear(screen.getByLabelText('Tenant name'));
    await user.type(screen.getByLabelText('Tenant name'), 'Acme!');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(
      'Enter an e-mail address like name@example.com.',
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'At least 12 characters. Use at least 12 characters.',
    );
    expect(screen.getByLabelText('Tenant name')).toBeInvalid();
    expect(api.requests.filter((r) => r.path === '/v1/signup')).toHaveLength(0);
  });

  it('sends the account and its tenant, then opens the tenant', async () => {
    const { api } = renderPage(<SignUpPage />, {
      url: '/signup',
      path: '/signup',
      api: {
        ...signedOut,
        'POST /v1/signup': {
          status: 201,
          body: {
            user: { id: 'u', email: 'a@b.co', isPlatformAdmin: false, createdAt: 'x' },
            csrfToken: 't',
            tenant: { name: 'acme' },
          },
        },
      },
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Company or project name'), 'Acme');
    api.on('GET /v1/me', { status: 200, body: { user: {}, tenants: [{ name: 'acme', role: 'owner' }] } });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => {
      expect(screen.getByTestId('navigated')).toBeInTheDocument();
    });
    expect(api.requests.find((r) => r.path === '/v1/signup')?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
      tenant: { name: 'acme', displayName: 'Acme' },
    });
  });

  it('shows the API refusal in words with what to do next', async () => {
    renderPage(<SignUpPage />, {
      url: '/signup',
      path: '/signup',
      api: {
        ...signedOut,
        'POST /v1/signup': {
          status: 409,
          body: lmoError('LMO_CONFLICT', 'A tenant named acme already exists'),
        },
      },
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Company or project name'), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A tenant named acme already exists (LMO_CONFLICT)');
    expect(alert).toHaveTextContent('Pick another name or reload.');
  });
});

describe('the sign-up form, arriving from elsewhere', () => {
  it('offers a tenant of its own after a redirect to the login page', () => {
    renderPage(<SignUpPage />, { url: '/signup?next=%2F', path: '/signup', api: signedOut });
    expect(screen.getByLabelText('Create a tenant for my company now')).toBeChecked();
    expect(screen.getByLabelText('Company or project name')).toBeInTheDocument();
  });

  it('creates no tenant by default when joining through an invitation', () => {
    renderPage(<SignUpPage />, {
      url: '/signup?next=%2Finvitations%2Faccept%3Ftoken%3Dabc',
      path: '/signup',
      api: signedOut,
    });
    expect(screen.getByLabelText('Create a tenant for my company now')).not.toBeChecked();
    expect(screen.queryByLabelText('Company or project name')).toBeNull();
  });
});
