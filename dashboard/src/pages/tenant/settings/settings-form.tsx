/**
 * The model settings form: edits the model settings and prompt templates, checks them with the
 * API's own rules as people type, saves only what changed (a JSON merge patch) and then says when
 * the runtime has applied it. Read-only for members, who may not change settings.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { fieldErrors } from '../../../api/errors.ts';
import type { TenantView } from '../../../api/types.ts';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { tenantKey } from '../../../session/tenant.ts';
import { ApplyNotice } from './apply-notice.tsx';
import { issueText } from './issue-text.ts';
import { ModelFields } from './model-fields.tsx';
import { PromptTemplatesEditor } from './prompt-templates-editor.tsx';
import {
  isPlaced,
  settingsIssues,
  settingsPatch,
  valuesOf,
  type SettingsPatch,
  type SettingsValues,
} from './settings-values.ts';

/** The API's field errors of a failed save, in words, by JSON pointer. */
function serverIssues(error: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([path, message]) => [path, issueText(path, message)]),
  );
}

function OtherIssues({ issues }: { issues: readonly [string, string][] }): ReactNode {
  if (issues.length === 0) return null;
  return (
    <div className="notice notice-error">
      <strong>Other settings of this tenant are not valid:</strong>
      <ul>
        {issues.map(([path, message]) => (
          <li key={path}>
            <code>{path}</code>: {message}
          </li>
        ))}
      </ul>
      <p>Ask a platform admin to correct them; until then no change can be saved.</p>
    </div>
  );
}

function ReadOnlyNotice(): ReactNode {
  return (
    <div className="notice notice-warn">
      <strong>You can look, not change.</strong>
      <p>
        Only owners of this tenant can change its model settings. Ask an owner (see the Members page) to make
        the change, or to make you an owner.
      </p>
    </div>
  );
}

/** The settings form of `tenant`, as last read (refreshed every few seconds by the page). */
export function SettingsForm({ tenant }: { tenant: TenantView }): ReactNode {
  const api = useApi();
  const queryClient = useQueryClient();
  const readOnly = tenant.access === 'member';
  const [base, setBase] = useState(tenant.spec);
  const [values, setValues] = useState(() => valuesOf(tenant.spec));
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  const save = useMutation({
    mutationFn: (patch: SettingsPatch) =>
      call(api.PATCH('/v1/tenants/{tenant}', { params: { path: { tenant: tenant.name } }, body: patch })),
    onSuccess: (answer) => {
      queryClient.setQueryData(tenantKey(tenant.name), answer);
      setBase(answer.spec);
      setValues(valuesOf(answer.spec));
      setTouched(false);
      setSaved(answer.generation);
    },
  });
  const patch = settingsPatch(base, values);
  const dirty = Object.keys(patch).length > 0;
  const issues = touched ? settingsIssues(tenant.spec, patch) : {};
  const errors = { ...serverIssues(save.error), ...issues };
  const change = (next: SettingsValues): void => {
    if (save.isError) save.reset();
    setValues(next);
  };
  const count = Object.keys(issues).length;
  return (
    <form
      noValidate
      aria-label="Model settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (readOnly || !dirty || save.isPending) return;
        setTouched(true);
        if (Object.keys(settingsIssues(tenant.spec, patch)).length === 0) save.mutate(patch);
      }}
    >
      {readOnly ? <ReadOnlyNotice /> : null}
      <ApplyNotice tenant={tenant} saved={saved} />
      <fieldset className="settings-fields" disabled={readOnly}>
        <h2>Model</h2>
        <ModelFields
          values={values}
          errors={errors}
          onChange={(part) => {
            change({ ...values, ...part });
          }}
        />
        <PromptTemplatesEditor values={values} errors={errors} onChange={change} />
      </fieldset>
      <OtherIssues issues={Object.entries(errors).filter(([path]) => !isPlaced(path))} />
      {count === 0 ? null : (
        <p role="alert" className="notice notice-error">
          {count === 1 ? 'One setting needs' : `${count} settings need`} correcting, as marked above; then
          save again.
        </p>
      )}
      {save.error === null ? null : <ErrorNotice error={save.error} title="Could not save the settings" />}
      {readOnly ? null : (
        <div className="settings-actions">
          <button type="submit" disabled={!dirty || save.isPending}>
            {save.isPending ? 'Saving…' : dirty ? 'Save changes' : 'No changes to save'}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={!dirty || save.isPending}
            onClick={() => {
              save.reset();
              setTouched(false);
              setValues(valuesOf(base));
            }}
          >
            Discard changes
          </button>
        </div>
      )}
    </form>
  );
}
