/**
 * Prometheus metric names and label sets, so that the runtime, the operator, the billing job and
 * the alerts agree on them. Each descriptor carries the fields prom-client's constructors take, so
 * registration is mechanical: `new Counter({ ...d, registers })`, and for a histogram
 * `new Histogram({ ...d, buckets: [...d.buckets], registers })` (prom-client wants a mutable array).
 *
 * Label values must never carry secrets or personal data: no API keys, tokens, prompts, e-mail
 * addresses or raw URLs. Use tenant names, model names and the closed sets exported here (and
 * `USAGE_STATUSES`, `TRANSPORTS`, condition reasons); anything unbounded also breaks Prometheus.
 */

/** The Prometheus metric types LMO uses. */
export type MetricType = 'counter' | 'gauge' | 'histogram';

/** A metric's name, help text, type, label names and, for histograms, bucket bounds. */
export interface MetricDescriptor {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly labelNames: readonly string[];
  readonly buckets?: readonly number[];
}

/** The label object a descriptor takes, for example `{ tenant, model, direction }`. */
export type MetricLabels<D extends MetricDescriptor> = Readonly<Record<D['labelNames'][number], string>>;

/** Values of the `direction` label of `lmo_tokens_total`. */
export const TOKEN_DIRECTIONS = ['in', 'out'] as const;
/** One of {@link TOKEN_DIRECTIONS}. */
export type TokenDirection = (typeof TOKEN_DIRECTIONS)[number];

/** Values of the `result` label of the operator's reconcile metrics. */
export const RECONCILE_RESULTS = ['success', 'requeue', 'error'] as const;
/** One of {@link RECONCILE_RESULTS}. */
export type ReconcileResult = (typeof RECONCILE_RESULTS)[number];

/** Bucket bounds (seconds) for LLM requests: a cache hit takes milliseconds, a long completion minutes. */
export const REQUEST_DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;

/** Bucket bounds (seconds) for one reconcile: a few API round trips. */
export const RECONCILE_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Metrics of the per-tenant MCP runtime. `lmo_tokens_total` is what billing reads. */
export const RUNTIME_METRICS = {
  requests: {
    name: 'lmo_requests_total',
    help: 'MCP and REST requests handled, by tenant, model, transport and final status.',
    type: 'counter',
    labelNames: ['tenant', 'model', 'transport', 'status'],
  },
  tokens: {
    name: 'lmo_tokens_total',
    help: 'LLM tokens consumed, by tenant, model and direction (in = prompt, out = completion). Billed.',
    type: 'counter',
    labelNames: ['tenant', 'model', 'direction'],
  },
  cacheHits: {
    name: 'lmo_cache_hits_total',
    help: 'LLM calls answered from the response cache.',
    type: 'counter',
    labelNames: ['tenant', 'model'],
  },
  cacheMisses: {
    name: 'lmo_cache_misses_total',
    help: 'LLM calls that missed the response cache and went to the provider.',
    type: 'counter',
    labelNames: ['tenant', 'model'],
  },
  requestDuration: {
    name: 'lmo_request_duration_seconds',
    help: 'Time from receiving a request to its last byte.',
    type: 'histogram',
    labelNames: ['tenant', 'model', 'transport'],
    buckets: REQUEST_DURATION_BUCKETS,
  },
  rateLimited: {
    name: 'lmo_rate_limited_total',
    help: "Requests refused by the tenant's rate limit.",
    type: 'counter',
    labelNames: ['tenant'],
  },
  usageEventsPending: {
    name: 'lmo_usage_events_pending',
    help: 'Usage events kept locally because Kafka did not accept them yet.',
    type: 'gauge',
    labelNames: [],
  },
} as const satisfies Record<string, MetricDescriptor>;

/** Metrics of the operator. `controller` names the reconciler (one per concern). */
export const OPERATOR_METRICS = {
  reconciles: {
    name: 'lmo_operator_reconciles_total',
    help: 'Reconciles finished, by controller and result.',
    type: 'counter',
    labelNames: ['controller', 'result'],
  },
  reconcileErrors: {
    name: 'lmo_operator_reconcile_errors_total',
    help: 'Reconciles that failed, by controller and condition reason.',
    type: 'counter',
    labelNames: ['controller', 'reason'],
  },
  reconcileDuration: {
    name: 'lmo_operator_reconcile_duration_seconds',
    help: 'Time one reconcile took.',
    type: 'histogram',
    labelNames: ['controller'],
    buckets: RECONCILE_DURATION_BUCKETS,
  },
  queueDepth: {
    name: 'lmo_operator_queue_depth',
    help: 'Keys waiting in the work queue.',
    type: 'gauge',
    labelNames: ['controller'],
  },
} as const satisfies Record<string, MetricDescriptor>;

/** Every metric LMO exports. */
export const METRIC_DESCRIPTORS: readonly MetricDescriptor[] = [
  ...Object.values(RUNTIME_METRICS),
  ...Object.values(OPERATOR_METRICS),
];
