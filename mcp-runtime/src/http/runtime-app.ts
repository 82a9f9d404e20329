/**
 * The runtime's HTTP server: the tenant endpoint under its path (`/t/<tenant>/`: `mcp`, `sse` +
 * `messages`, `ws`, `v1/query`, `v1/stream`), the RFC 9728 protected-resource metadata, and the
 * probes. Every endpoint route passes the gate first; errors answer with the catalogue's body.
 */
import type { IncomingMessage } from 'node:http';
import websocket from '@fastify/websocket';
import { LmoError, toLmoError } from '@lmo/contracts';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import type { Principal } from '../auth/api-key-auth.ts';
import type { ConversationHistory } from '../mcp/tool-deps.ts';
import type { EndpointContext } from './endpoint-context.ts';
import { isRefusal, passGate } from './endpoint-gate.ts';
import { registerLegacySseEndpoint } from './legacy-sse-endpoint.ts';
import { registerMcpEndpoint } from './mcp-endpoint.ts';
import { registerRestEndpoint } from './rest-endpoint.ts';
import { registerWebSocketEndpoint } from './websocket-endpoint.ts';

/** Everything the app needs. */
export interface RuntimeAppDeps extends EndpointContext {
  readonly conversations: ConversationHistory;
  /** `https://host` the endpoint is reached at, for the metadata document. */
  readonly publicBaseUrl: (host: string | undefined) => string;
  /** Whether the runtime is ready for traffic (dependencies connected, not draining). */
  readonly isReady: () => boolean;
}

/** The app and a function that closes its sessions and streams (before `app.close()`). */
export interface RuntimeApp {
  readonly app: FastifyInstance;
  closeSessions(): Promise<void>;
}

const FASTIFY_CODES: Readonly<Record<string, ConstructorParameters<typeof LmoError>[0]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'LMO_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'LMO_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'LMO_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'LMO_BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'LMO_BAD_REQUEST',
};

/** Maps any error reaching Fastify to an LmoError. */
export function httpErrorOf(error: FastifyError | Error): LmoError {
  const fastify = error as Partial<FastifyError>;
  if (fastify.validation !== undefined) {
    return new LmoError('LMO_VALIDATION_FAILED', `Invalid request: ${error.message}`, {
      details: {
        issues: fastify.validation.map((v) => `${v.instancePath || '/'} ${v.message ?? ''}`.trim()),
      },
    });
  }
  const code = fastify.code === undefined ? undefined : FASTIFY_CODES[fastify.code];
  if (code !== undefined) return new LmoError(code, error.message);
  if (error instanceof SyntaxError) return new LmoError('LMO_BAD_REQUEST', 'The body is not valid JSON.');
  return toLmoError(error);
}

function registerProbes(app: FastifyInstance, deps: RuntimeAppDeps): void {
  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    deps.isReady() ? { status: 'ready' } : reply.code(503).send({ status: 'not ready' }),
  );
}

function registerMetadata(app: FastifyInstance, deps: RuntimeAppDeps, basePath: string): void {
  const metadata = (host: string | undefined): Record<string, unknown> => ({
    resource: `${deps.publicBaseUrl(host)}${basePath}mcp`,
    authorization_servers: [],
    bearer_methods_supported: ['header'],
    resource_name: `${deps.snapshot().config.tenant.displayName} on LMO`,
  });
  const route = (path: string): void => {
    app.get(path, (request) => metadata(request.headers.host));
  };
  route(`/.well-known/oauth-protected-resource${basePath}mcp`);
  route(`${basePath}.well-known/oauth-protected-resource`);
}

/** Builds the app; the caller listens. */
export async function buildRuntimeApp(deps: RuntimeAppDeps): Promise<RuntimeApp> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: deps.bodyLimit,
    // Unknown fields are refused, not silently dropped; types are never coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    // Each LLM call is logged once by the pipeline; per-request access logs would double that.
    logController: new LogController({ disableRequestLogging: true }),
  });
  await app.register(websocket, { options: { maxPayload: deps.bodyLimit } });
  // JSON only: anything else is answered 415 before it reaches MCP or REST handlers.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lmo = httpErrorOf(error);
    if (lmo.code === 'LMO_INTERNAL') request.log.error({ err: error }, 'request failed');
    const { status, body } = lmo.toHttp();
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    const { status, body } = new LmoError('LMO_NOT_FOUND', 'No such route on this endpoint.').toHttp();
    return reply.code(status).send(body);
  });
  registerProbes(app, deps);

  const basePath = deps.snapshot().config.endpoint.path;
  registerMetadata(app, deps, basePath);
  const principals = new WeakMap<IncomingMessage, Principal>();
  const gatePrincipal = (raw: IncomingMessage): Principal => {
    const principal = principals.get(raw);
    if (principal === undefined) throw new LmoError('LMO_UNAUTHENTICATED');
    return principal;
  };

  let closeEndpoint = (): Promise<void> => Promise.resolve();
  await app.register(
    (scope, _options, done) => {
      scope.addHook('onRequest', async (request, reply) => {
        const outcome = await passGate(request.headers, deps.gate);
        if (isRefusal(outcome)) {
          const { status, body } = outcome.error.toHttp();
          return reply.code(status).headers(outcome.headers).send(body);
        }
        principals.set(request.raw, outcome.principal);
        void reply.headers(outcome.headers);
        return undefined;
      });
      const mcp = registerMcpEndpoint(scope, deps, gatePrincipal);
      const closeSse = registerLegacySseEndpoint(scope, deps, gatePrincipal, basePath);
      registerWebSocketEndpoint(scope, deps, gatePrincipal);
      registerRestEndpoint(scope, deps, gatePrincipal);
      closeEndpoint = async () => {
        await Promise.all([mcp.close(), closeSse()]);
      };
      done();
    },
    { prefix: basePath.replace(/\/$/, '') },
  );
  return { app, closeSessions: () => closeEndpoint() };
}
