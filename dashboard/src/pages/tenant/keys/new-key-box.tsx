/** A key just created, shown once: the secret, a copy button, the warning and where to test it. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/copy-button.tsx';
import type { CreatedKey } from './create-key-form.tsx';

/** The one-time view of `created`; `onDone` hides it. */
export function NewKeyBox({
  tenant,
  created,
  onDone,
}: {
  tenant: string;
  created: CreatedKey;
  onDone: () => void;
}): ReactNode {
  return (
    <section className="card new-key" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">Key “{created.name}” created</h2>
      <div role="alert" className="notice notice-warn">
        <strong>Copy it now; it will not be shown again.</strong>
        <p>LMO keeps only a fingerprint of it. If you lose it, revoke it and create a new one.</p>
      </div>
      <div className="new-key-row">
        <code className="secret" aria-label={`API key ${created.name}`}>
          {created.key}
        </code>
        <CopyButton text={created.key} label={`Copy API key ${created.name}`} />
      </div>
      <p>
        Apps send it as <span className="code">Authorization: Bearer &lt;key&gt;</span>; it works within a few
        seconds. This tab remembers it until you reload, so you can{' '}
        <Link to={`/tenants/${tenant}/connect`}>test it on the Connect page</Link>.
      </p>
      <button type="button" className="button-secondary" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
