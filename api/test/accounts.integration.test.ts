import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import {
  asBrowser,
  makeTestApp,
  sessionCookieOf,
  signUp,
  uniqueEmail,
  type TestApp,
} from './support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe('accounts (PostgreSQL, through inject)', () => {
  let database: TestDatabase;
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    database = await freshPostgres();
    dir = await mkdtemp(join(tmpdir(), 'lmo-api-accounts-'));
    t = await makeTestApp({ db: database.db, tenantsDir: dir });
  });

  afterAll(async () => {
    await t.app.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('sign-up', () => {
    it('creates an account, signs in with a secure cookie and returns a CSRF token', async () => {
      const email = uniqueEmail('Signup');
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/signup',
        payload: { email, password: PASSWORD },
      });

      expect(response.statusCode).toBe(201);
      const body = response.json<{ user: { email: string; isPlatformAdmin: boolean }; csrfToken: string }>();
      expect(body.user).toMatchObject({ email: email.toLowerCase(), isPlatformAdmin: false });
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = response.cookies.find((c) => c.name === 'lmo_session');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
      expect(response.body).not.toContain(cookie?.value);
    });

    it('stores an argon2id hash, never the password', async () => {
      const email = uniqueEmail();
      await signUp(t.app, { email });
      const row = await database.db('users').where({ email }).first<{ password_hash: string }>();

      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(row)).not.toContain(PASSWORD);
    });

    it('creates the first tenant with the new account as owner', async () => {
      const name = `acme-${Date.now().toString(36)}`;
      const session = await signUp(t.app, { tenant: name });
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: session.cookie } });

      expect(me.json<{ tenants: unknown[] }>().tenants).toEqual([{ name, role: 'owner' }]);
    });

    it('refuses a taken e-mail with LMO_CONFLICT, whatever its case', async () => {
      const email = uniqueEmail();
      await signUp(t.app, { email });
      const again = await t.app.inject({
        method: 'POST',
        url: '/v1/signup',
        payload: { email: email.toUpperCase(), password: PASSWORD },
      });

      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({
        error: { code: 'LMO_CONFLICT', message: 'An account with this e-mail already exists' },
      });
    });

    it('keeps no account when the tenant name is invalid or taken', async () => {
      const email = uniqueEmail();
      const bad = await t.app.inject({
        method: 'POST',
        url: '/v1/signup',
        payload: { email, password: PASSWORD, tenant: { name: 'Not_A_Label', displayName: 'x' } },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json<{ error: { details: unknown } }>().error.details).toEqual({
        issues: [{ path: '/name', message: expect.stringContaining('lower-case') as unknown }],
      });
      expect(await database.db('users').where({ email }).first()).toBeUndefined();
    });

    it.each([
      ['a missing field', { email: 'x@example.com' }, '/password', 'is required'],
      [
        'an unknown field',
        { email: 'x@example.com', password: PASSWORD, admin: true },
        '/admin',
        'is not a known field',
      ],
      ['a wrong type', { email: 42, password: PASSWORD }, '/email', 'must be a string'],
      [
        'a short password',
        { email: 'x@example.com', password: 'short' },
        '/password',
        'must NOT have fewer than 12 characters',
      ],
      [
        'a malformed e-mail',
        { email: 'not-an-email', password: PASSWORD },
        '/email',
        expect.stringContaining('pattern'),
      ],
    ])('refuses %s with LMO_VALIDATION_FAILED', async (_why, payload, path, message) => {
      const response = await t.app.inject({ method: 'POST', url: '/v1/signup', payload });

      expect(response.statusCode).toBe(422);
      const { error } = response.json<{
        error: { code: string; details: { location: string; issues: unknown[] } };
      }>();
      expect(error.code).toBe('LMO_VALIDATION_FAILED');
      expect(error.details.location).toBe('body');
      expect(error.details.issues).toContainEqual({ path, message });
    });
  });

  describe('login and logout', () => {
    it('logs in with the right password and refuses a wrong one or an unknown e-mail alike', async () => {
      const email = uniqueEmail();
      await signUp(t.app, { email });
      const ok = await t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email, password: PASSWORD },
      });
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email, password: 'wrong password!' },
      });
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email: uniqueEmail(), password: PASSWORD },
      });

      expect(ok.statusCode).toBe(200);
      expect(sessionCookieOf(ok)).toMatch(/^lmo_session=/);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json()).toEqual({
        error: { code: 'LMO_UNAUTHENTICATED', message: 'Wrong e-mail or password' },
      });
    });

    it('ends the session on logout: the cookie stops working', async () => {
      const session = await signUp(t.app);
      const out = await t.app.inject({ method: 'POST', url: '/v1/logout', headers: asBrowser(session) });
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: session.cookie } });

      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((c) => c.name === 'lmo_session')?.value).toBe('');
      expect(me.statusCode).toBe(401);
    });

    it('stores sessions hashed: the cookie value is not in the database', async () => {
      const session = await signUp(t.app);
      const secret = session.cookie.split('=')[1]!;
      const rows = await database.db('sessions').select('id_hash');

      expect(rows.some((r: { id_hash: string }) => r.id_hash === secret)).toBe(false);
      expect(rows.length).toBeGreaterThan(0);
    });
  });

  describe('GET /v1/me and sessions', () => {
    it('answers the user, the CSRF token and the session expiry', async () => {
      const session = await signUp(t.app);
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: { cookie: session.cookie } });

      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        user: { id: session.userId },
        authenticatedWith: 'session',
        csrfToken: session.csrf,
        tenants: [],
      });
    });

    it('refuses requests without credentials, with a bad cookie, or with an expired session', async () => {
      const session = await signUp(t.app);
      const none = await t.app.inject({ method: 'GET', url: '/v1/me' });
      const forged = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { cookie: 'lmo_session=forged' },
      });
      t.clock.advance(7 * 86_400_000 + 1000);
      const expired = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { cookie: session.cookie },
      });
      t.clock.advance(-(7 * 86_400_000 + 1000));
      const afterExpiry = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { cookie: session.cookie },
      });

      for (const response of [none, forged, expired, afterExpiry]) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({
          error: { code: 'LMO_UNAUTHENTICATED', message: 'Authentication required' },
        });
      }
    });

    it('requires the CSRF token on cookie-authenticated writes', async () => {
      const session = await signUp(t.app);
      const missing = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: { cookie: session.cookie },
        payload: { name: 'ci' },
      });
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
        payload: { name: 'ci' },
      });
      const right = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: asBrowser(session),
        payload: { name: 'ci' },
      });

      expect(missing.statusCode).toBe(403);
      expect(missing.json<{ error: { code: string } }>().error.code).toBe('LMO_CSRF_FAILED');
      expect(wrong.statusCode).toBe(403);
      expect(right.statusCode).toBe(201);
    });

    it("does not accept another session's CSRF token", async () => {
      const a = await signUp(t.app);
      const b = await signUp(t.app);
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: { cookie: a.cookie, 'x-csrf-token': b.csrf },
        payload: { name: 'ci' },
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('personal access tokens', () => {
    it('creates a token shown once, authenticates with it without CSRF, lists it without the secret, revokes it', async () => {
      const session = await signUp(t.app);
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: asBrowser(session),
        payload: { name: 'deploy bot', expiresInDays: 30 },
      });
      expect(created.statusCode).toBe(201);
      const { token, id, prefix } = created.json<{ token: string; id: string; prefix: string }>();
      expect(token).toMatch(/^lmo_pat_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      expect(token.startsWith(prefix)).toBe(true);

      const bearer = { authorization: `Bearer ${token}` };
      const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer });
      expect(me.json()).toMatchObject({ user: { id: session.userId }, authenticatedWith: 'token' });
      expect(me.json<{ csrfToken?: string }>().csrfToken).toBeUndefined();
      const write = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: bearer,
        payload: { name: 'second' },
      });
      expect(write.statusCode).toBe(201);

      const list = await t.app.inject({ method: 'GET', url: '/v1/tokens', headers: bearer });
      expect(list.body).not.toContain(token);
      expect(list.json<{ items: { id: string; lastUsedAt: string | null }[] }>().items).toContainEqual(
        expect.objectContaining({ id, name: 'deploy bot', prefix }),
      );

      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/v1/tokens/${id}`,
        headers: asBrowser(session),
      });
      expect(revoke.statusCode).toBe(204);
      const after = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer });
      expect(after.statusCode).toBe(401);
    });

    it("answers another user's token id as not found, and refuses expired and malformed tokens", async () => {
      const a = await signUp(t.app);
      const b = await signUp(t.app);
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: asBrowser(a),
        payload: { name: 'short', expiresInDays: 1 },
      });
      const { id, token } = created.json<{ id: string; token: string }>();
      const steal = await t.app.inject({ method: 'DELETE', url: `/v1/tokens/${id}`, headers: asBrowser(b) });
      expect(steal.statusCode).toBe(404);
      expect(steal.json<{ error: { code: string } }>().error.code).toBe('LMO_NOT_FOUND');

      t.clock.advance(86_400_000 + 1000);
      const expired = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      t.clock.advance(-(86_400_000 + 1000));
      const malformed = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: 'Bearer lmo_pat_nope' },
      });
      const tampered = await t.app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
      });
      expect(expired.statusCode).toBe(401);
      expect(malformed.statusCode).toBe(401);
      expect(tampered.statusCode).toBe(401);
    });

    it('stores only the SHA-256 of the token', async () => {
      const session = await signUp(t.app);
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: asBrowser(session),
        payload: { name: 'x' },
      });
      const { id, token } = created.json<{ id: string; token: string }>();
      const row = await database.db('personal_access_tokens').where({ id }).first<Record<string, unknown>>();

      expect(JSON.stringify(row)).not.toContain(token.split('_').at(-1));
    });
  });

  describe('the bootstrap admin', () => {
    it('creates a platform admin once and grants the flag to an existing account', async () => {
      const email = uniqueEmail('admin');
      expect(await t.services.users.ensurePlatformAdmin(email, PASSWORD)).toBe(true);
      expect(await t.services.users.ensurePlatformAdmin(email, PASSWORD)).toBe(false);
      const existing = uniqueEmail('later-admin');
      await signUp(t.app, { email: existing });
      await t.services.users.ensurePlatformAdmin(existing, 'another password entirely');

      expect((await t.services.users.findByEmail(email))?.isPlatformAdmin).toBe(true);
      expect((await t.services.users.findByEmail(existing))?.isPlatformAdmin).toBe(true);
      const login = await t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email: existing, password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
    });
  });

  describe('logs', () => {
    it('never logs passwords, cookies, CSRF tokens or personal access tokens', async () => {
      const session = await signUp(t.app);
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: asBrowser(session),
        payload: { name: 'x' },
      });
      const { token } = created.json<{ token: string }>();
      await t.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
      const logs = t.logs();

      expect(logs).toContain('Created personal access token');
      expect(logs).not.toContain(PASSWORD);
      expect(logs).not.toContain(session.cookie.split('=')[1]);
      expect(logs).not.toContain(session.csrf);
      expect(logs).not.toContain(token);
    });
  });
});

describe('rate limits on sign-up and login', () => {
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    database = await freshPostgres();
    t = await makeTestApp({ db: database.db, env: { LMO_AUTH_RATE_LIMIT_MAX: '3' } });
  });

  afterAll(async () => {
    await t.app.close();
    await database.drop();
  });

  it('answers LMO_RATE_LIMITED with Retry-After once a client exceeds the limit', async () => {
    const attempt = (): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email: 'nobody@example.com', password: 'x' },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    const limited = await attempt();

    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    const { error } = limited.json<{ error: { code: string; details: { retryAfterSeconds: number } } }>();
    expect(error.code).toBe('LMO_RATE_LIMITED');
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    const otherClient = await t.app.inject({
      method: 'POST',
      url: '/v1/login',
      remoteAddress: '10.1.2.3',
      payload: { email: 'nobody@example.com', password: 'x' },
    });
    expect(otherClient.statusCode).toBe(401);
  });
});
