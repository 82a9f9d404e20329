import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MembersPage } from '../../src/pages/tenant/members-page.tsx';
import { invitationLink, inviteEmailProblem } from '../../src/pages/tenant/members/member-rules.ts';
import { lmoError, type FakeAnswer } from '../support/fake-api.ts';
import { ME_OWNER, renderPage } from '../support/render.tsx';
import { tenantView } from './tenant-view-fixture.ts';

const ME_ID = ME_OWNER.user.id;
const BOB = '00000000-0000-4000-8000-000000000002';
const CAROL = '00000000-0000-4000-8000-000000000003';
const INVITE_ID = '7d9f4c1a-2b3e-4f5a-8b6c-9d0e1f2a3b4c';

const owner = { userId: ME_ID, email: 'owner@example.com', role: 'owner', since: '2026-11-01T10:00:00.000Z' };
const bob = { userId: BOB, email: 'bob@example.com', role: 'member', since: '2026-11-05T10:00:00.000Z' };
const carol = { userId: CAROL, email: 'carol@example.com', role: 'owner', since: '2026-11-06T10:00:00.000Z' };
const invitation = {
  id: INVITE_ID,
  tenant: 'acme',
  email: 'dan@example.com',
  role: 'member',
  createdAt: '2026-11-20T10:00:00.000Z',
  expiresAt: '2026-11-27T10:00:00.000Z',
};

function render(access: 'owner' | 'member' = 'owner', api: Record<string, FakeAnswer> = {}) {
  const page = renderPage(<MembersPage />, {
    url: '/tenants/acme/members',
    path: '/tenants/:tenant/members',
    api: {
      'GET /v1/tenants/acme': { status: 200, body: tenantView({ access }) },
      'GET /v1/tenants/acme/members': { status: 200, body: { items: [owner, bob] } },
      'GET /v1/tenants/acme/invitations': { status: 200, body: { items: [invitation] } },
      ...api,
    },
  });
  return { ...page, user: userEvent.setup() };
}

