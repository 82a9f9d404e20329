// The soak: clients churn 2025-11-25 sessions against one runtime (open, a few `ask` calls, close)
// for a long time. Every few seconds the clients pause between two sessions and the runtime's
// memory is read after a full GC (nothing open, nothing in flight: only what it kept); the slope
// of the heap and RSS over the run, warm-up excluded, tells whether anything accumulates.
import { setTimeout as sleep } from 'node:timers/promises';
import { parsePromText, sumOf } from '../operator-scale/prom-text.ts';
import { createPool } from './load-generator.ts';
import { askInSession, closeSession, openSession, type SessionTarget } from './sessions.ts';
import type { Stack } from './stack.ts';
import { kib, mib, round, slope } from './stats.ts';

/** How the soak runs. */
export interface SoakSettings {
  readonly durationMs: number;
  /** Samples before this much time are left out of the slope. */
  readonly warmupMs: number;
  readonly sampleEveryMs: number;
  /** Clients churning sessions at once. */
  readonly workers: number;
  /** `ask` calls per session. */
  readonly callsPerSession: number;
}

/** One memory sample. */
export interface SoakSample {
  readonly seconds: number;
  readonly heapUsedMiB: number;
  readonly rssMiB: number;
  /** Sessions completed so far. */
  readonly sessions: number;
  /** Usage events waiting for Kafka in the runtime's spool. */
  readonly eventsPending: number;
}

/** A series' trend over the measured part of the run. */
export interface Trend {
  readonly slopeKiBPerMinute: number;
  readonly firstMiB: number;
  readonly lastMiB: number;
  readonly minMiB: number;
  readonly maxMiB: number;
}

/** What the soak found. */
export interface SoakResult {
  readonly sessions: number;
  readonly calls: number;
  readonly sessionsPerSecond: number;
  readonly errors: number;
  readonly errorSample?: string;
  readonly heap: Trend;
  readonly rss: Trend;
  readonly samples: readonly SoakSample[];
}

interface Counters {
  prompts: number;
  sessions: number;
  calls: number;
  errors: number;
  errorSample: string | undefined;
}

/**
 * Lets the sampler stop the clients between two sessions, so that memory is read with no session
 * open and no call in flight: what is left then is what the runtime kept.
 */
class Quiesce {
  #active = 0;
  #paused: Promise<void> | undefined;
  #idle: (() => void) | undefined;

  /** A client about to start a session; waits while paused. */
  async enter(): Promise<void> {
    while (this.#paused !== undefined) await this.#paused;
    this.#active += 1;
  }

  /** A client done with its session. */
  leave(): void {
    this.#active -= 1;
    if (this.#active === 0) this.#idle?.();
  }

  /** Pauses the clients, runs `work` once none is active, resumes them. */
  async while<T>(work: () => Promise<T>): Promise<T> {
    let resume = (): void => undefined;
    this.#paused = new Promise((resolve) => {
      resume = resolve;
    });
    if (this.#active > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    this.#idle = undefined;
    try {
      return await work();
    } finally {
      this.#paused = undefined;
      resume();
    }
  }
}

/** One client's work: sessions back to back until `until`. */
interface Churn {
  readonly target: SessionTarget;
  readonly settings: SoakSettings;
  readonly counters: Counters;
  readonly until: number;
  readonly prompt: (i: number) => string;
  readonly quiesce: Quiesce;
}

async function churn({ target, settings, counters, until, prompt, quiesce }: Churn): Promise<void> {
  while (performance.now() < until) {
    await quiesce.enter();
    try {
      const sessionId = await openSession(target);
      for (let c = 0; c < settings.callsPerSession; c++) {
        await askInSession(target, sessionId, c + 1, prompt(counters.prompts++));
        counters.calls += 1;
      }
      await closeSession(target, sessionId);
      counters.sessions += 1;
    } catch (error) {
      counters.errors += 1;
      counters.errorSample ??= error instanceof Error ? error.message : String(error);
      await sleep(100);
    } finally {
      quiesce.leave();
    }
  }
}

async function sample(stack: Stack, started: number, sessions: number): Promise<SoakSample> {
  const memory = await stack.runtime.memory();
  const pending = sumOf(parsePromText(await stack.runtime.metrics()), 'lmo_usage_events_pending');
  return {
    seconds: round((performance.now() - started) / 1000, 1),
    heapUsedMiB: mib(memory.heapUsedBytes),
    rssMiB: mib(memory.rssBytes),
    sessions,
    eventsPending: pending,
  };
}

function trend(samples: readonly SoakSample[], pick: (s: SoakSample) => number): Trend {
  const values = samples.map(pick);
  const perMinute = slope(samples.map((s) => ({ x: s.seconds / 60, y: pick(s) })));
  return {
    slopeKiBPerMinute: kib(perMinute * 2 ** 20),
    firstMiB: values[0] ?? Number.NaN,
    lastMiB: values[values.length - 1] ?? Number.NaN,
    minMiB: Math.min(...values),
    maxMiB: Math.max(...values),
  };
}

/** Runs the soak against `stack`'s runtime; `say` gets one line per sample. */
export async function runSoak(
  stack: Stack,
  settings: SoakSettings,
  say: (line: string) => void,
): Promise<SoakResult> {
  const pool = createPool(stack.runtime.origin, settings.workers);
  const target: SessionTarget = { pool, mcpPath: `${stack.runtime.path}mcp`, key: stack.runtime.key };
  const counters: Counters = { prompts: 0, sessions: 0, calls: 0, errors: 0, errorSample: undefined };
  const started = performance.now();
  const until = started + settings.durationMs;
  const quiesce = new Quiesce();
  const workers = Array.from({ length: settings.workers }, () =>
    churn({ target, settings, counters, until, quiesce, prompt: (i) => stack.prompt('soak', i) }),
  );
  const samples: SoakSample[] = [];
  try {
    while (performance.now() < until) {
      await sleep(Math.min(settings.sampleEveryMs, Math.max(0, until - performance.now())));
      const s = await quiesce.while(() => sample(stack, started, counters.sessions));
      samples.push(s);
      say(
        `${s.seconds.toFixed(0).padStart(5)} s  heap ${s.heapUsedMiB} MiB  rss ${s.rssMiB} MiB  sessions ${s.sessions}  errors ${counters.errors}`,
      );
    }
    await Promise.all(workers);
  } finally {
    await pool.close();
  }
  const measuredSamples = samples.filter((s) => s.seconds * 1000 >= settings.warmupMs);
  return {
    sessions: counters.sessions,
    calls: counters.calls,
    sessionsPerSecond: round(counters.sessions / (settings.durationMs / 1000), 1),
    errors: counters.errors,
    ...(counters.errorSample === undefined ? {} : { errorSample: counters.errorSample }),
    heap: trend(measuredSamples, (s) => s.heapUsedMiB),
    rss: trend(measuredSamples, (s) => s.rssMiB),
    samples,
  };
}
