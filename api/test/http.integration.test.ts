// The API over real HTTP (a listening server on port 0) against the harness PostgreSQL: the
// framework's edges — body limits, media types, malformed JSON, unknown routes, CORS, security
// headers, the OpenAPI document, docs, health and metrics — and a browser-like session with fetch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import { makeTestApp, uniqueEmail, type TestApp } from './support/test-app.ts';

describe('the API over HTTP', () => {
  let database: TestDatabase;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    database = await freshPostgres();
    t = await makeTestApp({
      db: database.db,
      env: { LMO_CORS_ORIGINS: 'https://dashboard.example.com', LMO_BODY_LIMIT_BYTES: '2048' },
    });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await t.app.close();
    await database.drop();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('signs up, reads /v1/me with the cookie and writes with the CSRF token, like a browser', async () => {
    const signup = await post(
      '/v1/signup',
      JSON.stringify({ email: uniqueEmail(), password: 'correct horse battery staple' }),
    );
    expect(signup.status).toBe(201);
    const setCookie = signup.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^lmo_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.*; HttpOnly; Secure; SameSite=Lax$/,
    );
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = (await signup.json()) as { csrfToken: string };

    const me = await fetch(`${base}/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const write = await post('/v1/tokens', JSON.stringify({ name: 'x' }), {
      cookie,
      'x-csrf-token': csrfToken,
    });
    expect(write.status).toBe(201);
    expect(write.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit with LMO_PAYLOAD_TOO_LARGE', async () => {
    const response = await post('/v1/login', JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(4000) }));

    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('LMO_PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with LMO_UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await post('/v1/login', 'email=a@b.co', {
      'content-type': 'application/x-www-form-urlencoded',
    });

    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'LMO_UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses malformed JSON with LMO_BAD_REQUEST and no stack trace', async () => {
    const response = await post('/v1/login', '{"email": ');
    const text = await response.text();

    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'LMO_BAD_REQUEST' } });
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers an unknown route with the error body', async () => {
    const response = await fetch(`${base}/v1/nothing-here`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'LMO_METHOD_NOT_FOUND', message: 'No route GET /v1/nothing-here' },
    });
  });

  it('sends security headers', async () => {
    const response = await fetch(`${base}/healthz`);

    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('allows CORS with credentials for configured origins only', async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${base}/v1/tenants`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-csrf-token',
        },
      });
    const allowed = await preflight('https://dashboard.example.com');
    const refused = await preflight('https://evil.example.com');

    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-csrf-token');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves /healthz, /readyz (checking the database) and /metrics', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      status: 'ok',
      checks: { database: 'ok' },
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('lmo_api_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(metrics).toContain('lmo_api_http_request_duration_seconds_bucket');
    expect(metrics).not.toMatch(/route="\/v1\/nothing-here"/);
  });

  it('serves an OpenAPI 3.1 document in which every /v1 route has a schema and the error body', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    };

    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/signup',
        '/v1/login',
        '/v1/me',
        '/v1/tokens',
        '/v1/tenants/{tenant}',
        '/v1/tenants/{tenant}/api-keys',
      ]),
    );
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!path.startsWith('/v1/')) continue;
        expect([path, method, Object.keys(operation.responses)]).toEqual([
          path,
          method,
          expect.arrayContaining(['4XX']),
        ]);
        if (method === 'post' && !/suspend|resume|logout/.test(path))
          expect(operation.requestBody).toBeDefined();
      }
    }
    expect(JSON.stringify(doc.components.schemas)).toContain('LMO_VALIDATION_FAILED');
  });

  it('serves browsable docs at /docs without credentials', async () => {
    const response = await fetch(`${base}/docs/`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('answers LMO_DEPENDENCY_UNAVAILABLE on /readyz when the database is gone', async () => {
    const other = await freshPostgres();
    const app = await makeTestApp({ db: other.db });
    await other.db.destroy();
    const response = await app.app.inject({ method: 'GET', url: '/readyz' });

    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: {
        code: 'LMO_DEPENDENCY_UNAVAILABLE',
        message: 'Not ready',
        details: { checks: { database: 'failing' } },
      },
    });
    await app.app.close();
    await other.drop().catch(() => undefined);
  });
});
