// The operator under test, run as a child process (`node operator/src/main.ts`)
// so that its CPU time and memory are its own: read from /proc, and its
// counters from its own /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  processUsage,
  systemBetween,
  systemSample,
  type ProcessUsage,
  type SystemSample,
  type SystemWindow,
} from './proc-usage.ts';
import { counterDelta, parsePromText, sumByLabel, sumOf } from './prom-text.ts';

const repo = new URL('../../', import.meta.url);
const host = '127.0.0.1';

export interface OperatorProcessOptions {
  readonly kubeconfigFile: string;
  /** Label selector of the Tenants it serves. */
  readonly tenantSelector: string;
  readonly workers: number;
  readonly resyncSeconds: number;
  readonly logLevel: string;
  /** Where its stdout and stderr (pino JSON lines) go. */
  readonly logFile: string;
  /** The harness run directory, whose pid files name the control-plane processes. */
  readonly infraRun: string;
  /** Where to write its V8 CPU profile when it exits (none when undefined). */
  readonly cpuProfileDir?: string | undefined;
}

/** The operator's counters at one moment (cumulative since it started). */
export interface OperatorCounters {
  readonly apiWrites: Record<string, number>;
  readonly reconciles: number;
  readonly reconcileErrors: number;
  readonly reconcileSeconds: number;
  readonly queueDepth: number;
}

/** Counters and usage together, and when they were taken. */
export interface OperatorSample {
  readonly at: number;
  readonly counters: OperatorCounters;
  readonly usage: ProcessUsage;
  /** The control plane and the machine at the same moment. */
  readonly system: SystemSample;
}

/** A port nobody listens on right now (the operator's `--http-port 0` would hide the one it picks). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** A running operator child process. */
export class OperatorProcess {
  readonly #child: ChildProcess;
  readonly #port: number;
  readonly #exited: Promise<number | null>;
  readonly #infraRun: string;
  #running = true;

  private constructor(child: ChildProcess, port: number, infraRun: string) {
    this.#child = child;
    this.#port = port;
    this.#infraRun = infraRun;
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        this.#running = false;
        resolve(code);
      });
    });
  }

  /** Starts it and waits until /readyz answers (caches filled, workers running). */
  static async start(options: OperatorProcessOptions): Promise<OperatorProcess> {
    const port = await freePort();
    const log = openSync(options.logFile, 'w');
    const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const args = [
      ...profile,
      'operator/src/main.ts',
      ...['--kubeconfig', options.kubeconfigFile],
      ...['--tenant-selector', options.tenantSelector],
      ...['--leader-elect', 'false'],
      ...['--http-host', host, '--http-port', String(port)],
      ...['--workers', String(options.workers)],
      ...['--resync-seconds', String(options.resyncSeconds)],
      ...['--service-monitor', 'false'],
      ...['--log-level', options.logLevel],
    ];
    // Its own process group: a Ctrl-C reaches the benchmark only, which then
    // deletes its Tenants while the operator still runs to remove its finalizers.
    const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', log, log], detached: true });
    closeSync(log);
    const operator = new OperatorProcess(child, port, options.infraRun);
    const killOnExit = (): void => {
      if (operator.#running) child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    try {
      await operator.#waitReady(options.logFile);
    } catch (error) {
      await operator.stop();
      throw error;
    }
    return operator;
  }

  get pid(): number {
    return this.#child.pid ?? 0;
  }

  get port(): number {
    return this.#port;
  }

  get running(): boolean {
    return this.#running;
  }

  async #waitReady(logFile: string): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!this.#running) {
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
        throw new Error(`the operator exited at start; the end of ${logFile}:\n${tail}`);
      }
      const ok = await fetch(`http://${host}:${this.#port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`the operator was not ready within 120 s; see ${logFile}`);
  }

  /** Its counters, from its /metrics. */
  async counters(): Promise<OperatorCounters> {
    const response = await fetch(`http://${host}:${this.#port}/metrics`);
    if (!response.ok) throw new Error(`operator /metrics: HTTP ${response.status}`);
    const samples = parsePromText(await response.text());
    return {
      apiWrites: sumByLabel(samples, 'lmo_operator_api_writes_total', 'verb'),
      reconciles: sumOf(samples, 'lmo_operator_reconciles_total'),
      reconcileErrors: sumOf(samples, 'lmo_operator_reconcile_errors_total'),
      reconcileSeconds: sumOf(samples, 'lmo_operator_reconcile_duration_seconds_sum'),
      queueDepth: sumOf(samples, 'lmo_operator_queue_depth'),
    };
  }

  /** Counters and /proc usage now. */
  async sample(): Promise<OperatorSample> {
    const counters = await this.counters();
    return {
      at: performance.now(),
      counters,
      usage: processUsage(this.pid),
      system: systemSample(this.#infraRun),
    };
  }

  /** SIGTERM (graceful: it drains its workers), SIGKILL after 30 s. */
  async stop(): Promise<number | null> {
    if (!this.#running) return this.#exited;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 30_000);
    const code = await this.#exited;
    clearTimeout(timer);
    return code;
  }
}

/** What happened between two samples: writes by verb, reconciles, CPU. Pure. */
export function between(
  before: OperatorSample,
  after: OperatorSample,
): {
  seconds: number;
  apiWrites: Record<string, number>;
  apiWritesTotal: number;
  reconciles: number;
  reconcileErrors: number;
  reconcileSeconds: number;
  cpuSeconds: number;
  system: SystemWindow;
} {
  const apiWrites = counterDelta(before.counters.apiWrites, after.counters.apiWrites);
  return {
    seconds: (after.at - before.at) / 1000,
    apiWrites,
    apiWritesTotal: Object.values(apiWrites).reduce((a, b) => a + b, 0),
    reconciles: after.counters.reconciles - before.counters.reconciles,
    reconcileErrors: after.counters.reconcileErrors - before.counters.reconcileErrors,
    reconcileSeconds: after.counters.reconcileSeconds - before.counters.reconcileSeconds,
    cpuSeconds: after.usage.cpuSeconds - before.usage.cpuSeconds,
    system: systemBetween(before.system, after.system),
  };
}
