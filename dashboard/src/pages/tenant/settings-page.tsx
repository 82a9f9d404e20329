/**
 * Model settings of a tenant: provider, model, sampling, system prompt and prompt templates, saved
 * through `PATCH /v1/tenants/{tenant}` (owners) and applied by the runtime shortly after.
 */
import type { ReactNode } from 'react';
import { messageOf } from '../../api/errors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useTenant, useTenantName } from '../../session/tenant.ts';
import { ProviderKeyNote } from './settings/provider-key-note.tsx';
import { SettingsForm } from './settings/settings-form.tsx';
import './settings/settings.css';

/** The Model settings page. */
export function SettingsPage(): ReactNode {
  const name = useTenantName();
  const tenant = useTenant(name);
  const view = tenant.data;
  return (
    <>
      <PageHeader
        title="Model settings"
        description="Which model answers your apps, how it behaves, and the prompts it offers them."
      />
      {view === undefined ? (
        <QueryView query={tenant} what="the model settings">
          {() => null}
        </QueryView>
      ) : (
        <>
          {tenant.isError ? (
            <p className="notice notice-warn">
              Could not refresh the tenant ({messageOf(tenant.error)}); showing what was last read. Trying
              again shortly.
            </p>
          ) : null}
          <SettingsForm key={view.name} tenant={view} />
          <ProviderKeyNote spec={view.spec} />
        </>
      )}
    </>
  );
}
