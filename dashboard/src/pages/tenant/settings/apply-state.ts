/**
 * Whether the runtime has picked up a settings change: the API bumps the tenant's `generation` on
 * every change; the operator (or the local supervisor) reports the generation it reconciled in
 * `status.observedGeneration`, and whether the tenant serves in its `Ready` condition. Pure.
 */
import { findCondition, TENANT_CONDITION_TYPES, type Condition } from '@lmo/contracts';
import type { TenantView } from '../../../api/types.ts';

/** Where a change of generation `saved` stands. */
export type ApplyState =
  | { readonly kind: 'pending'; readonly detail?: string }
  | { readonly kind: 'applied' }
  | { readonly kind: 'failing'; readonly detail: string }
  | { readonly kind: 'stopped'; readonly detail: string };

/** Why a reconciled tenant serves nothing on purpose, if it does not. */
function stopped(tenant: Pick<TenantView, 'spec'>, ready: Condition | undefined): string | undefined {
  if (tenant.spec.suspended) return 'The tenant is suspended; it uses these settings when it is resumed.';
  if (ready?.reason === 'ScaledToZero')
    return 'The runtime is scaled to zero; it uses these settings when it starts.';
  return undefined;
}

/** Where the change that made generation `saved` stands, from the tenant as last read. */
export function applyState(tenant: Pick<TenantView, 'spec' | 'status'>, saved: number): ApplyState {
  const { status } = tenant;
  if ((status.observedGeneration ?? -1) < saved) return { kind: 'pending' };
  const ready = findCondition(status.conditions, TENANT_CONDITION_TYPES.Ready);
  const idle = stopped(tenant, ready);
  if (idle !== undefined) return { kind: 'stopped', detail: idle };
  const degraded = findCondition(status.conditions, TENANT_CONDITION_TYPES.Degraded);
  if (degraded?.status === 'True') return { kind: 'failing', detail: degraded.message };
  if (ready?.status === 'True' && (ready.observedGeneration ?? saved) >= saved) return { kind: 'applied' };
  return ready === undefined || ready.message === ''
    ? { kind: 'pending' }
    : { kind: 'pending', detail: ready.message };
}
