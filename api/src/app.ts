import rateLimit from '@fastify/rate-limit';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { trace } from '@opentelemetry/api';
import { LmoError } from '@lmo/contracts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { pingDatabase } from './db/database.ts';
import { authPlugin } from './http/auth.ts';
import { dashboardPlugin } from './http/dashboard-plugin.ts';
import { docsPlugin } from './http/docs-plugin.ts';
import { errorsPlugin } from './http/errors-plugin.ts';
import { metricsPlugin } from './http/metrics-plugin.ts';
import { securityPlugin } from './http/security-plugin.ts';
import { createValidatorCompiler } from './http/validator.ts';
import { accountRoutes } from './routes/accounts.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { billingRoutes, stripeWebhookRoutes } from './routes/billing.ts';
import { knowledgeRoutes } from './routes/knowledge.ts';
import { memberRoutes } from './routes/members.ts';
import { systemRoutes } from './routes/system.ts';
import { tenantRoutes } from './routes/tenants.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { usageRoutes } from './routes/usage.ts';
import { createServices, type AppDeps, type Services } from './services.ts';

/**
 * A feature's routes: registered in its own encapsulated context with the services and the
 * dependencies; may be async when it needs set-up.
 */
export type RouteModule = (app: FastifyInstance, context: RouteContext) => void | Promise<void>;

/** What a {@link RouteModule} receives. */
export interface RouteContext {
  readonly services: Services;
  readonly deps: AppDeps;
}

/** The route modules of the API, in registration order; later features append theirs. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  accountRoutes,
  tokenRoutes,
  tenantRoutes,
  memberRoutes,
  apiKeyRoutes,
  knowledgeRoutes,
  usageRoutes,
  billingRoutes,
  stripeWebhookRoutes,
];

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** Extra route modules after the built-in ones (knowledge, usage, billing, ...). */
  readonly routes?: readonly RouteModule[];
}

/** The built app and its services (for jobs that run beside the HTTP server). */
export interface BuiltApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  /** The registry `/metrics` serves (background jobs register their metrics here). */
  readonly metrics: Registry;
}

/**
 * Builds the platform API: every dependency passed in, nothing listening yet (`app.listen` or
 * `app.inject`). Routes: `/healthz`, `/readyz`, `/metrics`, `/openapi.json`, `/docs`, and `/v1/…`.
 */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<BuiltApp> {
  const { config } = deps;
  const services = createServices(deps);
  // Fastify's instance type speaks of its own logger interface, which pino's logger satisfies.
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(createValidatorCompiler());
  // One span per request (route, method, status), exported when tracing is configured (main.ts).
  const otel = new FastifyOtelInstrumentation();
  // The global provider is a proxy: spans go to whatever `startTracing` registers, or nowhere.
  otel.setTracerProvider(trace.getTracerProvider());
  await app.register(otel.plugin());
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  await app.register(errorsPlugin);
  await app.register(securityPlugin, { corsOrigins: config.corsOrigins });
  const metrics = deps.metricsRegistry ?? new Registry();
  await app.register(metricsPlugin, { registry: metrics });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new LmoError('LMO_RATE_LIMITED', undefined, {
        details: { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
  await app.register(docsPlugin, { ui: config.docs });
  if (config.dashboardDir !== undefined) await app.register(dashboardPlugin, { root: config.dashboardDir });
  await app.register(authPlugin, {
    users: services.users,
    sessions: services.sessions,
    tokens: services.tokens,
    cookieSecure: config.cookieSecure,
  });
  const checks = {
    database: () => pingDatabase(deps.db),
    ...(services.registry.kind === 'kubernetes' ? { kubernetes: () => services.registry.ping() } : {}),
  };
  await app.register((child, _options, done) => {
    systemRoutes(child, checks);
    done();
  });
  for (const routes of [...ROUTE_MODULES, ...(options.routes ?? [])]) {
    await app.register((child, _options, done) => {
      Promise.resolve(routes(child, { services, deps })).then(() => {
        done();
      }, done);
    });
  }
  return { app, services, metrics };
}
