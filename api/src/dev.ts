#!/usr/bin/env node
// `make dev`: the whole platform on one machine with nothing but Node.js — the API with embedded
// PGlite, the local runtime supervisor (one mcp-runtime process per tenant behind /t/<tenant>/),
// a platform admin, a demo tenant on the echo provider and a fresh demo API key; then it prints how
// to call it and runs until Ctrl-C, which stops everything.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { API_ENV_HELP } from './config/api-config.ts';
import { devBanner } from './dev/dev-banner.ts';
import { DEMO_TENANT, ensureDemoTenant, ensureDevAdmin, rotateDevKey } from './dev/dev-bootstrap.ts';
import {
  devApiConfig,
  devDataDir,
  displayPath,
  publicUrlOf,
  REAL_SERVICE_VARIABLES,
} from './dev/dev-config.ts';
import { startRuntimeMetricsServer } from './dev/runtime-metrics-server.ts';
import { createLogger } from './logger.ts';
import { startApi, type RunningApi } from './start.ts';

const usage = (): string =>
  [
    'Usage: node api/src/dev.ts [--data-dir <dir>] [--port <port>] [--host <address>] [--help]',
    '',
    'Starts LMO for development with embedded defaults (what `make dev` runs): the platform API on',
    'PGlite, one mcp-runtime process per tenant behind /t/<tenant>/, a platform admin, a demo tenant',
    'on the echo provider and a new demo API key; prints the URL, the login and ready-to-paste calls.',
    'Data stays in the data directory between runs. Ctrl-C stops everything.',
    '',
    '  --data-dir <dir>   data: database, tenants, logs (LMO_DATA_DIR, default .lmo)',
    '  --port <port>      API port, 0 for any free one (LMO_API_PORT, default 8080)',
    '  --host <address>   API address (LMO_API_HOST, default 127.0.0.1)',
    '  --help             print this help',
    '',
    `Ignored, so that embedded defaults apply: ${REAL_SERVICE_VARIABLES.join(', ')}.`,
    'Other API variables apply as for node api/src/main.ts, for example:',
    ...(
      ['LMO_BOOTSTRAP_ADMIN_EMAIL', 'LMO_BOOTSTRAP_ADMIN_PASSWORD', 'LMO_CORS_ORIGINS', 'LOG_LEVEL'] as const
    ).map((name) => `  ${name.padEnd(30)} ${API_ENV_HELP[name]}`),
    '',
  ].join('\n');

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

type Flags = { 'data-dir'?: string; port?: string; host?: string; help?: boolean };

