// One suite for both tenant registries: the standalone one (tenants in PostgreSQL, key hashes in a
// directory) and the cluster one (Tenant resources and the runtime Secret, under the API's own
// least-privilege identity). Each test file supplies a backend; the tests are the same.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_KEY_PATTERN, formatApiKeyHash, type TenantSpec, type TenantStatus } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { KeyHashSink } from '../../src/keys/key-hash-sink.ts';
import type { TenantRegistry } from '../../src/tenants/tenant-registry.ts';
import {
  asBrowser,
  makeTestApp,
  sessionCookieOf,
  signUp,
  uniqueEmail,
  uniqueTenant,
  type Session,
  type TestApp,
} from './test-app.ts';

/** What a registry under test brings, and what the operator (or supervisor) would do beside it. */
export interface TenantBackend {
  readonly db: Knex;
  readonly registry: TenantRegistry;
  readonly sink: KeyHashSink;
  /** The tenant's runtime gets a place for key hashes (the operator's namespace and Secret). */
  provision(tenant: string): Promise<void>;
  /** Status as the operator (or standalone supervisor) writes it. */
  writeStatus(tenant: string, status: TenantStatus): Promise<void>;
  /** A change behind the API's back (kubectl edit, or the table). */
  editSpec(tenant: string, change: (spec: TenantSpec) => TenantSpec): Promise<void>;
  cleanup(): Promise<void>;
}

