/** Log in with e-mail and password; back to where the person was going. */
import { useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { emailProblem } from '../../forms/account-rules.ts';
import { useFormSubmit } from '../../forms/use-form-submit.ts';
import { safeNext } from '../../session/require-session.tsx';
import { useSession } from '../../session/session.tsx';

/** The login form. */
export function LoginPage(): ReactNode {
  const { me, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const nextPath = safeNext(params.get('next'));
  // The fragment (an invitation's token) stays a fragment: it never goes into a query string.
  const next = safeNext(nextPath, hash);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const form = useFormSubmit();
  if (me !== null && me !== undefined && !form.pending) return <Navigate replace to={next} />;
  const emailError = touched ? emailProblem(email) : undefined;
  const passwordError = touched && password === '' ? 'Enter your password.' : undefined;
  return (
    <div className="auth-page">
      <PageHeader
        title="Log in to LMO"
        description="Run your tenants, connect your apps, see what they use."
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (emailProblem(email) !== undefined || password === '') return;
          form.submit(async () => {
            await login(email, password);
            await navigate(next);
          });
        }}
      >
        <Field label="E-mail" error={emailError}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label="Password" error={passwordError}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
            />
          )}
        </Field>
        {form.error === null ? null : <ErrorNotice error={form.error} title="Could not log in" />}
        <button type="submit" disabled={form.pending}>
          {form.pending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New here?{' '}
        <Link to={`/signup${params.has('next') ? `?next=${encodeURIComponent(nextPath)}` : ''}${hash}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
