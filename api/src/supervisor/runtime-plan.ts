/**
 * The pure decisions of the standalone supervisor: what a tenant's runtime should be doing, the
 * configuration file it gets (rendered exactly as the operator renders its ConfigMap, with the dev
 * host as the endpoint host), the command line and environment of its process, and how long to wait
 * before restarting one that crashed.
 */
import { join } from 'node:path';
import { backoffDelay } from '@lmo/kube';
import { tenantNamespace, type TenantSpec } from '@lmo/contracts';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';
import { renderRuntimeConfig, runtimeConfigJson } from '@lmo/cdk8s/runtime-config';

/** What a tenant's runtime process should be doing. */
export type RuntimeDesire =
  { readonly run: true } | { readonly run: false; readonly why: 'suspended' | 'scaled-to-zero' };

/** Run unless the tenant is suspended or scaled to zero (`spec.runtime.replicas: 0`). Pure. */
export function runtimeDesire(spec: TenantSpec): RuntimeDesire {
  if (spec.suspended) return { run: false, why: 'suspended' };
  if (spec.runtime.replicas === 0) return { run: false, why: 'scaled-to-zero' };
  return { run: true };
}

/** Where one standalone tenant's files live, under `<tenantsDir>/<tenant>/`. */
export interface TenantPaths {
  readonly root: string;
  /** `config/config.json`, what the operator's ConfigMap holds. */
  readonly configDir: string;
  /** `secrets/`: the API's key-hash files and the provider key (the runtime Secret). */
  readonly secretsDir: string;
  /** `usage-events.jsonl`: the runtime's local event log, which the API's usage tailer reads. */
  readonly eventsFile: string;
  /** `spool/`: the runtime's on-disk spool of unsent events. */
  readonly spoolDir: string;
  /** `logs/runtime.log`: the runtime process's stdout and stderr. */
  readonly logFile: string;
}

/**
 * The file layout of a tenant.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` for a name that is not a tenant name (and so could
 *   escape the directory).
 */
export function tenantPaths(tenantsDir: string, tenant: string): TenantPaths {
  tenantNamespace(tenant);
  const root = join(tenantsDir, tenant);
  return {
    root,
    configDir: join(root, 'config'),
    secretsDir: join(root, 'secrets'),
    eventsFile: join(root, 'usage-events.jsonl'),
    spoolDir: join(root, 'spool'),
    logFile: join(root, 'logs', 'runtime.log'),
  };
}

/**
 * The `config.json` text of a tenant: `renderRuntimeConfig` + `runtimeConfigJson`, as the operator
 * renders it, with the platform defaults except the endpoint host, which is the dev host. Pure.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when the name is not a tenant name.
 */
export function renderConfigText(tenant: string, spec: TenantSpec, endpointHost: string): string {
  const settings = { ...DEFAULT_PLATFORM_SETTINGS, ingressHost: endpointHost };
  return runtimeConfigJson(renderRuntimeConfig({ name: tenant, spec }, settings));
}

/** Whether a config file needs writing: only when its text differs (the runtime reloads on change). */
export function configNeedsWrite(current: string | undefined, next: string): boolean {
  return current !== next;
}

/** How one runtime process is started. */
export interface RuntimeLaunch {
  readonly paths: TenantPaths;
  readonly port: number;
  readonly metricsPort: number;
  /** Host names besides loopback the proxy forwards as `Host` (the dev host when it is a name). */
  readonly extraHosts: readonly string[];
  /** Browser origins allowed to call (the dashboard's). */
  readonly allowedOrigins: readonly string[];
  readonly logLevel: string;
  /** How long open streams get to finish when the runtime stops. */
  readonly shutdownGraceMs: number;
}

/** The runtime's flags: loopback, its ports, its files; no Redis, no Kafka. Pure. */
export function runtimeArgs(launch: RuntimeLaunch): string[] {
  const flags: [string, string][] = [
    ['config', launch.paths.configDir],
    ['secrets', launch.paths.secretsDir],
    ['host', '127.0.0.1'],
    ['port', String(launch.port)],
    ['metrics-port', String(launch.metricsPort)],
    ['events-file', launch.paths.eventsFile],
    ['spool-dir', launch.paths.spoolDir],
    ['shutdown-grace-ms', String(launch.shutdownGraceMs)],
    ['log-level', launch.logLevel],
  ];
  if (launch.extraHosts.length > 0) flags.push(['extra-hosts', launch.extraHosts.join(',')]);
  if (launch.allowedOrigins.length > 0) flags.push(['allowed-origins', launch.allowedOrigins.join(',')]);
  return flags.flatMap(([flag, value]) => [`--${flag}`, value]);
}

/** Variables the runtime reads besides its flags; a child never inherits them from the API. */
const RUNTIME_VARIABLES = new Set(['REDIS_URL', 'KAFKA_BROKERS', 'LOG_LEVEL']);

/**
 * The child's environment: the API's, without anything the runtime would read as a setting
 * (`LMO_*`, `REDIS_URL`, `KAFKA_BROKERS`, `LOG_LEVEL`), so that only the flags decide. Pure.
 */
export function runtimeEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !name.startsWith('LMO_') && !RUNTIME_VARIABLES.has(name)) child[name] = value;
  }
  return child;
}

/** Restart pacing: base and cap of the exponential delay, and how long a run must last to count as healthy. */
export interface RestartPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A process that was up this long before it exited starts its failure count afresh. */
  readonly stableAfterMs: number;
}

/** The supervisor's default: 1 s, doubling, at most 30 s; a minute up resets the count. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = Object.freeze({
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
});

/** Consecutive failures after a process exited on its own, having been up `uptimeMs`. Pure. */
export function failuresAfterExit(previous: number, uptimeMs: number, policy: RestartPolicy): number {
  return uptimeMs >= policy.stableAfterMs ? 1 : previous + 1;
}

/** How long to wait before start number `failures + 1`. Pure. */
export function restartDelayMs(failures: number, policy: RestartPolicy): number {
  return failures === 0 ? 0 : backoffDelay(failures, policy.baseDelayMs, policy.maxDelayMs);
}

/** After this many consecutive failures, the tenant is reported `Degraded`. */
export const DEGRADED_AFTER_FAILURES = 3;
