// CPU and memory from /proc: of one process (the operator), of the harness's
// control-plane processes (by the pids the harness records) and of the
// machine as a whole, so a slow run can be told apart from a starved one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** CPU and memory of the process at one moment, from /proc. */
export interface ProcessUsage {
  readonly cpuSeconds: number;
  readonly rssMiB: number;
  /** Peak resident set size since it started (VmHWM). */
  readonly peakRssMiB: number;
}

/** USER_HZ: the unit of /proc/<pid>/stat and /proc/stat. */
const clockTicks = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime (/proc/<pid>/stat) and VmRSS, VmHWM (/proc/<pid>/status). */
export function processUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 on.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string): number =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / clockTicks, rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

export const CONTROL_PLANE = [
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok',
] as const;

export interface SystemSample {
  /** CPU seconds of each control-plane process since it started. */
  readonly processes: Readonly<Record<string, number>>;
  /** CPU seconds of the whole machine (all cores) since boot: busy here, stolen by the hypervisor, in all. */
  readonly machineBusy: number;
  readonly machineSteal: number;
  readonly machineTotal: number;
}

export interface SystemWindow {
  /** CPU seconds each control-plane process used in the window. */
  readonly controlPlaneCpuSeconds: Record<string, number>;
  /** Share of all cores that were busy, in percent (anything on the machine). */
  readonly machineBusyPercent: number;
  /** Share of all cores the hypervisor gave to others (steal), in percent: time nobody here could use. */
  readonly machineStealPercent: number;
}

/** Reads /proc: the control plane's processes (pids from the harness run directory) and /proc/stat. */
export function systemSample(infraRun: string): SystemSample {
  const processes: Record<string, number> = {};
  for (const name of CONTROL_PLANE) {
    try {
      const pid = Number(readFileSync(join(infraRun, 'pids', `${name}.pid`), 'utf8').trim());
      processes[name] = processUsage(pid).cpuSeconds;
    } catch {
      // not running under this harness run directory: left out
    }
  }
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  // user nice system idle iowait irq softirq steal
  const [, , , idle = 0, iowait = 0, , , steal = 0] = cpu;
  return {
    processes,
    machineBusy: (total - idle - iowait - steal) / clockTicks,
    machineSteal: steal / clockTicks,
    machineTotal: total / clockTicks,
  };
}

/** What happened between two samples. Pure. */
export function systemBetween(before: SystemSample, after: SystemSample): SystemWindow {
  const controlPlaneCpuSeconds: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(after.processes)) {
    const start = before.processes[name];
    if (start !== undefined) controlPlaneCpuSeconds[name] = Number((seconds - start).toFixed(1));
  }
  const total = after.machineTotal - before.machineTotal;
  const busy = after.machineBusy - before.machineBusy;
  const steal = after.machineSteal - before.machineSteal;
  return {
    controlPlaneCpuSeconds,
    machineBusyPercent: total > 0 ? Math.round((100 * busy) / total) : 0,
    machineStealPercent: total > 0 ? Math.round((100 * steal) / total) : 0,
  };
}
