// The billing job's token sources against real things: the harness's Prometheus scraping a
// runtime-like /metrics endpoint (prom-client), and the direct scrape `make dev` uses. The billed
// hour is compared with the analytics rollup: the difference shows on /metrics and to admins.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { harnessEnv, registerScrapeTarget } from '@lmo/harness';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { BillingJob } from '../src/billing/billing-job.ts';
import { StripeMeterReporter } from '../src/billing/meter-reporter.ts';
import { reconciliationGauge } from '../src/billing/reconciliation.ts';
import { ScrapeTokenSource } from '../src/billing/scrape-token-source.ts';
import { PrometheusTokenSource } from '../src/billing/token-source.ts';
import { hourOf } from '../src/usage/usage-fold.ts';
import {
  awayFromHourEnd,
  promSamples,
  recordingStripe,
  startTokenMetrics,
  stripeMockConfig,
  type TokenMetricsServer,
} from './support/billing.ts';
import { waitFor } from './support/kube.ts';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import { asBrowser, makeTestApp, signUp, uniqueTenant, type TestApp } from './support/test-app.ts';
import { usageEvent } from './support/usage-events.ts';

const silent = pino({ level: 'silent' });

describe('billing token sources', () => {
  let database: TestDatabase;
  let t: TestApp;
  let metrics: TokenMetricsServer;
  let unregister: (() => Promise<void>) | undefined;
  const registry = new Registry();
  const recorder = recordingStripe();

  beforeAll(async () => {
    database = await freshPostgres();
    const stripe = stripeMockConfig();
    t = await makeTestApp({
      db: database.db,
      env: { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_BASE: stripe.apiBase ?? '' },
      deps: { metricsRegistry: registry, stripe: recorder.stripe },
    });
    metrics = await startTokenMetrics();
  }, 60_000);

  afterAll(async () => {
    await unregister?.();
    await metrics.close();
    await t.app.close();
    await database.drop();
  }, 30_000);

  it('bills what Prometheus scraped, reports it to Stripe and reconciles it with the usage events', async () => {
    // Stay inside one hour: the scrapes and the billed window must share it.
    await awayFromHourEnd();
    const tenant = uniqueTenant('p');
    metrics.tokens.inc({ tenant, model: 'echo-1', direction: 'in' }, 0);
    metrics.tokens.inc({ tenant, model: 'echo-1', direction: 'out' }, 0);
    unregister = await registerScrapeTarget(`api-billing-${tenant}`, metrics.target);
    const selector = `lmo_tokens_total{tenant="${tenant}"}`;
    await waitFor('a first scrape', async () => (await promSamples(selector)).length === 2, 30_000);
    metrics.tokens.inc({ tenant, model: 'echo-1', direction: 'in' }, 1000);
    metrics.tokens.inc({ tenant, model: 'echo-1', direction: 'out' }, 234);
    let series: [number, string][][] = [];
    await waitFor(
      'a scrape of the new values',
      async () => {
        series = await promSamples(selector);
        return series.length === 2 && series.every((values) => Number(values.at(-1)?.[1]) > 0);
      },
      30_000,
    );
    expect(series.every((values) => values.length >= 2)).toBe(true);
    // The window ends at the last scrape, so Prometheus' increase() needs no extrapolation.
    const lastScrape = Math.max(...series.map((values) => values.at(-1)?.[0] ?? 0));
    const hour = hourOf(new Date(lastScrape * 1000));
    await t.services.usage.fold([
      usageEvent({
        tenant,
        tokensIn: 900,
        tokensOut: 200,
        time: new Date(lastScrape * 1000 - 1000).toISOString(),
      }),
    ]);
    const job = new BillingJob({
      db: database.db,
      clock: t.clock,
      logger: silent,
      tokens: new PrometheusTokenSource(harnessEnv('PROMETHEUS_URL')),
      reporter: new StripeMeterReporter(recorder.stripe, t.services.billing.accounts, 'lmo_tokens'),
      usage: t.services.usageReports,
      gauge: reconciliationGauge(registry),
      graceSeconds: 0,
      lookbackHours: 1,
    });

    const result = await job.runHour(hour, { from: hour, to: new Date(lastScrape * 1000) });

    const stamp = hour.toISOString().slice(0, 13).replace(/[-T]/g, '');
    expect(result.records.find((r) => r.tenant === tenant)).toEqual({
      tenant,
      hour,
      tokens: 1234,
      state: 'reported',
      identifier: `lmo-${tenant}-${stamp}`,
      attempts: 1,
    });
    const sent = recorder.requests.find((r) => r.form.get('identifier') === `lmo-${tenant}-${stamp}`);
    expect(sent?.form.get('payload[value]')).toBe('1234');
    const exposition = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(exposition.body).toContain(`lmo_billing_reconciliation_difference_tokens{tenant="${tenant}"} 134`);

    const admin = await signUp(t.app);
    await database.db('users').where({ id: admin.userId }).update({ is_platform_admin: true });
    const member = await signUp(t.app);
    const url = `/v1/admin/billing/reconciliation?hour=${encodeURIComponent(hour.toISOString())}`;
    const view = await t.app.inject({ method: 'GET', url, headers: asBrowser(admin) });
    const refused = await t.app.inject({ method: 'GET', url, headers: asBrowser(member) });

    expect(view.json<{ items: unknown[] }>().items).toContainEqual({
      tenant,
      meteredTokens: 1234,
      analyticsTokens: 1100,
      difference: 134,
      state: 'reported',
    });
    expect(refused.json()).toMatchObject({ error: { code: 'LMO_FORBIDDEN' } });
  }, 300_000);

  it('reads the runtimes’ /metrics directly without Prometheus, counting a restart as a reset', async () => {
    const tenant = uniqueTenant('s');
    const source = new ScrapeTokenSource({ db: database.db, urls: [metrics.url], logger: silent });
    const at = (minute: number): Date => new Date(Date.parse('2026-11-22T12:00:00Z') + minute * 60_000);
    const labels = { tenant, model: 'echo-1', direction: 'in' } as const;

    metrics.tokens.inc(labels, 100);
    await source.sample(at(-1)); // before the hour: the baseline
    metrics.tokens.inc(labels, 50);
    await source.sample(at(20));
    metrics.tokens.reset(); // the runtime restarted …
    metrics.tokens.inc(labels, 30); // … and counted 30 since
    await source.sample(at(40));
    metrics.tokens.inc({ ...labels, direction: 'out' }, 5); // a new series
    metrics.tokens.inc(labels, 1);
    await source.sample(at(61)); // after the hour

    const hour = await source.tokensByTenant({ from: at(0), to: at(60) });
    const next = await source.tokensByTenant({ from: at(60), to: at(120) });

    expect(hour.get(tenant)).toBe(80);
    expect(next.get(tenant)).toBe(1);
  }, 30_000);
});
