/** Tells whether saved settings are in use yet: pending until the runtime has picked them up. */
import type { ReactNode } from 'react';
import type { TenantView } from '../../../api/types.ts';
import { applyState, type ApplyState } from './apply-state.ts';

function Content({ state, savedHere }: { state: ApplyState; savedHere: boolean }): ReactNode {
  switch (state.kind) {
    case 'applied':
      return savedHere ? (
        <div className="notice notice-ok">
          <strong>Applied by the runtime.</strong> Your apps get the new settings now.
        </div>
      ) : null;
    case 'pending':
      return (
        <div className="notice notice-warn">
          <strong>
            <span className="spinner" aria-hidden="true" />{' '}
            {savedHere
              ? 'Saved; waiting for the runtime to apply it…'
              : 'Recent changes are waiting for the runtime to apply them…'}
          </strong>
          <p>Until then your apps keep getting the previous settings. This usually takes a few seconds.</p>
          {state.detail === undefined ? null : <p className="muted">Runtime: {state.detail}</p>}
        </div>
      );
    case 'stopped':
      return (
        <div className="notice notice-warn">
          <strong>Saved.</strong> {state.detail}
        </div>
      );
    case 'failing':
      return (
        <div className="notice notice-error">
          <strong>Saved, but the runtime has a problem:</strong> {state.detail}
          <p>Check the provider, model name and base URL; a platform admin can look at the runtime too.</p>
        </div>
      );
  }
}

/**
 * The state of the latest change: `saved` is the generation this page saved, if any; without one,
 * only changes still pending are mentioned.
 */
export function ApplyNotice({ tenant, saved }: { tenant: TenantView; saved: number | undefined }): ReactNode {
  const state = applyState(tenant, saved ?? tenant.generation);
  return (
    <div role="status" aria-live="polite">
      <Content state={state} savedHere={saved !== undefined} />
    </div>
  );
}
