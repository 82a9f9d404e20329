// The API serving the dashboard's build on its own origin: files at /, client-side routes answered
// with index.html, the API's own paths untouched, caching right, and a clear error without a build.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../src/db/database.ts';
import type { Knex } from 'knex';
import { makeTestApp } from './support/test-app.ts';

jest.setTimeout(60_000);

const INDEX = '<!doctype html><title>LMO dashboard</title><div id="root"></div>';

describe('the dashboard on the API origin (LMO_DASHBOARD_DIR)', () => {
  let dir: string;
  let db: Knex;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-dashboard-dist-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("dashboard")');
    db = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await db.raw('select 1'); // PGlite starts lazily; start it now, not after the tests are done
    ({ app } = await makeTestApp({ db, env: { LMO_DASHBOARD_DIR: dir } }));
  });

  afterAll(async () => {
    await app.close();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached, without a session', async () => {
    for (const url of ['/', '/login', '/tenants/acme/keys', '/admin', '/invitations/accept?token=x']) {
      const response = await app.inject({ url });
      expect([url, response.statusCode]).toEqual([url, 200]);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('serves hashed assets cached for a year', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves the API its own paths: unknown ones are still LMO errors, others still need a session', async () => {
    const unknown = await app.inject({ url: '/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'LMO_METHOD_NOT_FOUND' } });
    const me = await app.inject({ url: '/v1/me' });
    expect(me.statusCode).toBe(401);
    const missing = await app.inject({ url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('sends the security headers on the dashboard too', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses to start on a directory without a build, saying how to make one', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'lmo-dashboard-empty-'));
    await expect(makeTestApp({ db, env: { LMO_DASHBOARD_DIR: empty } })).rejects.toThrow(
      /holds no dashboard build \(index\.html\): run `npm run build -w dashboard`/,
    );
    await rm(empty, { recursive: true, force: true });
  });
});
