/** The admin page's pure helpers: tenant phases, the name filter, token limits and reconciliation hours. */
import { PLAN_DEFAULTS } from '@lmo/contracts';
import type { Ok } from '../../api/types.ts';

/** A tenant as `GET /v1/tenants?all=true` lists it. */
export type AdminTenant = Ok<'/v1/tenants', 'get'>['items'][number];
/** The reconciliation of one hour. */
export type Reconciliation = Ok<'/v1/admin/billing/reconciliation', 'get'>;
/** One tenant's line of a reconciliation. */
export type ReconciliationItem = Reconciliation['items'][number];

const HOUR_MS = 3_600_000;

const PHASE_BADGES: Readonly<Record<string, string>> = {
  Ready: 'badge badge-ok',
  Pending: 'badge badge-warn',
  Provisioning: 'badge badge-warn',
  Terminating: 'badge badge-warn',
  Degraded: 'badge badge-error',
  Suspended: 'badge badge-error',
};

/** A tenant's phase as a badge: its label and class; "Unknown" before the operator reported one. */
export function phaseView(tenant: AdminTenant): { label: string; badge: string } {
  const phase = tenant.status.phase;
  if (phase === undefined) return { label: 'Unknown', badge: 'badge' };
  return { label: phase, badge: PHASE_BADGES[phase] ?? 'badge' };
}

/** Whether a tenant's name or display name contains `filter` (any case); everything matches "". */
export function matchesName(tenant: Pick<AdminTenant, 'name' | 'spec'>, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return true;
  return tenant.name.includes(wanted) || tenant.spec.displayName.toLowerCase().includes(wanted);
}

/** The tenant's monthly token limit: its own where set, its plan's otherwise. */
export const tokenLimit = (tenant: Pick<AdminTenant, 'spec'>): number =>
  tenant.spec.limits.tokensPerMonth ?? PLAN_DEFAULTS[tenant.spec.plan].tokensPerMonth;

/** Reconciliation lines, the largest differences first, then by name. */
export function byDifference(items: readonly ReconciliationItem[]): ReconciliationItem[] {
  return [...items].sort(
    (a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.tenant.localeCompare(b.tenant),
  );
}

/** How many lines differ, in words. */
export function reconciliationSummary(items: readonly ReconciliationItem[]): string {
  const differing = items.filter((item) => item.difference !== 0).length;
  const tenants = `${items.length} ${items.length === 1 ? 'tenant' : 'tenants'}`;
  if (differing === 0) return items.length === 1 ? 'The tenant matches.' : `All ${tenants} match.`;
  return `${differing} of ${tenants} ${differing === 1 ? 'differs' : 'differ'}.`;
}

/** `+120`, `-5`, `0`. */
export const signed = (value: number): string =>
  value > 0 ? `+${value.toLocaleString('en')}` : value.toLocaleString('en');

/** The hour `hours` after the one starting at `iso` (negative: before). */
export const shiftHour = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/** The value of a `datetime-local` input showing the UTC hour starting at `iso`. */
export const hourInputValue = (iso: string): string => `${iso.slice(0, 13)}:00`;

/** The UTC hour a `datetime-local` value (read as UTC) falls in, or undefined when it is not a time. */
export function hourFromInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const time = Date.parse(`${value}Z`);
  if (Number.isNaN(time)) return undefined;
  return new Date(Math.floor(time / HOUR_MS) * HOUR_MS).toISOString();
}

const utcHour = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** `22 Nov 2026, 14:00 UTC`. */
export const formatUtcHour = (iso: string): string => `${utcHour.format(new Date(iso))} UTC`;
