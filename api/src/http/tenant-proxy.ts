/**
 * Standalone (`make dev`), the API is the tenants' ingress: `/t/<tenant>/…` goes to that tenant's
 * runtime process — plain HTTP, streamed responses (SSE) and WebSocket upgrades — the way the
 * ingress routes `/t/<tenant>/` to the runtime Service in a cluster. The API's own session auth,
 * CSRF check and body parsing stay out of it: the runtime authenticates the app's API key itself.
 */
import replyFrom from '@fastify/reply-from';
import { LmoError } from '@lmo/contracts';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RuntimeRoute } from '../supervisor/runtime-supervisor.ts';
import type { TenantRegistry } from '../tenants/tenant-registry.ts';

/** What the proxy asks of the supervisor. */
export interface TenantRuntimes {
  route(tenant: string): RuntimeRoute;
  notify(tenant: string): void;
}

/** What the proxy needs to find a tenant's runtime. */
export interface TenantProxyDeps {
  readonly runtimes: TenantRuntimes;
  readonly registry: Pick<TenantRegistry, 'get'>;
}

const notReady = (message: string): LmoError =>
  new LmoError('LMO_TENANT_NOT_READY', message, { details: { retryAfterSeconds: 1 } });

/**
 * The error for a tenant whose runtime cannot take the request, or `undefined` when it is ready.
 * Pure: `unknown` (not seen by the supervisor yet) is for the caller to look up.
 */
export function routeRefusal(tenant: string, route: RuntimeRoute): LmoError | undefined {
  switch (route.kind) {
    case 'ready':
    case 'unknown':
      return undefined;
    case 'suspended':
      return new LmoError('LMO_TENANT_SUSPENDED');
    case 'stopped':
      return notReady(`The runtime of tenant ${tenant} is scaled to zero`);
    case 'starting':
      return notReady(`The runtime of tenant ${tenant} is starting; retry in a moment`);
  }
}

/**
 * The port of the tenant's ready runtime.
 * @throws {LmoError} `LMO_NOT_FOUND` (no such tenant), `LMO_TENANT_SUSPENDED`, `LMO_TENANT_NOT_READY`.
 */
export async function runtimePortOf(tenant: string, deps: TenantProxyDeps): Promise<number> {
  const route = deps.runtimes.route(tenant);
  const refusal = routeRefusal(tenant, route);
  if (refusal !== undefined) throw refusal;
  if (route.kind === 'ready') return route.port;
  if ((await deps.registry.get(tenant)) === undefined) {
    throw new LmoError('LMO_NOT_FOUND', `Tenant ${tenant} not found`);
  }
  // Created a moment ago: the supervisor is about to start it.
  deps.runtimes.notify(tenant);
  throw notReady(`The runtime of tenant ${tenant} is starting; retry in a moment`);
}

/** The tenant named by a `/t/<tenant>/…` path, if it is one. */
export function tenantOfPath(url: string): string | undefined {
  return /^\/t\/([^/?#]+)(?:[/?#]|$)/.exec(url)?.[1];
}

/**
 * Request headers for the runtime: the caller's, with the caller's Host (the runtime checks it
 * against its endpoint, against DNS rebinding, and builds URLs from it), without the platform's
 * session cookie. Pure.
 */
export function forwardedHeaders<H extends Record<string, unknown>>(
  headers: H,
  caller: { readonly host: string | undefined; readonly ip: string },
): H {
  const forwarded: Record<string, unknown> = {
    ...headers,
    host: caller.host,
    'x-forwarded-for': caller.ip,
    'x-forwarded-proto': 'http',
  };
  delete forwarded['cookie'];
  return forwarded as H;
}

/**
 * The `/t/<tenant>/*` routes, for every method: public (the runtime checks the API key), bodies
 * passed through unparsed and unbounded by the API's limit (the runtime applies its own), responses
 * streamed without timeouts (SSE streams are long), no retries.
 */
export async function tenantProxyRoutes(app: FastifyInstance, deps: TenantProxyDeps): Promise<void> {
  await app.register(replyFrom, {
    undici: { headersTimeout: 0, bodyTimeout: 0 },
    disableRequestLogging: true,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => {
    done(null, payload);
  });
  app.route({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    url: '/t/:tenant/*',
    config: { public: true },
    // The runtime's answers go out as the runtime wrote them, as through a cluster's ingress.
    helmet: false,
    schema: { hide: true },
    handler: async (request, reply) => {
      const { tenant } = request.params as { tenant: string };
      const port = await runtimePortOf(tenant, deps);
      const path = request.url.split('?')[0] ?? '/';
      return reply.from(`http://127.0.0.1:${String(port)}${path}`, {
        rewriteRequestHeaders: (_request, headers) =>
          forwardedHeaders(headers, { host: request.headers.host, ip: request.ip }),
        retryDelay: () => null,
        onError: (failed, { error }) => {
          request.log.warn({ tenant, err: error }, 'The tenant runtime did not answer');
          failed.send(notReady(`The runtime of tenant ${tenant} did not answer; retry in a moment`));
        },
      });
    },
  });
}

function refuseUpgrade(socket: Duplex, error: LmoError): void {
  const { status, body } = error.toHttp();
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${String(status)} ${error.code}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${String(Buffer.byteLength(text))}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function requestHead(request: IncomingMessage): string {
  const lines = [`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/1.1`];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name.toLowerCase() !== 'cookie') lines.push(`${name}: ${raw[i + 1] ?? ''}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Tunnels one upgrade to the runtime byte for byte (the runtime does the WebSocket handshake). */
async function tunnel(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  deps: TenantProxyDeps,
): Promise<Socket | undefined> {
  const tenant = tenantOfPath(request.url ?? '');
  if (tenant === undefined) {
    refuseUpgrade(socket, new LmoError('LMO_METHOD_NOT_FOUND', 'No WebSocket endpoint here'));
    return undefined;
  }
  const port = await runtimePortOf(tenant, deps);
  const upstream = connect({ host: '127.0.0.1', port });
  upstream.once('connect', () => {
    upstream.write(requestHead(request));
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket).pipe(upstream);
  });
  const closeBoth = (): void => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.once('error', closeBoth);
  upstream.once('close', closeBoth);
  socket.once('error', closeBoth);
  socket.once('close', closeBoth);
  return upstream;
}

/**
 * Proxies WebSocket upgrades on `/t/<tenant>/…` (others are refused). Returns a function that cuts
 * every open tunnel, for shutdown.
 */
export function attachUpgradeProxy(server: Server, deps: TenantProxyDeps): () => void {
  const open = new Set<Socket>();
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    tunnel(request, socket, head, deps).then(
      (upstream) => {
        if (upstream === undefined) return;
        open.add(upstream);
        upstream.once('close', () => open.delete(upstream));
      },
      (error: unknown) => {
        refuseUpgrade(socket, error instanceof LmoError ? error : new LmoError('LMO_INTERNAL'));
      },
    );
  });
  return () => {
    for (const upstream of open) upstream.destroy();
  };
}