function parseFlags(argv: string[]): Flags | string {
  try {
    return parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Resolves on the first SIGINT/SIGTERM; a second one kills the runtimes and exits at once. */
function stopSignal(onForce: () => void): Promise<string> {
  return new Promise((resolve) => {
    const handler = (signal: string): void => {
      process.removeListener('SIGINT', handler);
      process.removeListener('SIGTERM', handler);
      process.once('SIGINT', onForce);
      process.once('SIGTERM', onForce);
      resolve(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

/** The repository's dashboard build, when there is one. */
function builtDashboard(): string | undefined {
  const dist = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));
  return existsSync(join(dist, 'index.html')) ? dist : undefined;
}

/** Waits for the demo runtime; its phase for the banner. */
async function demoReady(api: RunningApi, shownDir: string, abort: AbortSignal): Promise<string> {
  out('  … waiting for the demo runtime');
  const ready = (await api.runtimes?.supervisor.whenReady(DEMO_TENANT, 60_000, abort)) ?? false;
  out(`  ${ready ? '✓' : '✗'} demo runtime ${ready ? 'ready' : 'not ready after 60 s'}`);
  return ready ? 'Ready' : `not ready yet (see ${shownDir}/tenants/${DEMO_TENANT}/logs/runtime.log)`;
}

/** What the banner needs besides the running API. */
interface BannerContext {
  readonly bootstrapEmail: string | undefined;
  readonly shownDir: string;
  readonly dashboard: boolean;
}

async function bootstrap(api: RunningApi, context: BannerContext, abort: AbortSignal): Promise<string> {
  const { bootstrapEmail, shownDir } = context;
  const { services } = api;
  const admin = await ensureDevAdmin(services, bootstrapEmail);
  out(`  ✓ platform admin ${admin.user.email} (${admin.source === 'generated' ? 'created' : 'exists'})`);
  const demo = await ensureDemoTenant(services, admin.user);
  out(`  ✓ demo tenant "${DEMO_TENANT}" (${demo.created ? 'created' : 'exists'})`);
  const key = await rotateDevKey(services, admin.user);
  out(`  ✓ new demo API key${key.revoked > 0 ? ' (the previous dev key is revoked)' : ''}`);
  const phase = demo.record.spec.suspended ? 'Suspended' : await demoReady(api, shownDir, abort);
  return devBanner({
    url: publicUrlOf(api.url),
    admin: { email: admin.user.email, password: admin.password, source: admin.source },
    tenant: DEMO_TENANT,
    phase,
    apiKey: key.key,
    revokedKeys: key.revoked,
    dataDir: shownDir,
    runtimes: api.runtimes?.supervisor.pids().length ?? 0,
    dashboard: context.dashboard,
  });
}

function startFailure(error: unknown, port: number): string {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return `port ${String(port)} is in use: pass --port <port> (0 picks a free one) or set LMO_API_PORT`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    process.stderr.write(`lmo dev: ${flags}\n\n${usage()}`);
    return 2;
  }
  if (flags.help === true) {
    process.stdout.write(usage());
    return 0;
  }
  const devFlags = {
    dataDir: flags['data-dir'],
    port: flags.port,
    host: flags.host,
    dashboardDir: builtDashboard(),
  };
  const dataDir = devDataDir(process.env, devFlags);
  const shownDir = displayPath(dataDir, process.cwd());
  let api: RunningApi | undefined;
  const stopped = stopSignal(() => {
    api?.runtimes?.supervisor.killAll();
    process.exit(130);
  });
  // However this process ends, no runtime outlives it (a no-op after a clean stop).
  process.once('exit', () => api?.runtimes?.supervisor.killAll());
  const metrics = await startRuntimeMetricsServer(() => api?.runtimes?.supervisor.metricsUrls() ?? []);
  try {
    const parsed = devApiConfig(process.env, devFlags, metrics.url);
    if (!parsed.ok) {
      process.stderr.write(
        `lmo dev: invalid configuration:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`,
      );
      return 2;
    }
    const { config } = parsed;
    out(`make dev: starting LMO with embedded defaults; data in ${shownDir}/`);
    out('  … API: PGlite database and migrations, tenant runtime supervisor');
    const destination = pino.destination({
      dest: join(dataDir, 'logs', 'api.log'),
      mkdir: true,
      sync: false,
    });
    const logger = createLogger(config.logLevel, destination);
    try {
      api = await startApi(config, logger, {
        supervisor: { allowedOrigins: config.corsOrigins, runtimeLogLevel: config.logLevel },
      });
    } catch (error) {
      process.stderr.write(`lmo dev: could not start: ${startFailure(error, config.http.port)}\n`);
      return 1;
    }
    out(`  ✓ API listening on ${publicUrlOf(api.url)}`);
    const abort = new AbortController();
    void stopped.then(() => {
      abort.abort();
    });
    const banner = await bootstrap(
      api,
      {
        bootstrapEmail: config.bootstrapAdmin?.email,
        shownDir,
        dashboard: config.dashboardDir !== undefined,
      },
      abort.signal,
    ).catch(async (error: unknown) => {
      await api?.stop();
      throw error;
    });
    if (!abort.signal.aborted) out(banner);
    const signal = await stopped;
    out(`\n${signal}: stopping the tenant runtimes, the API and the database …`);
    await api.stop();
    destination.flushSync();
    out('Stopped.');
    return 0;
  } finally {
    await metrics.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Whatever might still hold the event loop (a stuck socket) must not keep a stopped dev server.
    setTimeout(() => process.exit(code), 5_000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`lmo dev: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 5_000).unref();
  },
);
