// The standalone supervisor's pure decisions: whether a runtime runs, the config it gets (the
// operator's rendering, with the dev host), its command line and environment, and restart pacing.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';
import { renderRuntimeConfig, runtimeConfigJson } from '@lmo/cdk8s/runtime-config';
import { validateTenantSpec, type TenantSpec } from '@lmo/contracts';
import {
  configNeedsWrite,
  DEFAULT_RESTART_POLICY,
  failuresAfterExit,
  renderConfigText,
  restartDelayMs,
  runtimeArgs,
  runtimeDesire,
  runtimeEnv,
  tenantPaths,
} from '../src/supervisor/runtime-plan.ts';

function spec(overrides: Record<string, unknown> = {}): TenantSpec {
  const result = validateTenantSpec({ displayName: 'Acme', owner: 'owner@acme.test', ...overrides });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('runtimeDesire', () => {
  it('runs a tenant, stops a suspended one and one scaled to zero', () => {
    expect(runtimeDesire(spec())).toEqual({ run: true });
    expect(runtimeDesire(spec({ suspended: true }))).toEqual({ run: false, why: 'suspended' });
    expect(runtimeDesire(spec({ runtime: { replicas: 0 } }))).toEqual({ run: false, why: 'scaled-to-zero' });
    expect(runtimeDesire(spec({ suspended: true, runtime: { replicas: 0 } }))).toEqual({
      run: false,
      why: 'suspended',
    });
  });
});

describe('renderConfigText', () => {
  it('is exactly what the operator renders into the ConfigMap, with the dev host as endpoint host', () => {
    const s = spec({ model: { provider: 'echo', model: 'echo-1', temperature: 0.2, maxTokens: 64 } });
    const text = renderConfigText('acme', s, '127.0.0.1');
    const operator = runtimeConfigJson(
      renderRuntimeConfig(
        { name: 'acme', spec: s },
        { ...DEFAULT_PLATFORM_SETTINGS, ingressHost: '127.0.0.1' },
      ),
    );
    expect(text).toBe(operator);
    const parsed = JSON.parse(text) as { endpoint: unknown; model: { provider: string } };
    expect(parsed.endpoint).toEqual({ host: '127.0.0.1', path: '/t/acme/' });
    expect(parsed.model.provider).toBe('echo');
  });

  it('changes only when the spec changes, so the file is rewritten only then', () => {
    const before = renderConfigText('acme', spec(), 'localhost');
    expect(configNeedsWrite(before, renderConfigText('acme', spec(), 'localhost'))).toBe(false);
    expect(configNeedsWrite(undefined, before)).toBe(true);
    const after = renderConfigText('acme', spec({ limits: { requestsPerMinute: 7 } }), 'localhost');
    expect(configNeedsWrite(before, after)).toBe(true);
  });

  it('refuses a name that could leave the tenants directory', () => {
    expect(() => renderConfigText('../etc', spec(), 'localhost')).toThrow();
    expect(() => tenantPaths('/data/tenants', '../etc')).toThrow();
  });
});

describe('runtimeArgs and runtimeEnv', () => {
  const paths = tenantPaths('/data/tenants', 'acme');

  it('puts every file under the tenant directory and binds loopback only', () => {
    expect(paths).toEqual({
      root: '/data/tenants/acme',
      configDir: '/data/tenants/acme/config',
      secretsDir: '/data/tenants/acme/secrets',
      eventsFile: '/data/tenants/acme/usage-events.jsonl',
      spoolDir: '/data/tenants/acme/spool',
      logFile: '/data/tenants/acme/logs/runtime.log',
    });
    const args = runtimeArgs({
      paths,
      port: 41001,
      metricsPort: 41002,
      extraHosts: [],
      allowedOrigins: [],
      logLevel: 'info',
      shutdownGraceMs: 2000,
    });
    const flags = Object.fromEntries(
      args.flatMap((arg, i) => (arg.startsWith('--') ? [[arg.slice(2), args[i + 1]]] : [])),
    );
    expect(flags).toEqual({
      config: '/data/tenants/acme/config',
      secrets: '/data/tenants/acme/secrets',
      host: '127.0.0.1',
      port: '41001',
      'metrics-port': '41002',
      'events-file': '/data/tenants/acme/usage-events.jsonl',
      'spool-dir': '/data/tenants/acme/spool',
      'shutdown-grace-ms': '2000',
      'log-level': 'info',
    });
  });

  it('passes the dev host and the dashboard origin when there are any', () => {
    const args = runtimeArgs({
      paths,
      port: 1,
      metricsPort: 2,
      extraHosts: ['dev.example'],
      allowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      logLevel: 'warn',
      shutdownGraceMs: 0,
    });
    expect(args.join(' ')).toContain('--extra-hosts dev.example');
    expect(args.join(' ')).toContain('--allowed-origins http://localhost:5173,http://127.0.0.1:5173');
  });

  it('keeps the settings of the API and of real services out of the child environment', () => {
    const env = runtimeEnv({
      PATH: '/usr/bin',
      HOME: '/root',
      REDIS_URL: 'redis://127.0.0.1:6379',
      KAFKA_BROKERS: '127.0.0.1:9092',
      LOG_LEVEL: 'debug',
      LMO_DATA_DIR: '.lmo',
      LMO_PORT: '9999',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      UNSET: undefined,
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
  });
});

describe('restart pacing', () => {
  const policy = DEFAULT_RESTART_POLICY;

  it('waits 1 s, then doubles up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((failures) => restartDelayMs(failures, policy))).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('counts consecutive quick failures and starts afresh after a run that lasted', () => {
    let failures = 0;
    failures = failuresAfterExit(failures, 500, policy);
    failures = failuresAfterExit(failures, 2_000, policy);
    expect(failures).toBe(2);
    expect(failuresAfterExit(failures, policy.stableAfterMs, policy)).toBe(1);
  });
});
