import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Histogram, type Registry } from 'prom-client';

/** Options of the {@link metricsPlugin}. */
export interface MetricsOptions {
  readonly registry: Registry;
}

/**
 * HTTP metrics by route template (never the raw URL, which could carry ids) and process metrics,
 * served at `/metrics` in the Prometheus text format.
 */
export const metricsPlugin = fp<MetricsOptions>(
  (app: FastifyInstance, { registry }, done) => {
    collectDefaultMetrics({ register: registry, prefix: 'lmo_api_' });
    const requests = new Counter({
      name: 'lmo_api_http_requests_total',
      help: 'HTTP requests answered by the platform API, by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'lmo_api_http_request_duration_seconds',
      help: 'Time to answer an HTTP request of the platform API, by method and route template.',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', (request, reply, next) => {
      const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      next();
    });
    app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
    done();
  },
  { name: 'lmo-metrics' },
);