describe('the members page', () => {
  it('lists members with role and join date, and pending invitations, to owners', async () => {
    render();
    const bobRow = (await screen.findByText('bob@example.com')).closest('tr')!;
    expect(within(bobRow).getByText('Member')).toBeInTheDocument();
    expect(within(bobRow).getByText(/5 Nov 2026/)).toBeInTheDocument();
    const meRow = screen.getByText('owner@example.com').closest('tr')!;
    expect(within(meRow).getByText('(you)')).toBeInTheDocument();
    expect(within(meRow).getByText(/You are the only owner/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Leave this tenant' })).not.toBeInTheDocument();
    const invited = (await screen.findByText('dan@example.com')).closest('tr')!;
    expect(within(invited).getByText(/27 Nov 2026/)).toBeInTheDocument();
    expect(screen.getByText(/invite their e-mail address again with the new role/)).toBeInTheDocument();
  });

  it('removes a member after asking', async () => {
    const { user, api } = render('owner', {
      [`DELETE /v1/tenants/acme/members/${BOB}`]: { status: 204 },
    });
    await user.click(await screen.findByRole('button', { name: 'Remove bob@example.com' }));
    expect(
      screen.getByText(/bob@example.com loses access to this tenant at once. Are you sure\?/),
    ).toBeInTheDocument();
    api.on('GET /v1/tenants/acme/members', { status: 200, body: { items: [owner] } });
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => {
      expect(screen.queryByText('bob@example.com')).not.toBeInTheDocument();
    });
    expect(screen.getByText('owner@example.com')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(BOB))).toBe(true);
  });

  it('invites by e-mail with a role and shows the one-time link with a copy button', async () => {
    const { user, api } = render('owner', {
      'POST /v1/tenants/acme/invitations': {
        status: 201,
        body: { ...invitation, id: 'x', email: 'erin@example.com', role: 'owner', token: 'tok_123' },
      },
    });
    // userEvent.setup() swaps in its own clipboard (whose readText fails under jsdom): record writes here.
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => Promise.resolve(void copied.push(text)) },
    });
    const form = await screen.findByRole('form', { name: 'Invite someone' });
    await user.click(within(form).getByRole('button', { name: 'Create invitation' }));
    expect(within(form).getByLabelText('E-mail')).toHaveAccessibleDescription(
      'Enter the e-mail address of the person to invite.',
    );
    await user.type(within(form).getByLabelText('E-mail'), 'not-an-email');
    expect(within(form).getByLabelText('E-mail')).toHaveAccessibleDescription(
      'Enter an e-mail address like name@example.com.',
    );
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    await user.clear(within(form).getByLabelText('E-mail'));
    await user.type(within(form).getByLabelText('E-mail'), 'erin@example.com');
    await user.selectOptions(within(form).getByLabelText('Role'), 'owner');
    await user.click(within(form).getByRole('button', { name: 'Create invitation' }));
    expect(await screen.findByText(/It is shown only this once, so copy it now/)).toBeInTheDocument();
    const link = `${window.location.origin}/invitations/accept#token=tok_123`;
    expect(screen.getByLabelText('Invitation link')).toHaveValue(link);
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      email: 'erin@example.com',
      role: 'owner',
    });
    await user.click(screen.getByRole('button', { name: 'Copy invitation link' }));
    expect(screen.getByRole('button', { name: 'Copy invitation link' })).toHaveTextContent('Copied');
    expect(copied).toEqual([link]);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Invitation link')).not.toBeInTheDocument();
  });

  it('shows a refused invitation in words', async () => {
    const { user } = render('owner', {
      'POST /v1/tenants/acme/invitations': {
        status: 403,
        body: lmoError('LMO_FORBIDDEN', 'Only owners may invite'),
      },
    });
    await user.type(await screen.findByLabelText('E-mail'), 'erin@example.com');
    await user.click(screen.getByRole('button', { name: 'Create invitation' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not create the invitation');
    expect(alert).toHaveTextContent('Only owners may invite (LMO_FORBIDDEN)');
    expect(alert).toHaveTextContent('Ask an owner of this tenant');
  });

  it('revokes a pending invitation, and says when there are none', async () => {
    const { user, api } = render('owner', {
      [`DELETE /v1/tenants/acme/invitations/${INVITE_ID}`]: { status: 204 },
    });
    await user.click(
      await screen.findByRole('button', { name: 'Revoke the invitation for dan@example.com' }),
    );
    api.on('GET /v1/tenants/acme/invitations', { status: 200, body: { items: [] } });
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(INVITE_ID))).toBe(true);
  });

  it('lets a member see the members and leave, but not manage them', async () => {
    const meAsMember = { ...owner, role: 'member' };
    const { user, api } = render('member', {
      'GET /v1/tenants/acme/members': { status: 200, body: { items: [carol, meAsMember] } },
      [`DELETE /v1/tenants/acme/members/${ME_ID}`]: { status: 204 },
    });
    expect(await screen.findByText('carol@example.com')).toBeInTheDocument();
    expect(screen.getByText(/Only owners can invite people/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Invite someone' })).not.toBeInTheDocument();
    expect(api.requests.some((r) => r.path.endsWith('/invitations'))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Leave this tenant' }));
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    expect(await screen.findByTestId('navigated')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(ME_ID))).toBe(true);
  });

  it('shows why the members could not be loaded', async () => {
    render('owner', {
      'GET /v1/tenants/acme/members': { status: 500, body: lmoError('LMO_INTERNAL', 'Database down') },
    });
    const alert = await screen.findByText(/Could not load the members/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Database down (LMO_INTERNAL)');
  });
});

describe('member rules', () => {
  it('builds the invitation link on this origin', () => {
    expect(invitationLink('https://lmo.example', 'a b')).toBe(
      'https://lmo.example/invitations/accept#token=a%20b',
    );
  });

  it("checks invitation e-mails with the API's pattern", () => {
    expect(inviteEmailProblem(' ada@example.com ')).toBeUndefined();
    expect(inviteEmailProblem('ada@example')).toBe('Enter an e-mail address like name@example.com.');
    expect(inviteEmailProblem('')).toBe('Enter the e-mail address of the person to invite.');
  });
});
