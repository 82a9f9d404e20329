import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { API_ENV_HELP, ApiEnvSchema, parseApiConfig } from '../src/config/api-config.ts';

describe('parseApiConfig', () => {
  it('gives standalone defaults with an empty environment', () => {
    const result = parseApiConfig({});

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      http: { host: '127.0.0.1', port: 8080, trustProxy: false },
      database: { kind: 'pglite', dataDir: expect.stringMatching(/\.lmo\/pglite$/) as unknown },
      tenantRegistry: 'database',
      cookieSecure: true,
      sessionTtlSeconds: 604_800,
      bodyLimitBytes: 1_048_576,
      authRateLimit: { max: 10, windowSeconds: 60 },
      corsOrigins: [],
      bootstrapAdmin: undefined,
    });
    expect(Object.isFrozen(result.config)).toBe(true);
    expect(Object.isFrozen(result.config.http)).toBe(true);
  });

  it('reads PostgreSQL, PGlite directories and in-memory PGlite', () => {
    const pg = parseApiConfig({ DATABASE_URL: 'postgres://u:p@db:5432/lmo' });
    const dir = parseApiConfig({ DATABASE_URL: 'pglite:/var/lib/lmo' });
    const memory = parseApiConfig({ DATABASE_URL: 'pglite:memory' });

    expect(pg.ok && pg.config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/lmo' });
    expect(dir.ok && dir.config.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/lmo' });
    expect(memory.ok && memory.config.database).toEqual({ kind: 'pglite', dataDir: undefined });
  });

  it('converts numbers, booleans, lists and labels', () => {
    const result = parseApiConfig({
      LMO_API_PORT: '9000',
      LMO_COOKIE_SECURE: 'false',
      LMO_CORS_ORIGINS: 'https://a.example.com,http://localhost:5173',
      LMO_TENANT_REGISTRY: 'kubernetes',
      LMO_TENANT_LABELS: 'lmo.dev/test=x,team=a',
    });

    expect(result.ok && result.config).toMatchObject({
      http: { port: 9000 },
      cookieSecure: false,
      corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
      tenantRegistry: 'kubernetes',
      tenantLabels: { 'lmo.dev/test': 'x', team: 'a' },
    });
  });

  it('lets overrides win over the environment', () => {
    const result = parseApiConfig({ LMO_API_PORT: '1' }, { LMO_API_PORT: '2' });
    expect(result.ok && result.config.http.port).toBe(2);
  });

  it('lists every problem at once, without echoing secrets', () => {
    const result = parseApiConfig({
      LMO_API_PORT: '99999',
      LMO_COOKIE_SECURE: 'maybe',
      LMO_TENANT_REGISTRY: 'etcd',
      DATABASE_URL: 'mysql://root:hunter2@db/lmo',
      LMO_BOOTSTRAP_ADMIN_PASSWORD: 'short',
    });

    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        'LMO_API_PORT: must be <= 65535',
        'LMO_COOKIE_SECURE: must be a boolean',
        expect.stringMatching(/^LMO_TENANT_REGISTRY: must be one of/),
        expect.stringMatching(/^DATABASE_URL: must match the pattern/),
        'LMO_BOOTSTRAP_ADMIN_PASSWORD: must be at least 12 characters',
      ]) as unknown,
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('checks fields that go together and origins', () => {
    const result = parseApiConfig({
      LMO_BOOTSTRAP_ADMIN_EMAIL: 'a@b.co',
      LMO_CORS_ORIGINS: 'https://x.example.com/path',
    });

    expect(result).toEqual({
      ok: false,
      problems: [
        'LMO_BOOTSTRAP_ADMIN_EMAIL and LMO_BOOTSTRAP_ADMIN_PASSWORD go together: set both or neither',
        'LMO_CORS_ORIGINS: "https://x.example.com/path" is not an origin such as https://app.example.com',
      ],
    });
  });

  it('documents every variable', () => {
    expect(Object.keys(API_ENV_HELP).sort()).toEqual(Object.keys(ApiEnvSchema.properties).sort());
  });
});

describe('lmo-api (main.ts)', () => {
  const run = promisify(execFile);
  const main = new URL('../src/main.ts', import.meta.url).pathname;

  it('prints help with every variable', async () => {
    const { stdout } = await run(process.execPath, [main, '--help']);

    expect(stdout).toContain('Usage: lmo-api');
    for (const name of Object.keys(API_ENV_HELP)) expect(stdout).toContain(name);
  });

  it('exits 2 listing the problems of a bad configuration', async () => {
    const failure = await run(process.execPath, [main, '--check-config'], {
      env: { ...process.env, LMO_API_PORT: 'eighty', LOG_LEVEL: 'loud' },
    }).catch((error: unknown) => error as { code: number; stderr: string });

    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('LMO_API_PORT: must be an integer');
    expect((failure as { stderr: string }).stderr).toContain('LOG_LEVEL: must be one of');
  });

  it('prints the checked configuration without the database password', async () => {
    const { stdout } = await run(process.execPath, [main, '--check-config'], {
      env: { ...process.env, DATABASE_URL: 'postgres://lmo:hunter2@db/lmo' },
    });

    expect(JSON.parse(stdout)).toMatchObject({ database: { kind: 'postgres', url: '[redacted]' } });
    expect(stdout).not.toContain('hunter2');
  });
});
