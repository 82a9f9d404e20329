/**
 * The runtime's Prometheus metrics: every metric of `RUNTIME_METRICS` (registered mechanically from
 * the descriptors, so names, help and labels stay those the billing job and alerts expect) and the
 * default process metrics, on a registry of the runtime's own (no global state).
 *
 * Label values come only from configuration (tenant, model) and closed sets (`TRANSPORTS`,
 * `USAGE_STATUSES`, token directions), never from request input: a label value taken from a request
 * would let any caller grow Prometheus without bound or leak what they sent.
 */
import {
  RUNTIME_METRICS,
  TRANSPORTS,
  USAGE_STATUSES,
  type MetricDescriptor,
  type Transport,
  type UsageStatus,
} from '@lmo/contracts';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import type { TokenUsage } from '../providers/llm-provider.ts';

/** Tenant and model, both from the tenant configuration. */
export interface MetricSubject {
  readonly tenant: string;
  readonly model: string;
}

/** One finished request. */
export interface RequestRecord extends MetricSubject {
  readonly transport: Transport;
  readonly status: UsageStatus;
  /** From receiving the request to its last byte. */
  readonly durationSeconds: number;
}

/** The runtime's metrics and the typed ways to move them. */
export interface RuntimeMetrics {
  /** Serve it on `/metrics`: `await registry.metrics()` with `registry.contentType`. */
  readonly registry: Registry;
  /** Counts a request in `lmo_requests_total` and observes `lmo_request_duration_seconds`. */
  recordRequest(record: RequestRecord): void;
  /** Adds a call's tokens to `lmo_tokens_total` (direction `in` and `out`): what billing reads. */
  recordTokens(subject: MetricSubject, usage: TokenUsage): void;
  /** Counts an answer from the response cache. */
  recordCacheHit(subject: MetricSubject): void;
  /** Counts a call that missed the response cache. */
  recordCacheMiss(subject: MetricSubject): void;
  /** Counts a request refused by the rate limit. */
  recordRateLimited(tenant: string): void;
  /** Sets `lmo_usage_events_pending`: usage events waiting for Kafka. */
  setUsageEventsPending(pending: number): void;
}

/** Options of {@link createRuntimeMetrics}. */
export interface RuntimeMetricsOptions {
  /** Collect the default Node.js process metrics, prefixed `lmo_runtime_`. @default true */
  readonly defaultMetrics?: boolean;
}

type RuntimeMetricKey = keyof typeof RUNTIME_METRICS;

/** Registers one descriptor as the prom-client metric of its type. */
export function registerMetric(descriptor: MetricDescriptor, registry: Registry): Metric {
  const config = {
    name: descriptor.name,
    help: descriptor.help,
    labelNames: [...descriptor.labelNames],
    registers: [registry],
  };
  switch (descriptor.type) {
    case 'counter':
      return new Counter(config);
    case 'gauge':
      return new Gauge(config);
    case 'histogram':
      return new Histogram({
        ...config,
        ...(descriptor.buckets ? { buckets: [...descriptor.buckets] } : {}),
      });
  }
}

function assertOneOf<T extends string>(value: T, allowed: readonly T[], label: string): T {
  if (!allowed.includes(value)) throw new Error(`metric label ${label} has a value outside its closed set`);
  return value;
}

/** Creates the runtime's registry with every runtime metric. */
export function createRuntimeMetrics(options: RuntimeMetricsOptions = {}): RuntimeMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'lmo_runtime_' });
  const metrics = Object.fromEntries(
    Object.entries(RUNTIME_METRICS).map(([key, descriptor]) => [key, registerMetric(descriptor, registry)]),
  ) as Record<RuntimeMetricKey, Metric>;
  const counter = (key: RuntimeMetricKey): Counter => metrics[key] as Counter;
  const histogram = metrics.requestDuration as Histogram;
  const pending = metrics.usageEventsPending as Gauge;

  return {
    registry,
    recordRequest({ tenant, model, transport, status, durationSeconds }) {
      assertOneOf(transport, TRANSPORTS, 'transport');
      assertOneOf(status, USAGE_STATUSES, 'status');
      counter('requests').inc({ tenant, model, transport, status });
      histogram.observe({ tenant, model, transport }, durationSeconds);
    },
    recordTokens({ tenant, model }, usage) {
      counter('tokens').inc({ tenant, model, direction: 'in' }, usage.tokensIn);
      counter('tokens').inc({ tenant, model, direction: 'out' }, usage.tokensOut);
    },
    recordCacheHit({ tenant, model }) {
      counter('cacheHits').inc({ tenant, model });
    },
    recordCacheMiss({ tenant, model }) {
      counter('cacheMisses').inc({ tenant, model });
    },
    recordRateLimited(tenant) {
      counter('rateLimited').inc({ tenant });
    },
    setUsageEventsPending(n) {
      pending.set(n);
    },
  };
}
