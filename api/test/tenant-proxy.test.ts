// The API's /t/<tenant>/ proxy (make dev's ingress), built into the real app (auth, CSRF, body
// parsing, security headers all registered) in front of a recording upstream: bodies and headers
// pass through untouched except the session cookie, responses stream, WebSocket upgrades tunnel,
// and a tenant that cannot serve gets its catalogue error.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { argon2idHasher } from '../src/auth/passwords.ts';
import { systemClock } from '../src/clock.ts';
import { defaultApiConfig } from '../src/config/api-config.ts';
import {
  attachUpgradeProxy,
  forwardedHeaders,
  routeRefusal,
  tenantOfPath,
  tenantProxyRoutes,
} from '../src/http/tenant-proxy.ts';
import { DirectoryKeyHashSink } from '../src/keys/directory-key-hash-sink.ts';
import type { RuntimeRoute } from '../src/supervisor/runtime-supervisor.ts';
import { DatabaseTenantRegistry } from '../src/tenants/database-tenant-registry.ts';
import type { TenantRecord } from '../src/tenants/tenant-registry.ts';
import { freshPglite, type TestDatabase } from './support/test-db.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('routeRefusal, tenantOfPath, forwardedHeaders', () => {
  it('maps each runtime state to its catalogue error', () => {
    expect(routeRefusal('acme', { kind: 'ready', port: 1 })).toBeUndefined();
    expect(routeRefusal('acme', { kind: 'unknown' })).toBeUndefined();
    expect(routeRefusal('acme', { kind: 'suspended' })?.code).toBe('LMO_TENANT_SUSPENDED');
    expect(routeRefusal('acme', { kind: 'starting' })?.code).toBe('LMO_TENANT_NOT_READY');
    expect(routeRefusal('acme', { kind: 'stopped' })?.code).toBe('LMO_TENANT_NOT_READY');
    expect(routeRefusal('acme', { kind: 'starting' })?.details).toEqual({ retryAfterSeconds: 1 });
  });

  it('finds the tenant of a path', () => {
    expect(tenantOfPath('/t/acme/ws')).toBe('acme');
    expect(tenantOfPath('/t/acme?x=1')).toBe('acme');
    expect(tenantOfPath('/v1/tenants')).toBeUndefined();
    expect(tenantOfPath('/t//ws')).toBeUndefined();
  });

  it("keeps the caller's headers and Host, drops the session cookie", () => {
    expect(
      forwardedHeaders(
        { host: '127.0.0.1:41001', cookie: 'lmo_session=s', authorization: 'Bearer k', accept: 'x' },
        { host: 'localhost:8080', ip: '127.0.0.1' },
      ),
    ).toEqual({
      host: 'localhost:8080',
      authorization: 'Bearer k',
      accept: 'x',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
    });
  });
});

