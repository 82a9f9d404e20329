// Billing from a real runtime: the harness's Prometheus scrapes an `mcp-runtime` process that
// answers real requests; the billing job bills exactly the tokens the runtime reported to its
// callers, and the usage events the runtime wrote reconcile with it to a difference of 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';
import { renderRuntimeConfig, runtimeConfigJson } from '@lmo/cdk8s/runtime-config';
import {
  apiKeyEntryName,
  formatApiKeyHash,
  parseUsageEvent,
  validateTenantSpec,
  type TenantSpec,
} from '@lmo/contracts';
import { harnessEnv, registerScrapeTarget } from '@lmo/harness';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { BillingJob } from '../src/billing/billing-job.ts';
import { reconciliationGauge } from '../src/billing/reconciliation.ts';
import { PrometheusTokenSource } from '../src/billing/token-source.ts';
import { hourOf } from '../src/usage/usage-fold.ts';
import { awayFromHourEnd, promSamples } from './support/billing.ts';
import { waitFor } from './support/kube.ts';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import { makeTestApp, uniqueTenant, type TestApp } from './support/test-app.ts';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

const tenant = uniqueTenant('rt');
const registry = new Registry();
let database: TestDatabase;
let t: TestApp;
let dir: string;
let child: ChildProcess;
let base: string;
let key: string;
let metricsTarget: string;
let unregister: (() => Promise<void>) | undefined;

beforeAll(async () => {
  database = await freshPostgres();
  t = await makeTestApp({ db: database.db, deps: { metricsRegistry: registry } });
  dir = await mkdtemp(join(tmpdir(), 'lmo-billing-rt-'));
  const spec = (
    validateTenantSpec({ displayName: 'Billing', owner: 'b@example.com' }) as { value: TenantSpec }
  ).value;
  await writeFile(
    join(dir, 'config.json'),
    runtimeConfigJson(renderRuntimeConfig({ name: tenant, spec }, DEFAULT_PLATFORM_SETTINGS)),
  );
  const keyId = randomBytes(6).toString('hex');
  key = `lmo_${keyId}_${randomBytes(32).toString('base64url')}`;
  await writeFile(
    join(dir, apiKeyEntryName(keyId)),
    formatApiKeyHash(createHash('sha256').update(key).digest('hex')),
  );
  const [port, metricsPort] = [await freePort(), await freePort()];
  child = spawn(
    process.execPath,
    [
      'mcp-runtime/src/main.ts',
      '--config',
      dir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--metrics-port',
      String(metricsPort),
      '--log-level',
      'warn',
    ],
    // In-process limits and the local event file: the events are read back below.
    { stdio: 'ignore', env: { ...process.env, KAFKA_BROKERS: '', REDIS_URL: '' } },
  );
  base = `http://127.0.0.1:${String(port)}/t/${tenant}/`;
  metricsTarget = `127.0.0.1:${String(metricsPort)}`;
  await waitFor(
    'the runtime',
    () =>
      fetch(`http://127.0.0.1:${String(port)}/readyz`).then(
        (r) => r.ok,
        () => false,
      ),
    30_000,
  );
}, 90_000);

afterAll(async () => {
  await unregister?.();
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
  await t.app.close();
  await database.drop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('billing from a real runtime scraped by Prometheus', () => {
  it('bills the tokens the runtime answered with, and reconciles them with its usage events', async () => {
    // Stay inside one hour: the scrapes and the billed window must share it.
    await awayFromHourEnd();
    unregister = await registerScrapeTarget(`api-billing-runtime-${tenant}`, metricsTarget);
    const selector = `lmo_tokens_total{tenant="${tenant}"}`;
    // The runtime starts its series at 0, so the first scrape already has both directions.
    await waitFor('a first scrape', async () => (await promSamples(selector)).length === 2, 60_000);

    let answered = 0;
    for (const prompt of ['one', 'two words', 'three little words', 'and four more words']) {
      const response = await fetch(new URL('v1/query', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ prompt }),
      });
      const body = (await response.json()) as { usage: { tokensIn: number; tokensOut: number } };
      answered += body.usage.tokensIn + body.usage.tokensOut;
    }
    let series: [number, string][][] = [];
    await waitFor(
      'a scrape of the new values',
      async () => {
        series = await promSamples(selector);
        return series.reduce((sum, values) => sum + Number(values.at(-1)?.[1] ?? 0), 0) === answered;
      },
      60_000,
    );
    const lastScrape = Math.max(...series.map((values) => values.at(-1)?.[0] ?? 0));
    const hour = hourOf(new Date(lastScrape * 1000));

    const lines = (await readFile(join(dir, 'usage-events.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l !== '');
    const events = lines.map((l) => parseUsageEvent(l)).flatMap((r) => (r.ok ? [r.value] : []));
    expect(events).toHaveLength(4);
    await t.services.usage.fold(events);

    const job = new BillingJob({
      db: database.db,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
      tokens: new PrometheusTokenSource(harnessEnv('PROMETHEUS_URL')),
      usage: t.services.usageReports,
      gauge: reconciliationGauge(registry),
      graceSeconds: 0,
      lookbackHours: 1,
    });
    const result = await job.runHour(hour, { from: hour, to: new Date(lastScrape * 1000) });

    expect(result.records.find((r) => r.tenant === tenant)?.tokens).toBe(answered);
    const exposition = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(exposition.body).toContain(`lmo_billing_reconciliation_difference_tokens{tenant="${tenant}"} 0`);
  }, 360_000);
});
