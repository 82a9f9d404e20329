import { describe, expect, it } from '@jest/globals';
import { RUNTIME_METRICS, type Transport } from '@lmo/contracts';
import { createRuntimeMetrics } from '../../src/metering/index.ts';

describe('runtime metrics', () => {
  it('registers every RUNTIME_METRICS descriptor with its name, help, type and labels', async () => {
    const { registry } = createRuntimeMetrics({ defaultMetrics: false });
    const registered = await registry.getMetricsAsJSON();

    for (const descriptor of Object.values(RUNTIME_METRICS)) {
      const metric = registered.find((m) => m.name === descriptor.name);
      expect(metric).toMatchObject({ help: descriptor.help, type: descriptor.type });
    }
    expect(registered).toHaveLength(Object.keys(RUNTIME_METRICS).length);
  });

  it('adds the default process metrics with the lmo_runtime_ prefix', async () => {
    const text = await createRuntimeMetrics().registry.metrics();

    expect(text).toMatch(/^lmo_runtime_process_cpu_seconds_total /m);
    expect(text).toMatch(/^lmo_requests_total|# HELP lmo_requests_total/m);
  });

  it('counts requests, durations, tokens, cache hits and misses, rate limits and pending events', async () => {
    const metrics = createRuntimeMetrics({ defaultMetrics: false });
    const subject = { tenant: 'acme', model: 'gpt-4o-mini' };

    metrics.recordRequest({ ...subject, transport: 'websocket', status: 'ok', durationSeconds: 0.3 });
    metrics.recordRequest({
      ...subject,
      transport: 'websocket',
      status: 'rate_limited',
      durationSeconds: 0.001,
    });
    metrics.recordTokens(subject, { tokensIn: 120, tokensOut: 30 });
    metrics.recordTokens(subject, { tokensIn: 5, tokensOut: 0 });
    metrics.recordCacheHit(subject);
    metrics.recordCacheMiss(subject);
    metrics.recordCacheMiss(subject);
    metrics.recordRateLimited('acme');
    metrics.setUsageEventsPending(7);
    const text = await metrics.registry.metrics();

    expect(text).toContain(
      'lmo_requests_total{tenant="acme",model="gpt-4o-mini",transport="websocket",status="ok"} 1',
    );
    expect(text).toContain(
      'lmo_requests_total{tenant="acme",model="gpt-4o-mini",transport="websocket",status="rate_limited"} 1',
    );
    expect(text).toContain(
      'lmo_request_duration_seconds_bucket{le="0.5",tenant="acme",model="gpt-4o-mini",transport="websocket"} 2',
    );
    expect(text).toContain('lmo_tokens_total{tenant="acme",model="gpt-4o-mini",direction="in"} 125');
    expect(text).toContain('lmo_tokens_total{tenant="acme",model="gpt-4o-mini",direction="out"} 30');
    expect(text).toContain('lmo_cache_hits_total{tenant="acme",model="gpt-4o-mini"} 1');
    expect(text).toContain('lmo_cache_misses_total{tenant="acme",model="gpt-4o-mini"} 2');
    expect(text).toContain('lmo_rate_limited_total{tenant="acme"} 1');
    expect(text).toContain('lmo_usage_events_pending 7');
  });

  it('refuses a transport or status outside the closed sets', () => {
    const metrics = createRuntimeMetrics({ defaultMetrics: false });
    const record = { tenant: 'acme', model: 'm', status: 'ok', durationSeconds: 1 } as const;

    expect(() => {
      metrics.recordRequest({ ...record, transport: 'carrier-pigeon' as Transport });
    }).toThrow('metric label transport has a value outside its closed set');
  });

  it('keeps each runtime’s metrics on its own registry', async () => {
    const a = createRuntimeMetrics({ defaultMetrics: false });
    const b = createRuntimeMetrics({ defaultMetrics: false });

    a.recordRateLimited('acme');

    expect(await b.registry.metrics()).not.toContain('lmo_rate_limited_total{tenant="acme"} 1');
  });
});
