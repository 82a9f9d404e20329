/**
 * One `mcp-runtime` child process: started with its output appended to a log file, probed on
 * `/readyz` until it answers (then every few seconds, as a liveness probe would), and stopped with
 * SIGTERM, then SIGKILL after a deadline. It reports each state change; deciding what to do about
 * an exit is the supervisor's job.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where a runtime process is in its life. */
export type RuntimeProcessState = 'starting' | 'ready' | 'exited';

/** How a process ended. */
export interface RuntimeExit {
  /** `code 1`, `signal SIGKILL`, `not ready within 30 s`, `stopped failing /readyz`. */
  readonly description: string;
  /** Whether the supervisor asked for it (stop), rather than the process ending on its own. */
  readonly requested: boolean;
  /** How long it had been running. */
  readonly uptimeMs: number;
}

/** Probe pacing. */
export interface ProbeTiming {
  /** Between probes while starting. */
  readonly startingIntervalMs: number;
  /** Between probes once ready. */
  readonly readyIntervalMs: number;
  /** A start that is not ready by then is killed. */
  readonly startTimeoutMs: number;
  /** Consecutive failed probes of a ready process before it is killed. */
  readonly failureThreshold: number;
}

/** The default pacing: 200 ms while starting, 5 s once ready, 60 s to start, 3 failures. */
export const DEFAULT_PROBE_TIMING: ProbeTiming = Object.freeze({
  startingIntervalMs: 200,
  readyIntervalMs: 5_000,
  startTimeoutMs: 60_000,
  failureThreshold: 3,
});

/** Options of {@link RuntimeProcess}. */
export interface RuntimeProcessOptions {
  /** The program (`process.execPath`) and its arguments (the runtime's main.ts and flags). */
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Appended with the child's stdout and stderr. */
  readonly logFile: string;
  /** `http://127.0.0.1:<port>/readyz`. */
  readonly readyUrl: string;
  readonly timing?: ProbeTiming;
  /** Told about every state change. */
  readonly onChange: (state: RuntimeProcessState) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

async function probe(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** A supervised `mcp-runtime` child process (see the module comment). */
export class RuntimeProcess {
  readonly #options: RuntimeProcessOptions;
  readonly #timing: ProbeTiming;
  readonly #child: ChildProcess;
  readonly #startedAt = Date.now();
  readonly #exited: Promise<RuntimeExit>;
  #state: RuntimeProcessState = 'starting';
  #requested = false;
  #killedFor: string | undefined;

  /** Spawns the process now. */
  constructor(options: RuntimeProcessOptions) {
    this.#options = options;
    this.#timing = options.timing ?? DEFAULT_PROBE_TIMING;
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = openSync(options.logFile, 'a', 0o600);
    try {
      this.#child = spawn(options.command, [...options.args], {
        env: options.env,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    this.#exited = new Promise((resolve) => {
      const finish = (description: string): void => {
        if (this.#state === 'exited') return;
        this.#setState('exited');
        resolve({ description, requested: this.#requested, uptimeMs: Date.now() - this.#startedAt });
      };
      this.#child.once('exit', (code, signal) => {
        finish(this.#killedFor ?? (signal === null ? `code ${String(code)}` : `signal ${signal}`));
      });
      // Spawning itself failed (no such program): there is no process, and maybe no 'exit'.
      this.#child.once('error', (error) => {
        if (this.#child.pid === undefined) finish(`could not start: ${error.message}`);
      });
    });
    void this.#watch();
  }

  /** The child's process id (undefined when spawning failed). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  get state(): RuntimeProcessState {
    return this.#state;
  }

  /** Resolves when the process has ended, however it ended. */
  get exited(): Promise<RuntimeExit> {
    return this.#exited;
  }

  /**
   * Stops the process: SIGTERM (the runtime drains its streams), then SIGKILL when it is still
   * running after `deadlineMs`. Resolves when it has exited.
   */
  async stop(deadlineMs: number): Promise<RuntimeExit> {
    this.#requested = true;
    if (this.#state !== 'exited') {
      this.#child.kill('SIGTERM');
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), deadlineMs);
      try {
        return await this.#exited;
      } finally {
        clearTimeout(timer);
      }
    }
    return this.#exited;
  }

  /** Sends SIGKILL at once (the parent is exiting and cannot wait). */
  kill(): void {
    this.#requested = true;
    if (this.#state !== 'exited') this.#child.kill('SIGKILL');
  }

  #setState(state: RuntimeProcessState): void {
    if (this.#state === state || this.#state === 'exited') return;
    this.#state = state;
    this.#options.onChange(state);
  }

  #killFor(reason: string): void {
    if (this.#state === 'exited' || this.#requested) return;
    this.#killedFor = reason;
    this.#child.kill('SIGKILL');
  }

  #finished(): boolean {
    return this.#state === 'exited' || this.#requested;
  }

  async #watch(): Promise<void> {
    const { startingIntervalMs, readyIntervalMs, startTimeoutMs, failureThreshold } = this.#timing;
    const deadline = this.#startedAt + startTimeoutMs;
    let failures = 0;
    while (!this.#finished()) {
      const ready = this.#state === 'ready';
      await sleep(ready ? readyIntervalMs : startingIntervalMs);
      if (this.#finished()) return;
      const ok = await probe(this.#options.readyUrl);
      if (ok) {
        failures = 0;
        this.#setState('ready');
      } else if (ready && ++failures >= failureThreshold) {
        this.#killFor(`stopped answering /readyz (${String(failures)} probes)`);
      } else if (!ready && Date.now() > deadline) {
        this.#killFor(`not ready within ${String(Math.round(startTimeoutMs / 1000))} s`);
      }
    }
  }
}
