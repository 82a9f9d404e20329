/**
 * Invitations (owners): invite by e-mail with a role, show the one-time link to pass on (the API
 * returns its token only once and sends no e-mail), and list pending invitations with revoke.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { fieldErrors } from '../../../api/errors.ts';
import type { Ok } from '../../../api/types.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { formatTime } from '../../../format/format.ts';
import {
  invitationLink,
  inviteEmailProblem,
  membersKey,
  ROLE_HINT,
  roleLabel,
  type Role,
} from './member-rules.ts';

type Created = Ok<'/v1/tenants/{tenant}/invitations', 'post'>;

const invitationsKey = (tenant: string): readonly unknown[] => [...membersKey(tenant), 'invitations'];

function NewInvitation({ created, onDone }: { created: Created; onDone: () => void }): ReactNode {
  const link = invitationLink(window.location.origin, created.token);
  return (
    <div className="notice notice-warn" role="status">
      <strong>
        Invitation created for {created.email} as {roleLabel(created.role).toLowerCase()}.
      </strong>
      <p>
        Send this link to them yourself: LMO does not e-mail it. It is shown only this once, so copy it now.
        It works only for {created.email}, until {formatTime(created.expiresAt)}.
      </p>
      <Field label="Invitation link">
        {(control) => (
          <input
            {...control}
            readOnly
            className="secret members-link"
            value={link}
            onFocus={(event) => {
              event.target.select();
            }}
          />
        )}
      </Field>
      <div className="actions members-link-actions">
        <CopyButton text={link} label="Copy invitation link" />
        <button type="button" className="button-secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

/** The invite form of `tenant`. */
export function InviteForm({ tenant }: { tenant: string }): ReactNode {
  const api = useApi();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [touched, setTouched] = useState(false);
  const invite = useMutation({
    // The answer holds the one-time token: keep it no longer than this form shows it.
    gcTime: 0,
    mutationFn: () =>
      call(
        api.POST('/v1/tenants/{tenant}/invitations', {
          params: { path: { tenant } },
          body: { email: email.trim(), role },
        }),
      ),
    onSuccess: async () => {
      setEmail('');
      setRole('member');
      setTouched(false);
      await queryClient.invalidateQueries({ queryKey: invitationsKey(tenant) });
    },
  });
  const problem = touched ? inviteEmailProblem(email) : undefined;
  return (
    <>
      <form
        className="inline"
        noValidate
        aria-label="Invite someone"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (inviteEmailProblem(email) === undefined && !invite.isPending) invite.mutate();
        }}
      >
        <Field label="E-mail" error={problem ?? fieldErrors(invite.error)['/email']}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Role">
          {(control) => (
            <select
              {...control}
              value={role}
              onChange={(event) => {
                setRole(event.target.value as Role);
              }}
            >
              <option value="member">Member</option>
              <option value="owner">Owner</option>
            </select>
          )}
        </Field>
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? 'Creating…' : 'Create invitation'}
        </button>
      </form>
      <p className="hint">{ROLE_HINT}</p>
      {invite.error === null ? null : (
        <ErrorNotice error={invite.error} title="Could not create the invitation" />
      )}
      {invite.data === undefined ? null : (
        <NewInvitation
          created={invite.data}
          onDone={() => {
            invite.reset();
          }}
        />
      )}
    </>
  );
}

/** The pending invitations of `tenant`, each with revoke. */
export function InvitationsTable({ tenant }: { tenant: string }): ReactNode {
  const api = useApi();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: invitationsKey(tenant),
    queryFn: () => call(api.GET('/v1/tenants/{tenant}/invitations', { params: { path: { tenant } } })),
  });
  return (
    <QueryView
      query={invitations}
      what="the invitations"
      isEmpty={(data) => data.items.length === 0}
      empty="No pending invitations."
    >
      {(data) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="members-email">{invitation.email}</td>
                  <td>{roleLabel(invitation.role)}</td>
                  <td>{formatTime(invitation.createdAt)}</td>
                  <td>{formatTime(invitation.expiresAt)}</td>
                  <td>
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke the invitation for ${invitation.email}`}
                      consequence="The link stops working at once."
                      onConfirm={async () => {
                        await call(
                          api.DELETE('/v1/tenants/{tenant}/invitations/{id}', {
                            params: { path: { tenant, id: invitation.id } },
                          }),
                        );
                        await queryClient.invalidateQueries({ queryKey: invitationsKey(tenant) });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryView>
  );
}
