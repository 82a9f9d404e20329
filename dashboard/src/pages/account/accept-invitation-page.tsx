/**
 * Accept an invitation: the link an owner shares is `/invitations/accept?token=…`. A person not yet
 * signed in logs in or signs up first and comes back here.
 */
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Loading } from '../../components/query-view.tsx';
import { useFormSubmit } from '../../forms/use-form-submit.ts';
import { useSession } from '../../session/session.tsx';

/** The invitation page. */
export function AcceptInvitationPage(): ReactNode {
  const api = useApi();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? '');
  const form = useFormSubmit();
  const here = encodeURIComponent(`${location.pathname}${location.search}`);
  if (me === undefined) return <Loading what="your account" />;
  return (
    <div className="auth-page">
      <PageHeader title="Join a tenant" description="Someone invited you to work on their LMO tenant." />
      {me === null ? (
        <p>
          <Link to={`/login?next=${here}`}>Log in</Link> or{' '}
          <Link to={`/signup?next=${here}`}>create an account</Link> with the e-mail address the invitation
          was sent to, then accept it here.
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            form.submit(async () => {
              const answer = await call(
                api.POST('/v1/invitations/accept', { body: { token: token.trim() } }),
              );
              await refresh();
              await navigate(`/tenants/${answer.tenant}`);
            });
          }}
        >
          <p>
            Signed in as <strong>{me.user.email}</strong>. The invitation must be addressed to this e-mail.
          </p>
          <Field label="Invitation code" hint="Filled in from the link you were given.">
            {(control) => (
              <input
                {...control}
                value={token}
                required
                onChange={(event) => {
                  setToken(event.target.value);
                }}
              />
            )}
          </Field>
          {form.error === null ? null : (
            <ErrorNotice error={form.error} title="Could not accept the invitation" />
          )}
          <button type="submit" disabled={form.pending || token.trim() === ''}>
            {form.pending ? 'Joining…' : 'Accept invitation'}
          </button>
        </form>
      )}
    </div>
  );
}
