/**
 * Accept an invitation: the link an owner shares is `/invitations/accept#token=…` (a fragment never
 * reaches a server or its logs). A person not yet signed in logs in or signs up first and comes back
 * here with the fragment kept. Older `?token=` links still work; the token is then removed from the
 * address bar.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Loading } from '../../components/query-view.tsx';
import { useFormSubmit } from '../../forms/use-form-submit.ts';
import { useSession } from '../../session/session.tsx';

/** The token of an invitation link: from the fragment (`#token=…`), else an older link's query. */
export function tokenFrom(hash: string, query: string | null): string {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return fromHash ?? query ?? '';
}

/** The invitation page. */
export function AcceptInvitationPage(): ReactNode {
  const api = useApi();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [token, setToken] = useState(() => tokenFrom(location.hash, params.get('token')));
  useEffect(() => {
    if (params.has('token')) window.history.replaceState(null, '', `${location.pathname}${location.hash}`);
  }, [params, location.pathname, location.hash]);
  const form = useFormSubmit();
  const next = `?next=${encodeURIComponent(location.pathname)}${token === '' ? '' : `#token=${encodeURIComponent(token)}`}`;
  if (me === undefined) return <Loading what="your account" />;
  return (
    <div className="auth-page">
      <PageHeader title="Join a tenant" description="Someone invited you to work on their LMO tenant." />
      {me === null ? (
        <p>
          <Link to={`/login${next}`}>Log in</Link> or <Link to={`/signup${next}`}>create an account</Link>{' '}
          with the e-mail address the invitation was sent to, then accept it here.
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
