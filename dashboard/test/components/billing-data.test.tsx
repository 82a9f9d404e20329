import { describe, expect, it } from '@jest/globals';
import {
  billedTokens,
  invoiceBadge,
  meteredCost,
  meteredPrice,
  monthlyPrice,
  nextMonthStart,
  planLimits,
  planMove,
  planTitle,
  recordState,
  subscriptionView,
  type Plan,
} from '../../src/pages/tenant/billing/billing-data.ts';

const plan = (name: Plan['name'], monthlyPriceCents: number, meteredCentsPerMillionTokens: number): Plan => ({
  name,
  tokensPerMonth: 5_000_000,
  requestsPerMinute: 600,
  cpu: '2',
  memory: '4Gi',
  maxReplicas: 1,
  monthlyPriceCents,
  meteredCentsPerMillionTokens,
  stripeLookupKey: `lmo_${name}`,
});

const FREE = plan('free', 0, 0);
const PRO = plan('pro', 4_900, 200);
const ENTERPRISE = plan('enterprise', 99_900, 120);

describe('billing helpers', () => {
  it('names plans and their prices', () => {
    expect(planTitle('enterprise')).toBe('Enterprise');
    expect(monthlyPrice(FREE)).toBe('No monthly fee');
    expect(monthlyPrice(PRO)).toBe('$49.00 a month');
    expect(meteredPrice(FREE)).toBe('Tokens included, up to the limit');
    expect(meteredPrice(ENTERPRISE)).toBe('$1.20 per million tokens');
    expect(planLimits(PRO)).toEqual([
      '5M tokens a month',
      '600 requests a minute',
      'Up to 1 runtime replica',
      '2 CPU, 4Gi memory',
    ]);
  });

  it('prices tokens at the metered rate, in whole cents', () => {
    expect(meteredCost(PRO, 2_500_000)).toBe(500);
    expect(meteredCost(PRO, 1_234)).toBe(0);
    expect(meteredCost(ENTERPRISE, 10_000_000)).toBe(1_200);
    expect(meteredCost(FREE, 99_000)).toBe(0);
  });

  it('tells upgrades from downgrades by the monthly price', () => {
    expect(planMove(FREE, PRO)).toBe('Upgrade');
    expect(planMove(ENTERPRISE, PRO)).toBe('Downgrade');
    expect(planMove(PRO, PRO)).toBe('Switch');
    expect(planMove(undefined, PRO)).toBe('Switch');
  });

  it('reads subscription, invoice and billing record states', () => {
    expect(subscriptionView('active')).toMatchObject({ label: 'Active', badge: 'badge badge-ok' });
    expect(subscriptionView('past_due').badge).toBe('badge badge-warn');
    expect(subscriptionView(null).label).toBe('None');
    expect(subscriptionView('paused').label).toBe('paused');
    expect(invoiceBadge('paid')).toBe('badge badge-ok');
    expect(invoiceBadge('open')).toBe('badge badge-warn');
    expect(invoiceBadge(null)).toBe('badge');
    expect(recordState('local').label).toBe('Recorded');
  });

  it('adds up billed hours and finds the next month', () => {
    expect(
      billedTokens([
        { hour: 'a', tokens: 5, state: 'reported', identifier: 'x' },
        { hour: 'b', tokens: 7, state: 'pending', identifier: 'y' },
      ]),
    ).toBe(12);
    expect(nextMonthStart(new Date('2026-12-31T23:00:00.000Z'))).toEqual(
      new Date('2027-01-01T00:00:00.000Z'),
    );
  });
});