describe('the /t/<tenant>/ proxy in the API', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let upstream: Server;
  let upstreamPort: number;
  let releaseStream: () => void = () => undefined;
  const seen: Seen[] = [];
  const routes = new Map<string, RuntimeRoute>();
  const notified: string[] = [];

  beforeAll(async () => {
    const wss = new WebSocketServer({
      noServer: true,
      handleProtocols: (protocols) => [...protocols][0] ?? false,
    });
    upstream = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        if (request.url?.startsWith('/t/acme/sse') === true) {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.write('event: delta\ndata: first\n\n');
          releaseStream = () => response.end('event: usage\ndata: last\n\n');
          return;
        }
        response
          .writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'yes' })
          .end('{"ok":true}');
      });
    });
    upstream.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        seen.push({ method: 'UPGRADE', url: request.url ?? '', headers: request.headers, body: '' });
        ws.on('message', (data: Buffer) => {
          ws.send(`echo ${data.toString('utf8')}`);
        });
      });
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    upstreamPort = (upstream.address() as AddressInfo).port;

    database = await freshPglite();
    const config = defaultApiConfig({ LMO_BODY_LIMIT_BYTES: '2048', LOG_LEVEL: 'silent' });
    const registry = new DatabaseTenantRegistry(database.db, systemClock);
    const record = { name: 'fresh' } as TenantRecord;
    const deps = {
      runtimes: {
        route: (tenant: string): RuntimeRoute => routes.get(tenant) ?? { kind: 'unknown' },
        notify: (tenant: string) => {
          notified.push(tenant);
        },
      },
      registry: { get: (name: string) => Promise.resolve(name === 'fresh' ? record : undefined) },
    };
    ({ app } = await buildApp(
      {
        config,
        db: database.db,
        tenantRegistry: registry,
        keyHashSink: new DirectoryKeyHashSink(config.tenantsDir),
        clock: systemClock,
        logger: pino({ level: 'silent' }),
        passwords: argon2idHasher({ memoryCost: 1024, timeCost: 1 }),
      },
      { routes: [(child) => tenantProxyRoutes(child, deps)] },
    ));
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    attachUpgradeProxy(app.server, deps);
    routes.set('acme', { kind: 'ready', port: upstreamPort });
  }, 60_000);

  afterAll(async () => {
    releaseStream();
    await app.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    await database.drop();
  }, 30_000);

  it('passes any body through unparsed, past the API body limit, auth and CSRF, without the cookie', async () => {
    const body = 'not json, '.repeat(500); // 5,000 bytes, over the API's 2,048 limit
    const response = await fetch(`${base}/t/acme/v1/query?x=1&y=2`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: 'lmo_session=abc', authorization: 'Bearer lmo_key' },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/t/acme/v1/query?x=1&y=2', body });
    expect(request.headers['authorization']).toBe('Bearer lmo_key');
    expect(request.headers['cookie']).toBeUndefined();
    expect(request.headers['host']).toBe(new URL(base).host);
  });

  it('streams a response as the runtime writes it', async () => {
    const response = await fetch(`${base}/t/acme/sse`, { headers: { authorization: 'Bearer k' } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('event: delta\ndata: first\n\n');
    releaseStream();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe('event: usage\ndata: last\n\n');
  });

  it('tunnels WebSocket upgrades with their subprotocol and API key', async () => {
    const socket = new WebSocket(`${base.replace('http:', 'ws:')}/t/acme/ws`, 'mcp', {
      headers: { authorization: 'Bearer lmo_key', cookie: 'lmo_session=abc' },
    });
    await once(socket, 'open');
    expect(socket.protocol).toBe('mcp');
    socket.send('hello');
    const [reply] = (await once(socket, 'message')) as [Buffer];
    expect(reply.toString('utf8')).toBe('echo hello');
    socket.close();
    const upgrade = seen.find((s) => s.method === 'UPGRADE')!;
    expect(upgrade.url).toBe('/t/acme/ws');
    expect(upgrade.headers['authorization']).toBe('Bearer lmo_key');
    expect(upgrade.headers['cookie']).toBeUndefined();
  });

  const refusal = async (path: string): Promise<[number, string, string | null]> => {
    const response = await fetch(`${base}${path}`, { method: 'POST' });
    const body = (await response.json()) as { error: { code: string } };
    return [response.status, body.error.code, response.headers.get('retry-after')];
  };

  it('refuses tenants that cannot serve with their catalogue error', async () => {
    routes.set('starting', { kind: 'starting' });
    routes.set('paused', { kind: 'suspended' });
    routes.set('zero', { kind: 'stopped' });
    routes.set('gone', { kind: 'ready', port: 1 }); // nothing listens there
    expect(await refusal('/t/starting/mcp')).toEqual([503, 'LMO_TENANT_NOT_READY', '1']);
    expect(await refusal('/t/paused/mcp')).toEqual([403, 'LMO_TENANT_SUSPENDED', null]);
    expect(await refusal('/t/zero/mcp')).toEqual([503, 'LMO_TENANT_NOT_READY', '1']);
    expect(await refusal('/t/gone/mcp')).toEqual([503, 'LMO_TENANT_NOT_READY', '1']);
    expect(await refusal('/t/nobody/mcp')).toEqual([404, 'LMO_NOT_FOUND', null]);
  });

  it('answers 503 for a tenant the supervisor has not seen yet, and tells it', async () => {
    expect(await refusal('/t/fresh/mcp')).toEqual([503, 'LMO_TENANT_NOT_READY', '1']);
    expect(notified).toContain('fresh');
  });

  it('refuses upgrades for tenants that cannot serve and for other paths', async () => {
    const status = async (path: string): Promise<number> => {
      const socket = new WebSocket(`${base.replace('http:', 'ws:')}${path}`);
      socket.on('error', () => undefined);
      const [, response] = (await once(socket, 'unexpected-response')) as [unknown, { statusCode: number }];
      socket.terminate();
      return response.statusCode;
    };
    expect(await status('/t/paused/ws')).toBe(403);
    expect(await status('/t/nobody/ws')).toBe(404);
    expect(await status('/v1/tenants')).toBe(404);
  });
});
