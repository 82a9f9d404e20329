// The background services `make dev` runs, started by startApi as main.ts does: the tailer of the
// runtimes' usage-events.jsonl files and the billing job reading a runtime's /metrics directly
// (no Kafka, no Prometheus, no Stripe), on embedded PGlite; both stop with the API.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { pino } from 'pino';
import { parseApiConfig } from '../src/config/api-config.ts';
import { startApi, type RunningApi } from '../src/start.ts';
import { startTokenMetrics, type TokenMetricsServer } from './support/billing.ts';
import { usageEvent } from './support/usage-events.ts';

jest.setTimeout(60_000);

const until = async (check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('standalone background services (files and direct scrape)', () => {
  let dir: string;
  let metrics: TokenMetricsServer;
  let api: RunningApi;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-dev-'));
    metrics = await startTokenMetrics();
    metrics.tokens.inc({ tenant: 'demo', model: 'echo-1', direction: 'in' }, 42);
    const parsed = parseApiConfig({
      DATABASE_URL: 'pglite:memory',
      LMO_DATA_DIR: dir,
      LMO_API_PORT: '0',
      LMO_RUNTIME_METRICS_URLS: metrics.url,
      LMO_BILLING_INTERVAL_SECONDS: '1',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    api = await startApi(parsed.config, pino({ level: 'silent' }));
  }, 60_000);

  afterAll(async () => {
    await api.stop();
    await metrics.close();
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it('starts the file tailer and the scraping billing job, and no Kafka consumer', () => {
    expect(api.background.tailer).toBeDefined();
    expect(api.background.billingJob).toBeDefined();
    expect(api.background.consumer).toBeUndefined();
  });

  it('folds what a runtime appends to its usage-events.jsonl', async () => {
    await mkdir(join(dir, 'tenants', 'demo'), { recursive: true });
    const events = [
      usageEvent({ tenant: 'demo' }),
      usageEvent({ tenant: 'demo', status: 'timeout', errorCode: 'LMO_PROVIDER_TIMEOUT' }),
    ];
    await writeFile(
      join(dir, 'tenants', 'demo', 'usage-events.jsonl'),
      events.map((e) => `${JSON.stringify(e)}\n`).join(''),
    );

    await until(
      async () =>
        Number((await api.db('usage_requests').where({ tenant: 'demo' }).count('* as n'))[0]?.['n']) === 2,
    );
    const rows = await api
      .db('usage_rollups')
      .where({ tenant: 'demo', granularity: 'hour' })
      .select('requests', 'errors');
    expect(
      rows.map((r: { requests: string | number; errors: string | number }) => [
        Number(r.requests),
        Number(r.errors),
      ]),
    ).toEqual([[2, 1]]);
  });

  it('samples the runtime’s token counter for billing', async () => {
    await until(
      async () => (await api.db('token_counter_samples').where({ tenant: 'demo' }).first()) !== undefined,
    );
    const sample = (await api.db('token_counter_samples').where({ tenant: 'demo' }).first()) as {
      target: string;
      value: number;
    };

    expect(sample).toMatchObject({ target: `${metrics.url} {model="echo-1",direction="in"}`, value: 42 });
  });
});
