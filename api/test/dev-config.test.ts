// make dev's configuration and what it prints: embedded defaults whatever real services the shell
// points at, and a banner whose curl and MCP configuration are usable as printed.
import { describe, expect, it } from '@jest/globals';
import { curlCommand, devBanner, mcpClientConfig } from '../src/dev/dev-banner.ts';
import { devApiConfig, displayPath, publicUrlOf } from '../src/dev/dev-config.ts';

describe('devApiConfig', () => {
  const harnessShell = {
    DATABASE_URL: 'postgres://lmo:lmo@127.0.0.1:34432/lmo',
    KAFKA_BROKERS: '127.0.0.1:34092',
    PROMETHEUS_URL: 'http://127.0.0.1:34090',
    STRIPE_SECRET_KEY: 'sk_test_123',
    STRIPE_API_BASE: 'http://127.0.0.1:34111',
    LMO_TENANT_REGISTRY: 'kubernetes',
    LMO_CORS_ORIGINS: 'http://localhost:5173',
    LOG_LEVEL: 'debug',
  };

  it('uses PGlite, the database registry, event files and the runtimes metrics, ignoring real services', () => {
    const result = devApiConfig(
      harnessShell,
      { dataDir: '/tmp/dev-data', port: '0', host: undefined },
      'http://127.0.0.1:4000/metrics',
    );
    if (!result.ok) throw new Error(result.problems.join('; '));
    const { config } = result;
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/tmp/dev-data/pglite' });
    expect(config.tenantRegistry).toBe('database');
    expect(config.tenantsDir).toBe('/tmp/dev-data/tenants');
    expect(config.usage).toEqual({ kind: 'files', dir: '/tmp/dev-data/tenants' });
    expect(config.billing.tokens).toEqual({ kind: 'scrape', urls: ['http://127.0.0.1:4000/metrics'] });
    expect(config.stripe).toBeUndefined();
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 0 });
    // The developer's own settings still apply.
    expect(config.corsOrigins).toEqual(['http://localhost:5173']);
    expect(config.logLevel).toBe('debug');
  });

  it('defaults to .lmo, port 8080, and takes LMO_DATA_DIR when there is no flag', () => {
    const none = { dataDir: undefined, port: undefined, host: undefined };
    const result = devApiConfig({}, none, 'http://127.0.0.1:1/metrics');
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.http.port).toBe(8080);
    expect(result.config.database).toEqual({ kind: 'pglite', dataDir: `${process.cwd()}/.lmo/pglite` });
    const fromEnv = devApiConfig({ LMO_DATA_DIR: '/srv/lmo' }, none, 'http://127.0.0.1:1/metrics');
    expect(fromEnv.ok && fromEnv.config.tenantsDir).toBe('/srv/lmo/tenants');
  });

  it('lists bad flags as configuration problems', () => {
    const result = devApiConfig(
      {},
      { dataDir: undefined, port: '99999', host: undefined },
      'http://x/metrics',
    );
    expect(result.ok).toBe(false);
  });
});

describe('paths and URLs', () => {
  it('shows paths under the working directory relative, others absolute', () => {
    expect(displayPath('/work/main/.lmo', '/work/main')).toBe('.lmo');
    expect(displayPath('/tmp/dev', '/work/main')).toBe('/tmp/dev');
  });

  it('prints a browsable URL for a wildcard listener', () => {
    expect(publicUrlOf('http://0.0.0.0:8080')).toBe('http://localhost:8080');
    expect(publicUrlOf('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
});

describe('devBanner', () => {
  const input = {
    url: 'http://127.0.0.1:8080',
    admin: { email: 'admin@lmo.localhost', password: 'generated-password', source: 'generated' as const },
    tenant: 'demo',
    phase: 'Ready',
    apiKey: 'lmo_abc123abc123_secret',
    revokedKeys: 1,
    dataDir: '.lmo',
    runtimes: 1,
    dashboard: true,
  };

  it('prints the URL, the login, the key, a curl and an MCP configuration', () => {
    const text = devBanner(input);
    expect(text).toContain('URL           http://127.0.0.1:8080');
    expect(text).toContain('admin@lmo.localhost  password: generated-password  (shown once)');
    expect(text).toContain('the previous dev key was revoked');
    expect(text).toContain(curlCommand(input.url, 'demo', input.apiKey).split('\n').join('\n  '));
    expect(text).toContain('Press Ctrl-C to stop everything.');
    expect(text).toContain('Dashboard     http://127.0.0.1:8080/');
  });

  it('says how to build the dashboard when it is not built', () => {
    expect(devBanner({ ...input, dashboard: false })).toContain(
      'Dashboard     not built: run `npm run build -w dashboard`, then restart',
    );
  });

  it('never prints a password it does not have', () => {
    const text = devBanner({ ...input, admin: { ...input.admin, password: undefined, source: 'existing' } });
    expect(text).toContain('password: the one printed when .lmo was set up');
    expect(devBanner({ ...input, admin: { ...input.admin, source: 'environment' } })).toContain(
      'password: from LMO_BOOTSTRAP_ADMIN_PASSWORD',
    );
  });

  it('gives a curl that sends the key and a JSON prompt, and a Streamable HTTP client entry', () => {
    expect(curlCommand('http://h:1', 'demo', 'lmo_k')).toBe(
      [
        'curl -sS http://h:1/t/demo/v1/query \\',
        "  -H 'Authorization: Bearer lmo_k' \\",
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"prompt":"Hello from make dev"}'`,
      ].join('\n'),
    );
    expect(JSON.parse(mcpClientConfig('http://h:1', 'demo', 'lmo_k'))).toEqual({
      mcpServers: {
        'lmo-demo': {
          type: 'http',
          url: 'http://h:1/t/demo/mcp',
          headers: { Authorization: 'Bearer lmo_k' },
        },
      },
    });
  });
});
