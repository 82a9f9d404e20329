/** A tenant's API keys: create one (shown once), see when each was last used, revoke. */
import { useState, type ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useNewKeys } from '../../session/new-keys.tsx';
import { useTenantName } from '../../session/tenant.ts';
import { CreateKeyForm, type CreatedKey } from './keys/create-key-form.tsx';
import { KeyTable } from './keys/key-table.tsx';
import { useApiKeys } from './keys/keys-query.ts';
import { NewKeyBox } from './keys/new-key-box.tsx';
import './keys-page.css';

/** The API keys page. */
export function KeysPage(): ReactNode {
  const tenant = useTenantName();
  const keys = useApiKeys(tenant);
  const { remember } = useNewKeys();
  const [created, setCreated] = useState<CreatedKey | undefined>(undefined);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Your apps authenticate with these keys. Give each app or environment its own, so you can revoke one without touching the others."
      />
      <section className="card" aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">Create a key</h2>
        <CreateKeyForm
          tenant={tenant}
          onCreated={(key) => {
            setCreated(key);
            remember({ tenant, keyId: key.id, name: key.name, key: key.key });
          }}
        />
      </section>
      {created === undefined ? null : (
        <NewKeyBox
          tenant={tenant}
          created={created}
          onDone={() => {
            setCreated(undefined);
          }}
        />
      )}
      <h2>Keys</h2>
      <QueryView
        query={keys}
        what="API keys"
        isEmpty={(items) => items.length === 0}
        empty={
          <>
            <p>No API keys yet.</p>
            <p>Create one above; your apps send it as a Bearer token to reach this tenant’s endpoint.</p>
          </>
        }
      >
        {(items) => (
          <KeyTable
            tenant={tenant}
            keys={[...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          />
        )}
      </QueryView>
    </>
  );
}
