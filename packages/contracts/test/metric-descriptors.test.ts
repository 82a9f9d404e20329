import { describe, expect, it } from '@jest/globals';
import { METRIC_DESCRIPTORS, OPERATOR_METRICS, RUNTIME_METRICS, type MetricDescriptor } from '@lmo/contracts';

const byName = new Map(METRIC_DESCRIPTORS.map((d) => [d.name, d]));

describe('metric descriptors', () => {
  it.each([
    ['lmo_requests_total', 'counter', ['tenant', 'model', 'transport', 'status']],
    ['lmo_tokens_total', 'counter', ['tenant', 'model', 'direction']],
    ['lmo_cache_hits_total', 'counter', ['tenant', 'model']],
    ['lmo_cache_misses_total', 'counter', ['tenant', 'model']],
    ['lmo_request_duration_seconds', 'histogram', ['tenant', 'model', 'transport']],
    ['lmo_rate_limited_total', 'counter', ['tenant']],
    ['lmo_usage_events_pending', 'gauge', []],
    ['lmo_operator_reconciles_total', 'counter', ['controller', 'result']],
    ['lmo_operator_reconcile_errors_total', 'counter', ['controller', 'reason']],
    ['lmo_operator_reconcile_duration_seconds', 'histogram', ['controller']],
    ['lmo_operator_queue_depth', 'gauge', ['controller']],
  ])('declares %s as a %s with labels %p', (name, type, labelNames) => {
    expect(byName.get(name)).toMatchObject({ type, labelNames });
  });

  it('lists every runtime and operator metric once', () => {
    expect(METRIC_DESCRIPTORS).toHaveLength(
      Object.keys(RUNTIME_METRICS).length + Object.keys(OPERATOR_METRICS).length,
    );
    expect(byName.size).toBe(METRIC_DESCRIPTORS.length);
  });

  describe.each(METRIC_DESCRIPTORS.map((d): [string, MetricDescriptor] => [d.name, d]))(
    '%s',
    (name, descriptor) => {
      it('follows Prometheus naming', () => {
        expect(name).toMatch(/^lmo_[a-z][a-z0-9_]*[a-z0-9]$/);
        expect(name.endsWith('_total')).toBe(descriptor.type === 'counter');
        if (descriptor.type === 'histogram') expect(name).toMatch(/_seconds$/);
        expect(descriptor.help.length).toBeGreaterThan(10);
      });

      it('has valid, unique label names that cannot carry secrets', () => {
        const labels = descriptor.labelNames;
        expect(new Set(labels).size).toBe(labels.length);
        for (const label of labels) {
          expect(label).toMatch(/^[a-z][a-z_]*$/);
          expect(label).not.toMatch(/key|token(?!s)|secret|password|auth|email|prompt|url|user/i);
        }
        if (descriptor.type === 'histogram') expect(labels).not.toContain('le');
      });

      it('has strictly increasing buckets exactly when it is a histogram', () => {
        const buckets = descriptor.buckets ?? [];
        expect(buckets.length > 0).toBe(descriptor.type === 'histogram');
        expect(buckets.every((b, i) => i === 0 || b > buckets[i - 1]!)).toBe(true);
      });
    },
  );
});
