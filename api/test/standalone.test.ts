// The standalone path `make dev` uses, end to end in one process: embedded PGlite, tenants in the
// database, key hashes as files; started by startApi as main.ts does, over real HTTP. Plus what
// happens when the key store refuses a write: nothing is kept, and a refused revocation keeps the
// key live in both places.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import { pino } from 'pino';
import { systemClock } from '../src/clock.ts';
import { parseApiConfig } from '../src/config/api-config.ts';
import { ApiKeyService } from '../src/keys/api-keys.ts';
import type { KeyHashSink } from '../src/keys/key-hash-sink.ts';
import { startApi, type RunningApi } from '../src/start.ts';

jest.setTimeout(60_000);

describe('standalone API (PGlite, database registry, secrets directory)', () => {
  let dir: string;
  let api: RunningApi;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-standalone-'));
    const parsed = parseApiConfig({
      DATABASE_URL: 'pglite:memory',
      LMO_DATA_DIR: dir,
      LMO_API_PORT: '0',
      LMO_BOOTSTRAP_ADMIN_EMAIL: 'admin@lmo.local',
      LMO_BOOTSTRAP_ADMIN_PASSWORD: 'admin password 123',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    api = await startApi(parsed.config, pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const json = async (
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${api.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('signs in the bootstrap admin, creates a tenant and a key whose hash lands in the tenant directory', async () => {
    const login = await fetch(`${api.url}/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@lmo.local', password: 'admin password 123' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken, user } = (await login.json()) as {
      csrfToken: string;
      user: { isPlatformAdmin: boolean };
    };
    expect(user.isPlatformAdmin).toBe(true);
    const headers = { cookie, 'x-csrf-token': csrfToken };

    const tenant = await json('/v1/tenants', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'demo', displayName: 'Demo' }),
    });
    expect(tenant.status).toBe(201);
    const key = await json('/v1/tenants/demo/api-keys', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'curl' }),
    });
    expect(key.status).toBe(201);

    const file = join(dir, 'tenants', 'demo', 'secrets', `api-key.${key.body['id'] as string}`);
    expect(await readFile(file, 'utf8')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await readFile(file, 'utf8')).not.toContain(key.body['key']);
    expect((await json('/readyz')).body).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('keeps nothing when the key store refuses a new key, and keeps the key live when it refuses a revocation', async () => {
    let refuse = false;
    const entries = new Map<string, string>();
    const sink: KeyHashSink = {
      sync: async (_tenant, next) => {
        if (refuse) throw new LmoError('LMO_TENANT_NOT_READY');
        entries.clear();
        for (const [id, hash] of next) entries.set(id, hash);
        await Promise.resolve();
      },
      read: () => Promise.resolve(new Map(entries)),
    };
    const keys = new ApiKeyService(api.db, sink, systemClock);
    const kept = await keys.create('flaky', 'kept', null);

    refuse = true;
    await expect(keys.create('flaky', 'lost', null)).rejects.toMatchObject({ code: 'LMO_TENANT_NOT_READY' });
    await expect(keys.revoke('flaky', kept.id)).rejects.toMatchObject({ code: 'LMO_TENANT_NOT_READY' });
    expect((await keys.list('flaky')).map((k) => k.name)).toEqual(['kept']);
    expect([...entries.keys()]).toEqual([kept.id]);

    refuse = false;
    await keys.revoke('flaky', kept.id);
    expect(await keys.list('flaky')).toEqual([]);
    expect(entries.size).toBe(0);
  });

  it('records key use from usage events, only ever forward', async () => {
    const keys = new ApiKeyService(
      api.db,
      { sync: () => Promise.resolve(), read: () => Promise.resolve(new Map()) },
      systemClock,
    );
    const key = await keys.create('used', 'k', null);
    await keys.markUsed(key.id, new Date('2026-11-22T12:00:00Z'));
    await keys.markUsed(key.id, new Date('2026-11-22T11:00:00Z'));

    expect((await keys.list('used'))[0]?.lastUsedAt).toEqual(new Date('2026-11-22T12:00:00Z'));
  });
});
