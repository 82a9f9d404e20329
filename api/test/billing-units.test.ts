import { describe, expect, it } from '@jest/globals';
import { PLAN_DEFAULTS } from '@lmo/contracts';
import { BILLING_PLANS, meteredCostCents, planOf } from '../src/billing/billing-plans.ts';
import { counterIncrease, parseTokenSeries } from '../src/billing/scrape-token-source.ts';
import { billingIdentifier, hourStamp, tokensQuery } from '../src/billing/token-source.ts';
import { isPrivateAddress } from '../src/knowledge/tenant-embedder.ts';

describe('billing identifiers and queries', () => {
  it('names a tenant’s hour the same way every time', () => {
    const hour = new Date('2026-11-22T09:00:00Z');

    expect(hourStamp(hour)).toBe('2026112209');
    expect(billingIdentifier('acme', hour)).toBe('lmo-acme-2026112209');
    expect(billingIdentifier('acme', new Date('2026-11-22T09:00:00.000Z'))).toBe(
      billingIdentifier('acme', hour),
    );
  });

  it('asks Prometheus for the increase of the billed counter per tenant', () => {
    expect(tokensQuery(3600)).toBe('sum by (tenant) (increase(lmo_tokens_total[3600s]))');
  });
});

describe('plans', () => {
  it('carry the contracts’ limits and prices plus a metered price and Stripe lookup key', () => {
    expect(BILLING_PLANS.map((p) => p.name)).toEqual(['free', 'pro', 'enterprise']);
    expect(BILLING_PLANS[1]).toMatchObject({ ...PLAN_DEFAULTS.pro, stripeLookupKey: 'lmo_pro' });
    expect(planOf('lmo_enterprise')).toBe('enterprise');
    expect(planOf('pro')).toBe('pro');
    expect(planOf('lmo_gold')).toBeUndefined();
    expect(planOf(null)).toBeUndefined();
  });

  it('prices metered tokens per million, in whole cents', () => {
    expect(meteredCostCents('pro', 1_000_000)).toBe(200);
    expect(meteredCostCents('pro', 1_234)).toBe(0);
    expect(meteredCostCents('enterprise', 2_500_000)).toBe(300);
    expect(meteredCostCents('free', 10_000_000)).toBe(0);
  });
});

describe('direct scrape arithmetic', () => {
  it('reads each tenant’s lmo_tokens_total series, ignoring other metrics and tenant-less series', () => {
    const exposition = [
      '# HELP lmo_tokens_total LLM tokens consumed',
      '# TYPE lmo_tokens_total counter',
      'lmo_tokens_total{tenant="acme",model="echo-1",direction="in"} 10',
      'lmo_tokens_total{model="gpt",tenant="acme",direction="out"} 5.5',
      'lmo_tokens_total{tenant="beta",model="echo-1",direction="in"} 7 1732262400000',
      'lmo_requests_total{tenant="acme",model="echo-1",transport="rest",status="ok"} 99',
      'lmo_tokens_total{model="x",direction="in"} 3',
    ].join('\n');

    expect(parseTokenSeries(exposition)).toEqual([
      { tenant: 'acme', labels: 'model="echo-1",direction="in"', value: 10 },
      { tenant: 'acme', labels: 'model="gpt",direction="out"', value: 5.5 },
      { tenant: 'beta', labels: 'model="echo-1",direction="in"', value: 7 },
    ]);
  });

  it('adds up a counter’s increases, a drop counting as a restart from zero', () => {
    expect(counterIncrease([])).toBe(0);
    expect(counterIncrease([5])).toBe(0);
    expect(counterIncrease([5, 8, 8, 20])).toBe(15);
    expect(counterIncrease([100, 150, 30, 40])).toBe(50 + 30 + 10);
  });
});

describe('provider address check', () => {
  it('knows private, loopback, link-local and mapped addresses from public ones', () => {
    for (const ip of [
      '10.1.2.3',
      '127.0.0.1',
      '169.254.169.254',
      '172.20.0.1',
      '192.168.1.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['8.8.8.8', '2606:4700::1111', '172.32.0.1'])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });
});
