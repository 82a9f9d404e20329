import { describe, expect, it } from '@jest/globals';
import {
  byDifference,
  formatUtcHour,
  hourFromInput,
  hourInputValue,
  matchesName,
  phaseView,
  reconciliationSummary,
  shiftHour,
  signed,
  tokenLimit,
  type AdminTenant,
  type ReconciliationItem,
} from '../../src/pages/admin/admin-data.ts';

const tenant = (name: string, spec: Partial<AdminTenant['spec']> = {}, phase?: string): AdminTenant =>
  ({
    name,
    access: 'admin',
    createdAt: '2026-11-01T00:00:00.000Z',
    generation: 1,
    spec: { displayName: 'Acme Corp.', plan: 'free', limits: {}, suspended: false, ...spec },
    status: phase === undefined ? {} : { phase },
  }) as unknown as AdminTenant;

const line = (name: string, difference: number): ReconciliationItem => ({
  tenant: name,
  meteredTokens: 100 + difference,
  analyticsTokens: 100,
  difference,
  state: 'reported',
});

describe('admin helpers', () => {
  it('shows phases as badges', () => {
    expect(phaseView(tenant('a', {}, 'Ready'))).toEqual({ label: 'Ready', badge: 'badge badge-ok' });
    expect(phaseView(tenant('a', {}, 'Degraded')).badge).toBe('badge badge-error');
    expect(phaseView(tenant('a'))).toEqual({ label: 'Unknown', badge: 'badge' });
  });

  it('matches names and display names in any case', () => {
    expect(matchesName(tenant('acme'), '')).toBe(true);
    expect(matchesName(tenant('acme'), ' ACM ')).toBe(true);
    expect(matchesName(tenant('acme'), 'corp')).toBe(true);
    expect(matchesName(tenant('acme'), 'beta')).toBe(false);
  });

  it('takes the tenant’s own token limit, else its plan’s', () => {
    expect(tokenLimit(tenant('a', { plan: 'pro' }))).toBe(5_000_000);
    expect(tokenLimit(tenant('a', { plan: 'pro', limits: { tokensPerMonth: 1_000 } }))).toBe(1_000);
  });

  it('puts the largest differences first and sums them up in words', () => {
    const items = [line('c', 0), line('b', -5), line('a', 40), line('d', 5)];
    expect(byDifference(items).map((item) => item.tenant)).toEqual(['a', 'b', 'd', 'c']);
    expect(reconciliationSummary(items)).toBe('3 of 4 tenants differ.');
    expect(reconciliationSummary([line('a', 1), line('b', 0)])).toBe('1 of 2 tenants differs.');
    expect(reconciliationSummary([line('a', 0), line('b', 0)])).toBe('All 2 tenants match.');
    expect(reconciliationSummary([line('a', 0)])).toBe('The tenant matches.');
    expect(signed(1200)).toBe('+1,200');
    expect(signed(-3)).toBe('-3');
    expect(signed(0)).toBe('0');
  });

  it('steps, reads and shows UTC hours', () => {
    expect(shiftHour('2026-11-22T00:00:00.000Z', -1)).toBe('2026-11-21T23:00:00.000Z');
    expect(hourInputValue('2026-11-22T13:00:00.000Z')).toBe('2026-11-22T13:00');
    expect(hourFromInput('2026-11-22T13:45')).toBe('2026-11-22T13:00:00.000Z');
    expect(hourFromInput('2026-11-22T13:45:10')).toBe('2026-11-22T13:00:00.000Z');
    expect(hourFromInput('')).toBeUndefined();
    expect(hourFromInput('2026-13-45T99:00')).toBeUndefined();
    expect(formatUtcHour('2026-11-22T13:00:00.000Z')).toBe('22 Nov 2026, 13:00 UTC');
  });
});
