/**
 * Metering: the runtime's Prometheus metrics and its usage events (Kafka with an on-disk spool in
 * production, a local append-only log for `make dev`).
 */
export { backoffDelayMs, type BackoffPolicy } from './backoff.ts';
export { needsNewProducer, usageMessage } from './kafka-sender.ts';
export { createKafkaUsagePublisher, type KafkaUsagePublisherOptions } from './kafka-usage-publisher.ts';
export { createLocalUsagePublisher, type LocalUsagePublisherOptions } from './local-usage-publisher.ts';
export {
  createRuntimeMetrics,
  registerMetric,
  type MetricSubject,
  type RequestRecord,
  type RuntimeMetrics,
  type RuntimeMetricsOptions,
} from './runtime-metrics.ts';
export {
  usageRecord,
  usageUnavailable,
  type PublishOptions,
  type UsagePublisher,
  type UsageRecordInput,
} from './usage-publisher.ts';
export { UsageSpool, type SpoolRecord, type SpoolRecovery, type UsageSpoolOptions } from './usage-spool.ts';
