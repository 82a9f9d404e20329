// Every API request leaves a span (method, route, status) once a tracer provider is registered, and
// no span attribute carries the password or the session cookie.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { makeTestApp, type TestApp } from './support/test-app.ts';
import { freshPglite, type TestDatabase } from './support/test-db.ts';

const exporter = new InMemorySpanExporter();
let database: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  database = await freshPglite();
  t = await makeTestApp({ db: database.db });
}, 60_000);

afterAll(async () => {
  await t.app.close();
  await database.drop();
  trace.disable();
  context.disable();
}, 30_000);

describe('tracing', () => {
  it('opens a span per request with its route and status, without secrets', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/login',
      payload: { email: 'nobody@example.com', password: 'a-secret-password' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThan(0);
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes })));
    expect(text).toContain('/healthz');
    expect(text).not.toContain('a-secret-password');
  });
});
