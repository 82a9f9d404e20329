/** Create an account and, unless joining by invitation, its first tenant. */
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import {
  displayNameProblem,
  emailProblem,
  passwordProblem,
  suggestTenantName,
  tenantNameProblem,
} from '../../forms/account-rules.ts';
import { useFormSubmit } from '../../forms/use-form-submit.ts';
import { safeNext } from '../../session/require-session.tsx';
import { useSession } from '../../session/session.tsx';

interface SignUpFields {
  email: string;
  password: string;
  displayName: string;
  name: string;
  withTenant: boolean;
}

function problemsOf(fields: SignUpFields): Record<string, string | undefined> {
  return {
    email: emailProblem(fields.email),
    password: passwordProblem(fields.password),
    displayName: fields.withTenant ? displayNameProblem(fields.displayName) : undefined,
    name: fields.withTenant ? tenantNameProblem(fields.name) : undefined,
  };
}

/** The login page's address, keeping where the person was going (and an invitation's fragment). */
function loginLink(next: string | null, hash: string): string {
  return `/login${next === null ? '' : `?next=${encodeURIComponent(next)}`}${hash}`;
}

/** The sign-up form. */
export function SignUpPage(): ReactNode {
  const { signUp } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const next = params.get('next') === null ? null : safeNext(params.get('next'));
  // Coming from an invitation link: the account joins that tenant, so it needs none of its own.
  const joining = next?.startsWith('/invitations/') ?? false;
  const [fields, setFields] = useState<SignUpFields>({
    email: '',
    password: '',
    displayName: '',
    name: '',
    withTenant: !joining,
  });
  const [nameEdited, setNameEdited] = useState(false);
  const [touched, setTouched] = useState(false);
  const form = useFormSubmit();
  const problems = touched ? problemsOf(fields) : {};
  const server = form.serverFields;
  const set = (patch: Partial<SignUpFields>): void => {
    setFields((current) => ({ ...current, ...patch }));
  };
  return (
    <div className="auth-page">
      <PageHeader title="Create your LMO account" description="Your apps get an MCP endpoint of their own." />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (Object.values(problemsOf(fields)).some((p) => p !== undefined)) return;
          form.submit(async () => {
            const answer = await signUp({
              email: fields.email,
              password: fields.password,
              ...(fields.withTenant
                ? { tenant: { name: fields.name, displayName: fields.displayName } }
                : {}),
            });
            await navigate(
              answer.tenant === undefined ? safeNext(next, hash) : `/tenants/${answer.tenant.name}`,
            );
          });
        }}
      >
        <Field label="E-mail" error={problems['email'] ?? server['/email']}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              value={fields.email}
              onChange={(event) => {
                set({ email: event.target.value });
              }}
            />
          )}
        </Field>
        <Field
          label="Password"
          hint="At least 12 characters."
          error={problems['password'] ?? server['/password']}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={fields.password}
              onChange={(event) => {
                set({ password: event.target.value });
              }}
            />
          )}
        </Field>
        <div className="field checkbox">
          <input
            id="with-tenant"
            type="checkbox"
            checked={fields.withTenant}
            onChange={(event) => {
              set({ withTenant: event.target.checked });
            }}
          />
          <label htmlFor="with-tenant">Create a tenant for my company now</label>
        </div>
        {fields.withTenant ? (
          <fieldset>
            <legend>Your tenant</legend>
            <Field
              label="Company or project name"
              error={problems['displayName'] ?? server['/tenant/displayName']}
            >
              {(control) => (
                <input
                  {...control}
                  value={fields.displayName}
                  onChange={(event) => {
                    const displayName = event.target.value;
                    set(nameEdited ? { displayName } : { displayName, name: suggestTenantName(displayName) });
                  }}
                />
              )}
            </Field>
            <Field
              label="Tenant name"
              hint="Lower-case letters, digits and -; your endpoint is /t/<name>/mcp."
              error={problems['name'] ?? server['/tenant/name']}
            >
              {(control) => (
                <input
                  {...control}
                  value={fields.name}
                  autoCapitalize="none"
                  spellCheck={false}
                  onChange={(event) => {
                    setNameEdited(true);
                    set({ name: event.target.value });
                  }}
                />
              )}
            </Field>
          </fieldset>
        ) : null}
        {form.error === null ? null : <ErrorNotice error={form.error} title="Could not create the account" />}
        <button type="submit" disabled={form.pending}>
          {form.pending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={loginLink(next, hash)}>Log in</Link>
      </p>
    </div>
  );
}
