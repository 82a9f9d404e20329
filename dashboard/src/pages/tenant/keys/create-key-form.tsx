/** The form that creates an API key: a name, checked as the API checks it (1–100 characters). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { fieldErrors } from '../../../api/errors.ts';
import type { Ok } from '../../../api/types.ts';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { keysKey } from './keys-query.ts';

/** A key as `POST /v1/tenants/{tenant}/api-keys` answers: the list fields plus the secret, once. */
export type CreatedKey = Ok<'/v1/tenants/{tenant}/api-keys', 'post'>;

/** What is wrong with a key name, or `undefined`. */
export function keyNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name, for example the app or environment that will use the key.';
  if (name.trim().length > 100) return 'Use at most 100 characters.';
  return undefined;
}

/** Creates a key in `tenant`; `onCreated` gets the answer with the secret. */
export function CreateKeyForm({
  tenant,
  onCreated,
}: {
  tenant: string;
  onCreated: (key: CreatedKey) => void;
}): ReactNode {
  const api = useApi();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useMutation({
    mutationFn: (keyName: string) =>
      call(
        api.POST('/v1/tenants/{tenant}/api-keys', { params: { path: { tenant } }, body: { name: keyName } }),
      ),
    onSuccess: async (created) => {
      onCreated(created);
      setName('');
      setTouched(false);
      await queries.invalidateQueries({ queryKey: keysKey(tenant) });
    },
  });
  const problem = touched ? keyNameProblem(name) : undefined;
  const serverProblem = fieldErrors(create.error)['/name'];
  return (
    <>
      <form
        className="inline"
        noValidate
        aria-label="Create an API key"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (keyNameProblem(name) !== undefined || create.isPending) return;
          create.mutate(name.trim());
        }}
      >
        <Field
          label="Key name"
          hint="Who uses it: an app or environment, e.g. production-web."
          error={problem ?? serverProblem}
        >
          {(control) => (
            <input
              {...control}
              value={name}
              maxLength={100}
              autoComplete="off"
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {create.error === null ? null : <ErrorNotice error={create.error} title="Could not create the key" />}
    </>
  );
}
