/**
 * The API configuration of `make dev`: the environment's LMO settings (admin, CORS origins, log
 * level, limits), but always the embedded defaults for what would otherwise be a real service, so a
 * shell that has `scripts/infra env` exported still gets PGlite and local files. Pure.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseApiConfig, type ApiConfigResult } from '../config/api-config.ts';

/** Variables that would point `make dev` at real services (or a cluster); it ignores them. */
export const REAL_SERVICE_VARIABLES: readonly string[] = [
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'PROMETHEUS_URL',
  'STRIPE_SECRET_KEY',
  'STRIPE_API_BASE',
  'STRIPE_WEBHOOK_SECRET',
  'KUBECONFIG',
  'LMO_TENANT_REGISTRY',
  'LMO_USAGE_SOURCE',
  'LMO_RUNTIME_METRICS_URLS',
];

/** The flags of `dev.ts` (each falls back to its variable). */
export interface DevFlags {
  readonly dataDir: string | undefined;
  readonly port: string | undefined;
  readonly host: string | undefined;
  /** The dashboard build to serve at `/` (`dashboard/dist` when built); `LMO_DASHBOARD_DIR` wins. */
  readonly dashboardDir?: string | undefined;
}

/** The data directory: `--data-dir`, else `LMO_DATA_DIR`, else `.lmo`, made absolute. */
export function devDataDir(env: Readonly<Record<string, string | undefined>>, flags: DevFlags): string {
  return resolve(flags.dataDir ?? env['LMO_DATA_DIR'] ?? '.lmo');
}

/**
 * The API configuration: PGlite in `<data>/pglite`, tenants in the database, usage from the
 * runtimes' event files, billing from `metricsUrl` (the runtimes' own /metrics), no Stripe.
 */
export function devApiConfig(
  env: Readonly<Record<string, string | undefined>>,
  flags: DevFlags,
  metricsUrl: string,
): ApiConfigResult {
  const kept = Object.fromEntries(
    Object.entries(env).filter(([name]) => !REAL_SERVICE_VARIABLES.includes(name)),
  );
  const dataDir = devDataDir(env, flags);
  return parseApiConfig(kept, {
    LMO_DATA_DIR: dataDir,
    DATABASE_URL: `pglite:${join(dataDir, 'pglite')}`,
    LMO_TENANT_REGISTRY: 'database',
    LMO_USAGE_SOURCE: 'files',
    LMO_RUNTIME_METRICS_URLS: metricsUrl,
    LMO_API_PORT: flags.port,
    LMO_API_HOST: flags.host,
    LMO_DASHBOARD_DIR: env['LMO_DASHBOARD_DIR'] ?? flags.dashboardDir,
  });
}

/** A path as a person should read it: relative when under `cwd`, absolute otherwise. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * The URL to print and to give the supervisor: the listening URL, with a wildcard address replaced
 * by `localhost` (a browser cannot open `http://0.0.0.0:8080`).
 */
export function publicUrlOf(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  return url.origin;
}
