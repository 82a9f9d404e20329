/** Create another tenant; its owner is the person creating it. */
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { displayNameProblem, suggestTenantName, tenantNameProblem } from '../../forms/account-rules.ts';
import { useFormSubmit } from '../../forms/use-form-submit.ts';
import { useSession } from '../../session/session.tsx';

/** The new-tenant form. */
export function NewTenantPage(): ReactNode {
  const api = useApi();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [touched, setTouched] = useState(false);
  const form = useFormSubmit();
  const displayError = touched ? displayNameProblem(displayName) : undefined;
  const nameError = touched ? tenantNameProblem(name) : undefined;
  return (
    <>
      <PageHeader
        title="New tenant"
        description="A tenant has its own endpoint, keys, settings, knowledge and bill."
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (displayNameProblem(displayName) !== undefined || tenantNameProblem(name) !== undefined) return;
          form.submit(async () => {
            const tenant = await call(api.POST('/v1/tenants', { body: { name, displayName } }));
            await refresh();
            await navigate(`/tenants/${tenant.name}`);
          });
        }}
      >
        <Field label="Company or project name" error={displayError ?? form.serverFields['/displayName']}>
          {(control) => (
            <input
              {...control}
              value={displayName}
              onChange={(event) => {
                setDisplayName(event.target.value);
                if (!nameEdited) setName(suggestTenantName(event.target.value));
              }}
            />
          )}
        </Field>
        <Field
          label="Tenant name"
          hint="Lower-case letters, digits and -; your endpoint is /t/<name>/mcp."
          error={nameError ?? form.serverFields['/name']}
        >
          {(control) => (
            <input
              {...control}
              value={name}
              autoCapitalize="none"
              spellCheck={false}
              onChange={(event) => {
                setNameEdited(true);
                setName(event.target.value);
              }}
            />
          )}
        </Field>
        {form.error === null ? null : <ErrorNotice error={form.error} title="Could not create the tenant" />}
        <button type="submit" disabled={form.pending}>
          {form.pending ? 'Creating…' : 'Create tenant'}
        </button>
      </form>
    </>
  );
}
