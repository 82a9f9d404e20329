// Builds the API for tests: real database and backends passed in, a movable clock, cheap argon2id,
// logs captured in memory so tests can check what was (not) logged.
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Knex } from 'knex';
import type { Registry } from 'prom-client';
import { buildApp } from '../../src/app.ts';
import { argon2idHasher } from '../../src/auth/passwords.ts';
import type { Clock } from '../../src/clock.ts';
import { defaultApiConfig } from '../../src/config/api-config.ts';
import type { KeyHashSink } from '../../src/keys/key-hash-sink.ts';
import { createLogger } from '../../src/logger.ts';
import type { AppDeps, Services } from '../../src/services.ts';
import type { TenantRegistry } from '../../src/tenants/tenant-registry.ts';
import { DatabaseTenantRegistry } from '../../src/tenants/database-tenant-registry.ts';
import { DirectoryKeyHashSink } from '../../src/keys/directory-key-hash-sink.ts';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  #now: number;
  constructor(start = Date.parse('2026-11-22T10:00:00Z')) {
    this.#now = start;
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** What a test app consists of. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly clock: TestClock;
  /** The registry `/metrics` serves. */
  readonly metrics: Registry;
  /** Every log line so far, as text. */
  logs(): string;
}

/** Options of {@link makeTestApp}. */
export interface TestAppOptions {
  readonly db: Knex;
  readonly registry?: TenantRegistry;
  readonly sink?: KeyHashSink;
  readonly tenantsDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Dependencies to swap in (an embedder factory, a recording Stripe client, a metrics registry). */
  readonly deps?: Partial<Pick<AppDeps, 'embedders' | 'providerKeys' | 'stripe' | 'metricsRegistry'>>;
}

/** Builds an app on `db` with the standalone backends unless others are given. */
export async function makeTestApp(options: TestAppOptions): Promise<TestApp> {
  const clock = new TestClock(Date.now());
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = defaultApiConfig({
    LMO_AUTH_RATE_LIMIT_MAX: '1000',
    LOG_LEVEL: 'info',
    ...(options.tenantsDir === undefined ? {} : { LMO_TENANTS_DIR: options.tenantsDir }),
    ...options.env,
  });
  const { app, services, metrics } = await buildApp({
    config,
    db: options.db,
    tenantRegistry: options.registry ?? new DatabaseTenantRegistry(options.db, clock),
    keyHashSink: options.sink ?? new DirectoryKeyHashSink(config.tenantsDir),
    clock,
    logger: createLogger('info', stream),
    passwords: argon2idHasher({ memoryCost: 1024, timeCost: 1 }),
    ...options.deps,
  });
  await app.ready();
  return { app, services, clock, metrics, logs: () => lines.join('') };
}

/** A signed-in browser: its cookie and CSRF token. */
export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly userId: string;
  readonly email: string;
}

/** The `lmo_session=…` pair of a response's Set-Cookie. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'lmo_session');
  if (cookie === undefined) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `lmo_session=${cookie.value}`;
}

let counter = 0;

/** A unique e-mail for this run. */
export const uniqueEmail = (prefix = 'user'): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.com`;

/** Signs up through the API (with a tenant when named) and returns the session. */
export async function signUp(
  app: FastifyInstance,
  options: { email?: string; tenant?: string } = {},
): Promise<Session> {
  const email = options.email ?? uniqueEmail();
  const response = await app.inject({
    method: 'POST',
    url: '/v1/signup',
    payload: {
      email,
      password: 'correct horse battery staple',
      ...(options.tenant === undefined
        ? {}
        : { tenant: { name: options.tenant, displayName: `Tenant ${options.tenant}` } }),
    },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ user: { id: string }; csrfToken: string }>();
  return { cookie: sessionCookieOf(response), csrf: body.csrfToken, userId: body.user.id, email };
}

/** Headers of a cookie-authenticated write. */
export const asBrowser = (session: Session): Record<string, string> => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrf,
});

/** A unique tenant name for this run. */
export const uniqueTenant = (prefix = 't'): string =>
  `${prefix}-${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 46_656).toString(36)}`;
