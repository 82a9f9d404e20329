/**
 * The standalone operator (`make dev`): for each tenant in the database it renders
 * `<tenantsDir>/<tenant>/config/config.json` as the operator renders the runtime ConfigMap, runs one
 * `mcp-runtime` child process per tenant that should run (not suspended, not scaled to zero),
 * restarts crashed ones with exponential backoff, stops them on suspend and delete, and writes the
 * same status conditions the operator writes in a cluster. Level-triggered like the operator: one
 * reconcile per tenant at a time (a work queue), woken by API changes, process events and a resync.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdir, rm } from 'node:fs/promises';
import { LmoError, type TenantStatus } from '@lmo/contracts';
import { WorkQueue } from '@lmo/kube';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { TenantRecord } from '../tenants/tenant-registry.ts';
import {
  configNeedsWrite,
  DEFAULT_RESTART_POLICY,
  DEGRADED_AFTER_FAILURES,
  failuresAfterExit,
  renderConfigText,
  restartDelayMs,
  runtimeArgs,
  runtimeDesire,
  runtimeEnv,
  tenantPaths,
  type RestartPolicy,
  type RuntimeDesire,
} from './runtime-plan.ts';
import { RuntimeProcess, type ProbeTiming } from './runtime-process.ts';
import { nextSupervisedStatus, type ProcessObservation } from './supervisor-status.ts';
import { freeLoopbackPort, readIfPresent, writeFileAtomically } from './tenant-files.ts';

/** The runtime's entry point in this repository. */
export const RUNTIME_ENTRY = fileURLToPath(new URL('../../../mcp-runtime/src/main.ts', import.meta.url));

/** What the supervisor needs of the tenant registry: `DatabaseTenantRegistry` provides it. */
export interface SupervisedRegistry {
  get(name: string): Promise<TenantRecord | undefined>;
  list(): Promise<TenantRecord[]>;
  recordStatus(name: string, status: TenantStatus): Promise<void>;
}

/** Options of {@link RuntimeSupervisor}. */
export interface RuntimeSupervisorOptions {
  readonly registry: SupervisedRegistry;
  /** `<tenantsDir>/<tenant>/` holds each tenant's config, secrets, events, spool and log. */
  readonly tenantsDir: string;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Browser origins the runtimes accept (the dashboard's). */
  readonly allowedOrigins?: readonly string[];
  /** The runtime's pino level (default `info`; its output goes to the tenant's log file). */
  readonly runtimeLogLevel?: string;
  /** The program and entry point (default `process.execPath` and {@link RUNTIME_ENTRY}). */
  readonly command?: string;
  readonly runtimeEntry?: string;
  /** The environment children start from (default `process.env`, settings removed). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How long a runtime's open streams get on stop (default 2 s). */
  readonly runtimeGraceMs?: number;
  /** SIGKILL a runtime still running this long after SIGTERM (default 10 s). */
  readonly stopDeadlineMs?: number;
  readonly restart?: RestartPolicy;
  readonly probe?: ProbeTiming;
  /** How often every tenant is reconciled even without news (default 10 s). */
  readonly resyncIntervalMs?: number;
}

/** Where requests for a tenant should go, as the proxy asks. */
export type RuntimeRoute =
  | { readonly kind: 'ready'; readonly port: number }
  | { readonly kind: 'starting' }
  | { readonly kind: 'suspended' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'unknown' };

interface Entry {
  desire: RuntimeDesire;
  process: RuntimeProcess | undefined;
  port: number;
  metricsPort: number;
  failures: number;
  restartAt: number | undefined;
  lastExit: string | undefined;
}

const newEntry = (): Entry => ({
  desire: { run: true },
  process: undefined,
  port: 0,
  metricsPort: 0,
  failures: 0,
  restartAt: undefined,
  lastExit: undefined,
});

/** Runs the standalone tenants' runtimes (see the module comment). */
export class RuntimeSupervisor {
  readonly #options: RuntimeSupervisorOptions;
  readonly #restart: RestartPolicy;
  readonly #entries = new Map<string, Entry>();
  readonly #queue: WorkQueue;
  #publicUrl: URL | undefined;
  #workers: Promise<void> | undefined;
  #resync: NodeJS.Timeout | undefined;
  #stopping = false;

