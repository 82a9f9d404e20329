import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { parseApiConfig } from '../src/config/api-config.ts';

describe('parseApiConfig: knowledge, usage and billing', () => {
  it('tails local files and runs no billing job by default (make dev)', () => {
    const result = parseApiConfig({ LMO_DATA_DIR: '/tmp/lmo' });

    expect(result.ok && result.config).toMatchObject({
      knowledge: { maxUploadBytes: 10_485_760, allowPrivateNetworks: false },
      usage: { kind: 'files', dir: '/tmp/lmo/tenants' },
      billing: { tokens: { kind: 'none' }, intervalSeconds: 60, graceSeconds: 120, lookbackHours: 24 },
      stripe: undefined,
    });
  });

  it('consumes Kafka, reads Prometheus and reports to Stripe when configured', () => {
    const result = parseApiConfig({
      KAFKA_BROKERS: 'kafka-0:9092,kafka-1:9092',
      LMO_USAGE_TOPIC: 'lmo.usage.v1',
      PROMETHEUS_URL: 'http://prometheus:9090/',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      LMO_TENANT_REGISTRY: 'kubernetes',
    });

    expect(result.ok && result.config).toMatchObject({
      usage: {
        kind: 'kafka',
        brokers: ['kafka-0:9092', 'kafka-1:9092'],
        topic: 'lmo.usage.v1',
        groupId: 'lmo-api-usage',
      },
      billing: { tokens: { kind: 'prometheus', url: 'http://prometheus:9090' } },
      stripe: {
        secretKey: 'sk_test_123',
        apiBase: 'http://127.0.0.1:12111',
        webhookSecret: 'whsec_abc',
        meterEventName: 'lmo_tokens',
      },
    });
  });

  it('scrapes runtimes directly without Prometheus, and consumes nothing in a cluster without Kafka', () => {
    const result = parseApiConfig({
      LMO_RUNTIME_METRICS_URLS: 'http://127.0.0.1:9464/metrics, http://127.0.0.1:9465/metrics',
      LMO_TENANT_REGISTRY: 'kubernetes',
    });

    expect(result.ok && result.config).toMatchObject({
      usage: { kind: 'none' },
      billing: {
        tokens: { kind: 'scrape', urls: ['http://127.0.0.1:9464/metrics', 'http://127.0.0.1:9465/metrics'] },
      },
    });
  });

  it('lists every problem of the background settings, without echoing secrets', () => {
    const result = parseApiConfig({
      LMO_USAGE_SOURCE: 'kafka',
      KAFKA_BROKERS: undefined,
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      STRIPE_WEBHOOK_SECRET: 'whsec_hunter2',
      LMO_RUNTIME_METRICS_URLS: 'ftp://x/metrics',
      LMO_BILLING_INTERVAL_SECONDS: '0',
    });
    const bad = parseApiConfig({ STRIPE_SECRET_KEY: 'pk_live_hunter2', KAFKA_BROKERS: 'no-port' });

    expect(result).toEqual({ ok: false, problems: ['LMO_BILLING_INTERVAL_SECONDS: must be >= 1'] });
    const fixed = parseApiConfig({
      LMO_USAGE_SOURCE: 'kafka',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      STRIPE_WEBHOOK_SECRET: 'whsec_hunter2',
      LMO_RUNTIME_METRICS_URLS: 'ftp://x/metrics',
    });
    expect(fixed).toEqual({
      ok: false,
      problems: [
        'LMO_USAGE_SOURCE=kafka needs KAFKA_BROKERS',
        'STRIPE_API_BASE needs STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET needs STRIPE_SECRET_KEY',
        'LMO_RUNTIME_METRICS_URLS: "ftp://x/metrics" is not an http(s) URL',
      ],
    });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify([result, fixed, bad])).not.toContain('hunter2');
  });

  it('keeps Stripe secrets out of --check-config', async () => {
    const main = new URL('../src/main.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [main, '--check-config'], {
      env: { ...process.env, STRIPE_SECRET_KEY: 'sk_test_hunter2', STRIPE_WEBHOOK_SECRET: 'whsec_hunter3' },
    });

    expect(JSON.parse(stdout)).toMatchObject({
      stripe: { secretKey: '[redacted]', webhookSecret: '[redacted]' },
    });
    expect(stdout).not.toMatch(/hunter[23]/);
  }, 30_000);
});