type Json = Record<string, unknown>;
type ErrorJson = { error: { code: string; message: string; details?: Json } };
const PASSWORD = 'correct horse battery staple';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Registers the shared tenant, member and API-key tests against `makeBackend()`'s registry. */
export function describeTenantApi(label: string, makeBackend: () => Promise<TenantBackend>): void {
  describe(`tenants, members and API keys (${label})`, () => {
    let backend: TenantBackend;
    let t: TestApp;
    let admin: Session;

    beforeAll(async () => {
      backend = await makeBackend();
      t = await makeTestApp({ db: backend.db, registry: backend.registry, sink: backend.sink });
      const email = uniqueEmail('admin');
      await t.services.users.ensurePlatformAdmin(email, PASSWORD);
      const login = await t.app.inject({
        method: 'POST',
        url: '/v1/login',
        payload: { email, password: PASSWORD },
      });
      admin = {
        cookie: sessionCookieOf(login),
        csrf: login.json<{ csrfToken: string }>().csrfToken,
        userId: login.json<{ user: { id: string } }>().user.id,
        email,
      };
    });

    afterAll(async () => {
      await t.app.close();
      await backend.cleanup();
    });

    const call = async (
      session: Session,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: unknown,
    ): Promise<{ status: number; body: Json }> => {
      const response = await t.app.inject({
        method,
        url,
        headers: asBrowser(session),
        ...(payload === undefined ? {} : { payload: payload as Json }),
      });
      return { status: response.statusCode, body: response.body === '' ? {} : response.json<Json>() };
    };
    const code = (answer: { body: Json }): string => (answer.body as ErrorJson).error.code;

    /** A new user owning a new tenant whose runtime is provisioned. */
    const owner = async (): Promise<{ session: Session; tenant: string }> => {
      const tenant = uniqueTenant();
      const session = await signUp(t.app, { tenant });
      await backend.provision(tenant);
      return { session, tenant };
    };

    describe('tenants', () => {
      it('creates a tenant with the defaults, owned by the caller, and lists it', async () => {
        const session = await signUp(t.app);
        const name = uniqueTenant();
        const created = await call(session, 'POST', '/v1/tenants', { name, displayName: 'Acme Inc.' });

        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          name,
          access: 'owner',
          generation: 1,
          spec: {
            displayName: 'Acme Inc.',
            owner: session.email,
            plan: 'free',
            model: { provider: 'echo', model: 'echo-1', temperature: 0.7, maxTokens: 1024 },
            suspended: false,
          },
          status: { phase: 'Pending', conditions: [] },
        });
        const list = await call(session, 'GET', '/v1/tenants');
        expect((list.body['items'] as Json[]).map((i) => i['name'])).toEqual([name]);
        expect(await backend.registry.get(name)).toMatchObject({ name, spec: { displayName: 'Acme Inc.' } });
      });

      it('refuses a taken name, an invalid name, missing and unknown fields', async () => {
        const { session, tenant } = await owner();
        const other = await signUp(t.app);
        const taken = await call(other, 'POST', '/v1/tenants', { name: tenant, displayName: 'Mine' });
        const invalid = await call(session, 'POST', '/v1/tenants', { name: '-bad-', displayName: 'x' });
        const missing = await call(session, 'POST', '/v1/tenants', { name: uniqueTenant() });
        const unknown = await call(session, 'POST', '/v1/tenants', {
          name: uniqueTenant(),
          displayName: 'x',
          plan: 'pro',
        });
        const takenAtSignUp = await t.app.inject({
          method: 'POST',
          url: '/v1/signup',
          payload: { email: uniqueEmail(), password: PASSWORD, tenant: { name: tenant, displayName: 'x' } },
        });

        expect([taken.status, code(taken)]).toEqual([409, 'LMO_CONFLICT']);
        expect([invalid.status, code(invalid)]).toEqual([422, 'LMO_VALIDATION_FAILED']);
        expect((invalid.body as ErrorJson).error.details).toMatchObject({ issues: [{ path: '/name' }] });
        expect((missing.body as ErrorJson).error.details).toEqual({
          location: 'body',
          issues: [{ path: '/displayName', message: 'is required' }],
        });
        expect((unknown.body as ErrorJson).error.details).toEqual({
          location: 'body',
          issues: [{ path: '/plan', message: 'is not a known field' }],
        });
        expect(takenAtSignUp.statusCode).toBe(409);
      });

      it("answers another tenant's name as not found for every verb", async () => {
        const { tenant } = await owner();
        const stranger = await signUp(t.app, { tenant: uniqueTenant() });
        const answers = await Promise.all([
          call(stranger, 'GET', `/v1/tenants/${tenant}`),
          call(stranger, 'PATCH', `/v1/tenants/${tenant}`, { displayName: 'Mine now' }),
          call(stranger, 'DELETE', `/v1/tenants/${tenant}`),
          call(stranger, 'GET', `/v1/tenants/${tenant}/api-keys`),
          call(stranger, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 'steal' }),
          call(stranger, 'GET', `/v1/tenants/${tenant}/members`),
          call(stranger, 'POST', `/v1/tenants/${tenant}/invitations`, { email: stranger.email }),
          call(stranger, 'GET', `/v1/tenants/does-not-exist`),
        ]);

        for (const answer of answers) {
          expect(answer.status).toBe(404);
          expect(code(answer)).toBe('LMO_NOT_FOUND');
        }
      });

      it('changes settings; the registry is the truth and the generation moves', async () => {
        const { session, tenant } = await owner();
        const patched = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          displayName: 'Renamed',
          model: { temperature: 0.2, maxTokens: 2048, systemPrompt: 'Be brief.' },
          limits: { tokensPerMonth: 50_000 },
          promptTemplates: [
            {
              name: 'summarize',
              template: 'Summarize {{text}}',
              arguments: [{ name: 'text', required: true }],
            },
          ],
          runtime: { replicas: 0 },
        });

        expect(patched.status).toBe(200);
        expect(patched.body).toMatchObject({
          generation: 2,
          spec: {
            displayName: 'Renamed',
            model: { provider: 'echo', temperature: 0.2, maxTokens: 2048, systemPrompt: 'Be brief.' },
            limits: { tokensPerMonth: 50_000 },
            runtime: { replicas: 0 },
            promptTemplates: [{ name: 'summarize', arguments: [{ name: 'text', required: true }] }],
          },
        });
        expect((await backend.registry.get(tenant))?.spec.model.systemPrompt).toBe('Be brief.');

        const cleared = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          model: { systemPrompt: null },
          limits: { tokensPerMonth: null },
        });
        expect(cleared.status).toBe(200);
        const spec = cleared.body['spec'] as TenantSpec;
        expect(spec.model.systemPrompt).toBeUndefined();
        expect(spec.model.temperature).toBe(0.2);
        expect(spec.limits.tokensPerMonth).toBeUndefined();

        await backend.editSpec(tenant, (s) => ({ ...s, displayName: 'Edited behind our back' }));
        const read = await call(session, 'GET', `/v1/tenants/${tenant}`);
        expect((read.body['spec'] as TenantSpec).displayName).toBe('Edited behind our back');
      });

      it('refuses invalid settings with every issue listed', async () => {
        const { session, tenant } = await owner();
        const schema = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          model: { temperature: 3, maxTokens: 'many', colour: 'blue' },
        });
        const rules = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          model: { provider: 'openai' },
        });
        const duplicates = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          promptTemplates: [
            { name: 'a', template: 'x' },
            { name: 'a', template: 'y' },
          ],
        });
        const compatible = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          model: { provider: 'openai-compatible', model: 'llama' },
        });

        expect(schema.status).toBe(422);
        expect((schema.body as ErrorJson).error.details?.['issues']).toEqual(
          expect.arrayContaining([
            { path: '/model/temperature', message: 'must be <= 2' },
            { path: '/model/maxTokens', message: 'must be an integer' },
            { path: '/model/colour', message: 'is not a known field' },
          ]),
        );
        expect(rules.status).toBe(422);
        expect((rules.body as ErrorJson).error.details?.['issues']).toEqual([
          {
            path: '/model/model',
            message: expect.stringContaining("'echo-1' only works with the echo provider") as unknown,
          },
        ]);
        expect(duplicates.status).toBe(422);
        expect(JSON.stringify(duplicates.body)).toContain('/promptTemplates/1/name');
        expect((compatible.body as ErrorJson).error.details?.['issues']).toEqual([
          { path: '/model/baseUrl', message: 'baseUrl is required when provider is openai-compatible' },
        ]);
        expect((await backend.registry.get(tenant))?.generation).toBe(1);
      });

      it('holds owners within their plan and keeps admin-only fields for admins', async () => {
        const { session, tenant } = await owner();
        const above = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          limits: { requestsPerMinute: 61 },
        });
        const plan = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          plan: 'enterprise',
          runtime: { image: 'x' },
        });
        const replicas = await call(session, 'PATCH', `/v1/tenants/${tenant}`, { runtime: { replicas: 2 } });
        const byAdmin = await call(admin, 'PATCH', `/v1/tenants/${tenant}`, {
          plan: 'pro',
          limits: { requestsPerMinute: 1000 },
        });
        const ownerAfter = await call(session, 'PATCH', `/v1/tenants/${tenant}`, {
          displayName: 'Still fine',
        });

        expect([above.status, (above.body as ErrorJson).error.details]).toEqual([
          422,
          { issues: [{ path: '/limits/requestsPerMinute', message: 'must be <= 60 on the free plan' }] },
        ]);
        expect([plan.status, code(plan), (plan.body as ErrorJson).error.details]).toEqual([
          403,
          'LMO_FORBIDDEN',
          { fields: ['/plan', '/runtime/image'] },
        ]);
        expect(replicas.status).toBe(422);
        expect([byAdmin.status, byAdmin.body['access']]).toEqual([200, 'admin']);
        expect(byAdmin.body['spec']).toMatchObject({ plan: 'pro', limits: { requestsPerMinute: 1000 } });
        expect(ownerAfter.status).toBe(200);
      });

      it("shows the operator's status and conditions", async () => {
        const { session, tenant } = await owner();
        const status: TenantStatus = {
          phase: 'Ready',
          observedGeneration: 1,
          namespace: `lmo-t-${tenant}`,
          endpoint: `https://mcp.example.com/t/${tenant}/`,
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'Reconciled',
              message: 'Serving',
              lastTransitionTime: '2026-11-22T10:00:00Z',
              observedGeneration: 1,
            },
            {
              type: 'RuntimeReady',
              status: 'True',
              reason: 'DeploymentAvailable',
              message: '1/1 replicas available',
              lastTransitionTime: '2026-11-22T10:00:00Z',
            },
          ],
        };
        await backend.writeStatus(tenant, status);
        const read = await call(session, 'GET', `/v1/tenants/${tenant}`);

        expect(read.body['status']).toEqual(status);
      });

      it('lets platform admins suspend and resume, and nobody else', async () => {
        const { session, tenant } = await owner();
        const byOwner = await call(session, 'POST', `/v1/tenants/${tenant}/suspend`);
        const suspended = await call(admin, 'POST', `/v1/tenants/${tenant}/suspend`);
        const seen = await call(session, 'GET', `/v1/tenants/${tenant}`);
        const resumed = await call(admin, 'POST', `/v1/tenants/${tenant}/resume`);

        expect([byOwner.status, code(byOwner)]).toEqual([403, 'LMO_FORBIDDEN']);
        expect(suspended.body).toMatchObject({ spec: { suspended: true }, status: { phase: 'Suspended' } });
        expect(seen.body).toMatchObject({ access: 'owner', spec: { suspended: true } });
        expect(resumed.body).toMatchObject({ spec: { suspended: false }, status: { phase: 'Pending' } });
      });

      it('lists every tenant for admins with ?all=true, and validates the query', async () => {
        const { session, tenant } = await owner();
        const all = await call(admin, 'GET', '/v1/tenants?all=true');
        const own = await call(session, 'GET', '/v1/tenants?all=true');
        const bad = await call(session, 'GET', '/v1/tenants?all=maybe');

        expect((all.body['items'] as Json[]).map((i) => i['name'])).toContain(tenant);
        expect((own.body['items'] as Json[]).map((i) => i['name'])).toEqual([tenant]);
        expect([bad.status, (bad.body as ErrorJson).error.details?.['location']]).toEqual([
          422,
          'querystring',
        ]);
      });

      it('deletes a tenant: its keys stop, its members go, its name is free again', async () => {
        const { session, tenant } = await owner();
        const key = await call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 'app' });
        expect(key.status).toBe(201);
        const deleted = await call(session, 'DELETE', `/v1/tenants/${tenant}`);

        expect(deleted.status).toBe(204);
        expect((await call(session, 'GET', `/v1/tenants/${tenant}`)).status).toBe(404);
        expect(await backend.registry.get(tenant)).toBeUndefined();
        expect(await t.services.apiKeys.list(tenant)).toEqual([]);
        expect((await call(session, 'DELETE', `/v1/tenants/${tenant}`)).status).toBe(404);
      });
    });

    describe('members and invitations', () => {
      it('invites by e-mail; the invitee accepts once, joins as member and may read but not change settings', async () => {
        const { session, tenant } = await owner();
        const email = uniqueEmail('invitee');
        const invited = await call(session, 'POST', `/v1/tenants/${tenant}/invitations`, { email });
        expect(invited.status).toBe(201);
        const token = invited.body['token'] as string;

        const wrongPerson = await signUp(t.app);
        expect((await call(wrongPerson, 'POST', '/v1/invitations/accept', { token })).status).toBe(404);
        const invitee = await signUp(t.app, { email });
        const accepted = await call(invitee, 'POST', '/v1/invitations/accept', { token });
        expect(accepted).toEqual({ status: 200, body: { tenant, role: 'member' } });
        expect((await call(invitee, 'POST', '/v1/invitations/accept', { token })).status).toBe(404);

        expect((await call(invitee, 'GET', `/v1/tenants/${tenant}`)).body['access']).toBe('member');
        const change = await call(invitee, 'PATCH', `/v1/tenants/${tenant}`, { displayName: 'Mine' });
        expect([change.status, code(change)]).toEqual([403, 'LMO_FORBIDDEN']);
        const invite = await call(invitee, 'POST', `/v1/tenants/${tenant}/invitations`, {
          email: uniqueEmail(),
        });
        expect(invite.status).toBe(403);
        const members = await call(session, 'GET', `/v1/tenants/${tenant}/members`);
        expect((members.body['items'] as Json[]).map((m) => [m['email'], m['role']])).toEqual([
          [session.email, 'owner'],
          [email, 'member'],
        ]);
      });

      it('refuses an expired invitation and lists, then withdraws, pending ones', async () => {
        const { session, tenant } = await owner();
        const email = uniqueEmail('late');
        const invited = await call(session, 'POST', `/v1/tenants/${tenant}/invitations`, {
          email,
          role: 'owner',
        });
        const pending = await call(session, 'GET', `/v1/tenants/${tenant}/invitations`);
        expect((pending.body['items'] as Json[]).map((i) => [i['email'], i['role']])).toEqual([
          [email, 'owner'],
        ]);
        expect(JSON.stringify(pending.body)).not.toContain(invited.body['token']);

        await signUp(t.app, { email });
        t.clock.advance(169 * 3_600_000);
        const login = await t.app.inject({
          method: 'POST',
          url: '/v1/login',
          payload: { email, password: PASSWORD },
        });
        const late = {
          ...admin,
          cookie: sessionCookieOf(login),
          csrf: login.json<{ csrfToken: string }>().csrfToken,
        };
        const accepted = await call(late, 'POST', '/v1/invitations/accept', { token: invited.body['token'] });
        t.clock.advance(-169 * 3_600_000);
        expect(accepted.status).toBe(404);

        const withdrawn = await call(
          session,
          'DELETE',
          `/v1/tenants/${tenant}/invitations/${invited.body['id'] as string}`,
        );
        expect(withdrawn.status).toBe(204);
        expect((await call(session, 'GET', `/v1/tenants/${tenant}/invitations`)).body['items']).toEqual([]);
      });

      it('removes members, but never the last owner', async () => {
        const { session, tenant } = await owner();
        const email = uniqueEmail('member');
        const invited = await call(session, 'POST', `/v1/tenants/${tenant}/invitations`, { email });
        const member = await signUp(t.app, { email });
        await call(member, 'POST', '/v1/invitations/accept', { token: invited.body['token'] });

        const lastOwner = await call(session, 'DELETE', `/v1/tenants/${tenant}/members/${session.userId}`);
        expect([lastOwner.status, code(lastOwner)]).toEqual([409, 'LMO_CONFLICT']);
        const byMember = await call(member, 'DELETE', `/v1/tenants/${tenant}/members/${session.userId}`);
        expect(byMember.status).toBe(403);
        const removed = await call(session, 'DELETE', `/v1/tenants/${tenant}/members/${member.userId}`);
        expect(removed.status).toBe(204);
        expect((await call(member, 'GET', `/v1/tenants/${tenant}`)).status).toBe(404);
      });
    });

    describe('API keys', () => {
      it('creates a key shown once, mirrors only its hash to the runtime, lists it, revokes it', async () => {
        const { session, tenant } = await owner();
        const created = await call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, {
          name: 'production app',
        });

        expect(created.status).toBe(201);
        const key = created.body['key'] as string;
        const id = created.body['id'] as string;
        expect(key).toMatch(new RegExp(API_KEY_PATTERN));
        expect(created.body).toMatchObject({
          id,
          name: 'production app',
          prefix: `lmo_${id}`,
          lastUsedAt: null,
        });
        expect(await backend.sink.read(tenant)).toEqual(new Map([[id, formatApiKeyHash(sha256(key))]]));

        const list = await call(session, 'GET', `/v1/tenants/${tenant}/api-keys`);
        expect(list.body['items']).toEqual([
          {
            id,
            name: 'production app',
            prefix: `lmo_${id}`,
            createdAt: created.body['createdAt'],
            lastUsedAt: null,
          },
        ]);
        expect(JSON.stringify(list.body)).not.toContain(key);
        const row = await backend.db('api_keys').where({ id }).first<Json>();
        expect(JSON.stringify(row)).not.toContain(key);

        const second = await call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 'staging' });
        const revoked = await call(session, 'DELETE', `/v1/tenants/${tenant}/api-keys/${id}`);
        expect(revoked.status).toBe(204);
        expect([...(await backend.sink.read(tenant)).keys()]).toEqual([second.body['id']]);
        expect(
          ((await call(session, 'GET', `/v1/tenants/${tenant}/api-keys`)).body['items'] as Json[]).map(
            (k) => k['id'],
          ),
        ).toEqual([second.body['id']]);
        expect((await call(session, 'DELETE', `/v1/tenants/${tenant}/api-keys/${id}`)).status).toBe(404);
      });

      it("answers another tenant's key as not found and keeps it working", async () => {
        const a = await owner();
        const b = await owner();
        const key = await call(a.session, 'POST', `/v1/tenants/${a.tenant}/api-keys`, { name: 'a' });
        const id = key.body['id'] as string;
        const viaOwnTenant = await call(b.session, 'DELETE', `/v1/tenants/${b.tenant}/api-keys/${id}`);

        expect([viaOwnTenant.status, code(viaOwnTenant)]).toEqual([404, 'LMO_NOT_FOUND']);
        expect((await backend.sink.read(a.tenant)).has(id)).toBe(true);
      });

      it('refuses bad input: missing and unknown fields, wrong types, malformed ids', async () => {
        const { session, tenant } = await owner();
        const answers = await Promise.all([
          call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, {}),
          call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 'x', scopes: ['all'] }),
          call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 7 }),
          call(session, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 'x'.repeat(101) }),
          call(session, 'DELETE', `/v1/tenants/${tenant}/api-keys/NOT-AN-ID`),
        ]);

        for (const answer of answers)
          expect([answer.status, code(answer)]).toEqual([422, 'LMO_VALIDATION_FAILED']);
        expect((answers[4].body as ErrorJson).error.details?.['location']).toBe('params');
        expect(await backend.sink.read(tenant)).toEqual(new Map());
      });

      it('lets members manage keys', async () => {
        const { session, tenant } = await owner();
        const email = uniqueEmail('dev');
        const invited = await call(session, 'POST', `/v1/tenants/${tenant}/invitations`, { email });
        const dev = await signUp(t.app, { email });
        await call(dev, 'POST', '/v1/invitations/accept', { token: invited.body['token'] });

        const created = await call(dev, 'POST', `/v1/tenants/${tenant}/api-keys`, { name: 'dev' });
        expect(created.status).toBe(201);
      });
    });
  });
}