  constructor(options: RuntimeSupervisorOptions) {
    this.#options = options;
    this.#restart = options.restart ?? DEFAULT_RESTART_POLICY;
    this.#queue = new WorkQueue({
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      onError: (tenant, error, retryInMs) => {
        options.logger.warn({ tenant, err: error, retryInMs }, 'Reconcile of a tenant runtime failed');
      },
    });
  }

  /**
   * Starts reconciling: every tenant now, then on {@link notify}, process events and every resync.
   * `publicUrl` is where the API listens; its host becomes the runtimes' endpoint host.
   */
  async start(publicUrl: string): Promise<void> {
    this.#publicUrl = new URL(publicUrl);
    this.#workers = this.#queue.run(4, (tenant) => this.#reconcile(tenant).then(() => undefined));
    await this.#enqueueAll();
    this.#resync = setInterval(() => {
      this.#enqueueAll().catch((error: unknown) => {
        this.#options.logger.warn({ err: error }, 'Could not list tenants for the resync');
      });
    }, this.#options.resyncIntervalMs ?? 10_000);
    this.#resync.unref();
  }

  /** Something about `tenant` changed (created, updated, suspended, resumed, deleted): reconcile it. */
  notify(tenant: string): void {
    this.#queue.add(tenant);
  }

  /** Where the tenant's requests should go now. */
  route(tenant: string): RuntimeRoute {
    const entry = this.#entries.get(tenant);
    if (entry === undefined) return { kind: 'unknown' };
    if (!entry.desire.run) return { kind: entry.desire.why === 'suspended' ? 'suspended' : 'stopped' };
    if (entry.process?.state === 'ready') return { kind: 'ready', port: entry.port };
    return { kind: 'starting' };
  }

  /** The `/metrics` URLs of the runtimes that are ready (billing reads them without Prometheus). */
  metricsUrls(): string[] {
    return [...this.#entries.values()]
      .filter((entry) => entry.process?.state === 'ready')
      .map((entry) => `http://127.0.0.1:${String(entry.metricsPort)}/metrics`);
  }

  /** Resolves true once the tenant's runtime is ready; false after `timeoutMs`, on abort or stop. */
  async whenReady(tenant: string, timeoutMs: number, abort?: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.route(tenant).kind !== 'ready') {
      if (Date.now() > deadline || this.#stopping || abort?.aborted === true) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  }

  /** The process ids of the running children (for tests and diagnostics). */
  pids(): number[] {
    return [...this.#entries.values()].flatMap((entry) => entry.process?.pid ?? []);
  }

  /**
   * Stops reconciling, then every runtime (SIGTERM, SIGKILL after the deadline), in parallel.
   * Statuses are left as they were; the next start reconciles them.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#resync !== undefined) clearInterval(this.#resync);
    this.#queue.shutDown();
    await this.#workers;
    await Promise.all([...this.#entries].map(([tenant, entry]) => this.#stopProcess(tenant, entry)));
  }

  /** SIGKILLs every child at once, for a parent that is exiting without waiting. */
  killAll(): void {
    for (const entry of this.#entries.values()) entry.process?.kill();
  }

  async #enqueueAll(): Promise<void> {
    const names = new Set((await this.#options.registry.list()).map((record) => record.name));
    for (const name of this.#entries.keys()) names.add(name);
    for (const name of names) this.#queue.add(name);
  }

  async #reconcile(tenant: string): Promise<void> {
    if (this.#stopping) return;
    const record = await this.#options.registry.get(tenant);
    if (record === undefined) {
      await this.#remove(tenant);
      return;
    }
    const entry = this.#entries.get(tenant) ?? newEntry();
    this.#entries.set(tenant, entry);
    entry.desire = runtimeDesire(record.spec);
    const problem = await this.#writeConfig(record);
    if (!entry.desire.run) {
      await this.#stopProcess(tenant, entry);
      entry.failures = 0;
      entry.restartAt = undefined;
      entry.lastExit = undefined;
    } else if (problem === undefined && entry.process === undefined) {
      await this.#startWhenDue(tenant, entry);
    }
    await this.#recordStatus(record, entry, problem);
  }

  async #writeConfig(record: TenantRecord): Promise<{ reason: 'InvalidSpec'; message: string } | undefined> {
    const paths = tenantPaths(this.#options.tenantsDir, record.name);
    let text: string;
    try {
      text = renderConfigText(record.name, record.spec, this.#endpointHost());
    } catch (error) {
      const message = error instanceof LmoError ? error.message : String(error);
      return { reason: 'InvalidSpec', message: `The runtime configuration does not render: ${message}` };
    }
    const file = join(paths.configDir, 'config.json');
    if (configNeedsWrite(await readIfPresent(file), text)) {
      await writeFileAtomically(file, text);
      this.#options.logger.info({ tenant: record.name, generation: record.generation }, 'Wrote config.json');
    }
    return undefined;
  }

  async #startWhenDue(tenant: string, entry: Entry): Promise<void> {
    const now = Date.now();
    if (entry.restartAt !== undefined && now < entry.restartAt) {
      this.#queue.addAfter(tenant, entry.restartAt - now);
      return;
    }
    entry.restartAt = undefined;
    const paths = tenantPaths(this.#options.tenantsDir, tenant);
    await mkdir(paths.secretsDir, { recursive: true, mode: 0o700 });
    entry.port = await freeLoopbackPort();
    do entry.metricsPort = await freeLoopbackPort();
    while (entry.metricsPort === entry.port);
    const args = runtimeArgs({
      paths,
      port: entry.port,
      metricsPort: entry.metricsPort,
      extraHosts: this.#extraHosts(),
      allowedOrigins: [...(this.#options.allowedOrigins ?? []), ...this.#ownOrigins()],
      logLevel: this.#options.runtimeLogLevel ?? 'info',
      shutdownGraceMs: this.#options.runtimeGraceMs ?? 2_000,
    });
    const child = new RuntimeProcess({
      command: this.#options.command ?? process.execPath,
      args: [this.#options.runtimeEntry ?? RUNTIME_ENTRY, ...args],
      env: runtimeEnv(this.#options.env ?? process.env),
      logFile: paths.logFile,
      readyUrl: `http://127.0.0.1:${String(entry.port)}/readyz`,
      ...(this.#options.probe === undefined ? {} : { timing: this.#options.probe }),
      onChange: (state) => {
        if (state === 'ready') this.#options.logger.info({ tenant, pid: child.pid }, 'Runtime ready');
        // An exit is handled (and the tenant queued) by #onExit, once its cause is known.
        if (state !== 'exited') this.#queue.add(tenant);
      },
    });
    entry.process = child;
    this.#options.logger.info({ tenant, pid: child.pid, port: entry.port }, 'Started the runtime process');
    void child.exited.then((exit) => {
      this.#onExit(tenant, child, exit);
    });
  }

  #onExit(tenant: string, child: RuntimeProcess, exit: Awaited<RuntimeProcess['exited']>): void {
    const entry = this.#entries.get(tenant);
    if (entry?.process !== child) return;
    entry.process = undefined;
    if (exit.requested || this.#stopping) return;
    entry.failures = failuresAfterExit(entry.failures, exit.uptimeMs, this.#restart);
    const delay = restartDelayMs(entry.failures, this.#restart);
    entry.restartAt = Date.now() + delay;
    entry.lastExit = exit.description;
    this.#options.logger.warn(
      { tenant, exit: exit.description, failures: entry.failures, restartInMs: delay },
      'Runtime process ended; restarting after a delay',
    );
    this.#queue.add(tenant);
  }

  async #stopProcess(tenant: string, entry: Entry): Promise<void> {
    const child = entry.process;
    if (child === undefined) return;
    const exit = await child.stop(this.#options.stopDeadlineMs ?? 10_000);
    if (entry.process === child) entry.process = undefined;
    this.#options.logger.info({ tenant, exit: exit.description }, 'Stopped the runtime process');
  }

  async #remove(tenant: string): Promise<void> {
    const entry = this.#entries.get(tenant);
    if (entry === undefined) return;
    // Forgotten first, so the proxy answers "not found" at once rather than "not ready".
    this.#entries.delete(tenant);
    await this.#stopProcess(tenant, entry);
    await rm(tenantPaths(this.#options.tenantsDir, tenant).configDir, { recursive: true, force: true });
    this.#options.logger.info({ tenant }, 'Tenant deleted: removed its runtime configuration');
  }

  async #recordStatus(
    record: TenantRecord,
    entry: Entry,
    problem: { reason: 'InvalidSpec'; message: string } | undefined,
  ): Promise<void> {
    const { status, changed } = nextSupervisedStatus(
      record.status,
      {
        generation: record.generation,
        desire: entry.desire,
        process: this.#observe(entry),
        directory: tenantPaths(this.#options.tenantsDir, record.name).root,
        problem,
        endpoint: new URL(`/t/${record.name}/mcp`, this.#publicUrl).href,
        degradedAfter: DEGRADED_AFTER_FAILURES,
      },
      this.#options.clock.now(),
    );
    if (changed && !this.#stopping) await this.#options.registry.recordStatus(record.name, status);
  }

  #observe(entry: Entry): ProcessObservation {
    const child = entry.process;
    if (child?.state === 'ready') return { state: 'ready', address: `127.0.0.1:${String(entry.port)}` };
    if (child !== undefined) return { state: 'starting' };
    if (entry.lastExit === undefined) return { state: 'none' };
    return {
      state: 'crashed',
      exit: entry.lastExit,
      failures: entry.failures,
      restartInMs: Math.max(0, (entry.restartAt ?? 0) - Date.now()),
    };
  }

  #endpointHost(): string {
    const host = this.#publicUrl?.hostname.replace(/^\[|\]$/g, '') ?? 'localhost';
    return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  }

  /**
   * The API's own origin: the dashboard it serves calls tenants' endpoints through the proxy on that
   * origin (the "test connection" button), so the runtimes must accept it.
   */
  #ownOrigins(): string[] {
    if (this.#publicUrl === undefined) return [];
    const origin = this.#publicUrl.origin;
    const port = this.#publicUrl.port === '' ? '' : `:${this.#publicUrl.port}`;
    const loopback = [`http://localhost${port}`, `http://127.0.0.1${port}`];
    return [origin, ...loopback.filter((o) => o !== origin && this.#publicUrl?.protocol === 'http:')];
  }

  /** The dev host, when it is not one the runtime answers to anyway. */
  #extraHosts(): string[] {
    const host = this.#endpointHost();
    return ['localhost', '127.0.0.1', '::1'].includes(host) ? [] : [host];
  }
}
