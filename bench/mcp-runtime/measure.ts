// How peers are compared fairly on a shared machine: their runs alternate (A, B, then B, A, ...)
// so that a change in the machine's load hits both alike, and the rounds of each are pooled.
import { startCpuWindow, type CpuFigures } from './cpu.ts';
import { mergeResults, type LoadResult } from './load-generator.ts';
import { addedLatency, round } from './stats.ts';

/** A load result as reported (without the raw latencies). */
export type Measured = Omit<LoadResult, 'latencies'>;

/** One of the things compared: a name and a run of a given length. */
export interface Variant {
  readonly name: string;
  run(durationMs: number): Promise<LoadResult>;
}

/** CPU seconds of each process (name → seconds). */
export type CpuSeconds = Readonly<Record<string, number>>;

/** Drops the raw latencies. Pure. */
export function measured(result: LoadResult): Measured {
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'latencies')) as Measured;
}

/** Adds CPU seconds process by process. Pure. */
export function addCpu(a: CpuSeconds, b: CpuSeconds): Record<string, number> {
  const sum: Record<string, number> = { ...a };
  for (const [name, seconds] of Object.entries(b)) sum[name] = round((sum[name] ?? 0) + seconds, 2);
  return sum;
}

/** `cpuSeconds` per request answered, in ms (0 CPU or no request: 0). Pure. */
export function cpuMsPerRequest(cpuSeconds: number, result: LoadResult): number {
  return round((1000 * cpuSeconds) / Math.max(1, result.respondedInAll), 2);
}

/**
 * Runs the variants `rounds` times each, alternating their order every round, each run
 * `durationMs / rounds` long; returns each variant's pooled result, the CPU of the whole window,
 * and the CPU of each variant's own runs (each run's window closes after the `settle` that
 * follows it, so work a run left behind, such as usage events still to send, is its own).
 */
export async function alternate(
  variants: readonly Variant[],
  options: {
    readonly durationMs: number;
    readonly rounds: number;
    readonly pids: Readonly<Record<string, number>>;
    /** Runs before the first run and after each run (e.g. waiting until the runtime sent its backlog of usage events). */
    readonly settle?: () => Promise<void>;
  },
): Promise<{
  results: Record<string, LoadResult>;
  cpu: CpuFigures;
  cpuByVariant: Record<string, CpuSeconds>;
}> {
  const runs: Record<string, LoadResult[]> = {};
  const cpuByVariant: Record<string, CpuSeconds> = {};
  const window = startCpuWindow(options.pids);
  const share = Math.max(1000, Math.round(options.durationMs / options.rounds));
  await options.settle?.();
  for (let r = 0; r < options.rounds; r++) {
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const own = startCpuWindow(options.pids);
      (runs[variant.name] ??= []).push(await variant.run(share));
      await options.settle?.();
      cpuByVariant[variant.name] = addCpu(cpuByVariant[variant.name] ?? {}, own.stop().cpuSeconds);
    }
  }
  const cpu = window.stop();
  return {
    results: Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, mergeResults(list)])),
    cpu,
    cpuByVariant,
  };
}

/** A through-runtime result against its direct peer. */
export interface Paired {
  readonly through: Measured;
  readonly direct: Measured;
  /** through − direct, ms, at the median and p99. */
  readonly added: { readonly p50: number; readonly p99: number };
  /**
   * The runtime's CPU time per request it answered, during its own runs (warm-up included, and
   * sending their usage events; idle work such as reloads too), ms.
   */
  readonly runtimeCpuMsPerRequest: number;
  /** The CPU of the whole window. */
  readonly cpu: CpuFigures;
  /** Each process's CPU seconds during each variant's own runs (see {@link alternate}). */
  readonly cpuByVariant: Readonly<Record<string, CpuSeconds>>;
}

/**
 * Pairs `through` (the variant named `through`) with `direct`; the runtime's CPU per request is
 * its CPU during the through runs. Pure.
 */
export function paired(
  through: LoadResult,
  direct: LoadResult,
  cpu: CpuFigures,
  cpuByVariant: Readonly<Record<string, CpuSeconds>>,
): Paired {
  return {
    through: measured(through),
    direct: measured(direct),
    added: addedLatency(through.latency, direct.latency),
    runtimeCpuMsPerRequest: cpuMsPerRequest(cpuByVariant['through']?.['runtime'] ?? 0, through),
    cpu,
    cpuByVariant,
  };
}

/** Another hop between client and provider (the floor: a bare pass-through) against the same direct requests. */
export interface Hop {
  readonly through: Measured;
  /** through − direct, ms, at the median and p99. */
  readonly added: { readonly p50: number; readonly p99: number };
  /** The hop's own CPU time per request it answered, ms. */
  readonly cpuMsPerRequest: number;
}

/** `through` (a hop whose process spent `cpuSeconds`) against `direct`. Pure. */
export function hop(through: LoadResult, direct: LoadResult, cpuSeconds: number): Hop {
  return {
    through: measured(through),
    added: addedLatency(through.latency, direct.latency),
    cpuMsPerRequest: cpuMsPerRequest(cpuSeconds, through),
  };
}
