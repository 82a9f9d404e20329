/** Where the provider's API key comes from: the API takes no key from this form, by design. */
import type { ReactNode } from 'react';
import type { TenantSpec } from '../../../api/types.ts';

/** Explains the provider key and whether one is linked to the tenant. */
export function ProviderKeyNote({ spec }: { spec: TenantSpec }): ReactNode {
  const ref = spec.providerSecretRef;
  const needsKey = spec.model.provider !== 'echo';
  return (
    <section className="card settings-key" aria-labelledby="provider-key-heading">
      <h2 id="provider-key-heading">Provider API key</h2>
      <p>
        The key for your model provider is not entered here, so it never passes through a browser. A platform
        admin stores it on the platform as a secret and links that secret to this tenant; the runtime reads it
        from there.
      </p>
      {ref === undefined ? (
        <p className={needsKey ? 'notice notice-warn' : 'muted'}>
          {needsKey
            ? 'No key secret is linked to this tenant. Unless your platform supplies keys another way, ask a platform admin to link one: without a key the model cannot answer.'
            : 'The echo provider needs no key.'}
        </p>
      ) : (
        <p>
          Linked secret: <code>{ref.name}</code> (key <code>{ref.key}</code>). To replace the key, ask a
          platform admin to update that secret.
        </p>
      )}
    </section>
  );
}
