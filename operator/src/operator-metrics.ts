import { OPERATOR_METRICS } from '@lmo/contracts';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The operator's Prometheus metrics, on a registry of its own (no global state). */
export interface OperatorMetrics {
  readonly registry: Registry;
  readonly reconciles: Counter<'controller' | 'result'>;
  readonly reconcileErrors: Counter<'controller' | 'reason'>;
  readonly reconcileDuration: Histogram<'controller'>;
  readonly queueDepth: Gauge<'controller'>;
  readonly apiWrites: Counter<'verb' | 'resource'>;
}

export function createOperatorMetrics(): OperatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lmo_operator_' });
  const m = OPERATOR_METRICS;
  const registers = [registry];
  return {
    registry,
    reconciles: new Counter({ ...m.reconciles, labelNames: [...m.reconciles.labelNames], registers }),
    reconcileErrors: new Counter({
      ...m.reconcileErrors,
      labelNames: [...m.reconcileErrors.labelNames],
      registers,
    }),
    reconcileDuration: new Histogram({
      ...m.reconcileDuration,
      labelNames: [...m.reconcileDuration.labelNames],
      buckets: [...m.reconcileDuration.buckets],
      registers,
    }),
    queueDepth: new Gauge({ ...m.queueDepth, labelNames: [...m.queueDepth.labelNames], registers }),
    apiWrites: new Counter({
      name: 'lmo_operator_api_writes_total',
      help: 'Write requests the operator sent to the Kubernetes API, by verb and resource.',
      labelNames: ['verb', 'resource'],
      registers,
    }),
  };
}
