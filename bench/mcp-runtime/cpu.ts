// Where the CPU went during a measurement: each of the benchmark's processes (the load generator
// itself, the runtime, the fake provider, the bare server, Redis, Kafka) and the machine as a
// whole, so that a run slowed by something else on the machine shows as `othersPercent`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processUsage, systemSample, type SystemSample } from '../operator-scale/proc-usage.ts';
import { round } from './stats.ts';

/** CPU figures of one window. */
export interface CpuFigures {
  readonly wallSeconds: number;
  /** CPU seconds of each named process. */
  readonly cpuSeconds: Readonly<Record<string, number>>;
  /** Share of all cores busy, in percent. */
  readonly machineBusyPercent: number;
  readonly machineStealPercent: number;
  /** Share of all cores busy with processes other than those above, in percent. */
  readonly othersPercent: number;
}

/** A window being measured. */
export interface CpuWindow {
  stop(): CpuFigures;
}

/** The pids of the harness's Redis and Kafka (from its run directory), when found. */
export function servicePids(infraRun: string): Record<string, number> {
  const pids: Record<string, number> = {};
  for (const name of ['redis', 'kafka']) {
    try {
      pids[name] = Number(readFileSync(join(infraRun, 'pids', `${name}.pid`), 'utf8').trim());
    } catch {
      // not found: left out (counted among the others)
    }
  }
  return pids;
}

function cpuOf(pid: number): number {
  try {
    return processUsage(pid).cpuSeconds;
  } catch {
    return 0;
  }
}

const selfCpu = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** Starts measuring `pids` (name → pid) and this process (`bench`). */
export function startCpuWindow(pids: Readonly<Record<string, number>>): CpuWindow {
  const started = performance.now();
  const machine: SystemSample = systemSample('');
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuOf(pid)]));
  const selfBefore = selfCpu();
  return {
    stop: () => {
      const wallSeconds = (performance.now() - started) / 1000;
      const after = systemSample('');
      const cpuSeconds: Record<string, number> = { bench: round(selfCpu() - selfBefore, 2) };
      for (const [name, pid] of Object.entries(pids))
        cpuSeconds[name] = round(cpuOf(pid) - (before[name] ?? 0), 2);
      const total = after.machineTotal - machine.machineTotal;
      const busy = after.machineBusy - machine.machineBusy;
      const ours = Object.values(cpuSeconds).reduce((sum, s) => sum + s, 0);
      const percent = (seconds: number): number => (total > 0 ? Math.round((100 * seconds) / total) : 0);
      return {
        wallSeconds: round(wallSeconds, 1),
        cpuSeconds,
        machineBusyPercent: percent(busy),
        machineStealPercent: percent(after.machineSteal - machine.machineSteal),
        othersPercent: Math.max(0, percent(busy - ours)),
      };
    },
  };
}
