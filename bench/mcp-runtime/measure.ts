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

/** Drops the raw latencies. Pure. */
export function measured(result: LoadResult): Measured {
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'latencies')) as Measured;
}

/**
 * Runs the variants `rounds` times each, alternating their order every round, each run
 * `durationMs / rounds` long; returns each variant's pooled result and the CPU of the whole window.
 */
export async function alternate(
  variants: readonly Variant[],
  options: {
    readonly durationMs: number;
    readonly rounds: number;
    readonly pids: Readonly<Record<string, number>>;
    /** Runs before each run (e.g. waiting until the runtime sent its backlog of usage events). */
    readonly beforeEach?: () => Promise<void>;
  },
): Promise<{ results: Record<string, LoadResult>; cpu: CpuFigures }> {
  const runs: Record<string, LoadResult[]> = {};
  const window = startCpuWindow(options.pids);
  const share = Math.max(1000, Math.round(options.durationMs / options.rounds));
  for (let r = 0; r < options.rounds; r++) {
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      await options.beforeEach?.();
      (runs[variant.name] ??= []).push(await variant.run(share));
    }
  }
  const cpu = window.stop();
  return {
    results: Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, mergeResults(list)])),
    cpu,
  };
}

/** A through-runtime result against its direct peer. */
export interface Paired {
  readonly through: Measured;
  readonly direct: Measured;
  /** through − direct, ms, at the median and p99. */
  readonly added: { readonly p50: number; readonly p99: number };
  /** The runtime's CPU time per request it answered (warm-up included; idle work such as reloads too), ms. */
  readonly runtimeCpuMsPerRequest: number;
  readonly cpu: CpuFigures;
}

/** Pairs `through` with `direct`. Pure. */
export function paired(through: LoadResult, direct: LoadResult, cpu: CpuFigures): Paired {
  const runtimeCpu = cpu.cpuSeconds['runtime'] ?? 0;
  return {
    through: measured(through),
    direct: measured(direct),
    added: addedLatency(through.latency, direct.latency),
    runtimeCpuMsPerRequest: round((1000 * runtimeCpu) / Math.max(1, through.respondedInAll), 2),
    cpu,
  };
}
