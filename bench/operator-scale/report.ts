// The figures of one run, as written to bench/results/operator-scale.json.
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { ExpectedObjects } from './tenant-demand.ts';
import type { RoomChanges } from './cluster.ts';
import type { between } from './operator-process.ts';

type Window = ReturnType<typeof between>;

export interface Phase1Figures {
  readonly createSeconds: number | null;
  readonly allAppliedSeconds: number | null;
  readonly wallSeconds: number | null;
  readonly allReadySeconds: number | null;
  readonly tenantAppliedSeconds: { p50: number; p90: number; max: number } | null;
  readonly counts: { applied: number; converged: number; ready: number };
  readonly objectsListed: Record<string, number>;
  readonly untilConverged: Window | null;
  readonly whole: Window;
  readonly rssMiBAtStart: number;
  readonly rssMiBAtEnd: number;
  readonly peakRssMiB: number;
  /** CPU of the benchmark process itself (creates and watches), which shares the machine. */
  readonly benchCpuSeconds: number;
}

export interface RunSettings {
  readonly runId: string;
  readonly tenants: number;
  readonly workers: number;
  readonly concurrency: number;
  readonly resyncSeconds: number;
  readonly expected: ExpectedObjects;
  readonly room: RoomChanges;
}

const r = (x: number, digits = 1): number => Number(x.toFixed(digits));
const rOrNull = (x: number | null): number | null => (x === null ? null : r(x));

export const machine = (): Record<string, unknown> => ({
  node: process.version,
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
});

/** Quantiles of sorted milliseconds, in seconds. Pure. */
export function quantiles(sortedMs: readonly number[]): { p50: number; p90: number; max: number } | null {
  if (sortedMs.length === 0) return null;
  const at = (q: number): number =>
    (sortedMs[Math.min(sortedMs.length - 1, Math.floor(q * sortedMs.length))] ?? 0) / 1000;
  return { p50: r(at(0.5)), p90: r(at(0.9)), max: r((sortedMs.at(-1) ?? 0) / 1000) };
}

const writes = (w: Window): Record<string, number> => ({ ...w.apiWrites, total: w.apiWritesTotal });

/** The JSON document of a run. */
export function buildReport(
  settings: RunSettings,
  phase1: Phase1Figures,
  resync: Window | null,
): Record<string, unknown> {
  const { whole, untilConverged } = phase1;
  return {
    benchmark: 'operator-scale',
    date: new Date().toISOString(),
    machine: machine(),
    runId: settings.runId,
    tenants: settings.tenants,
    workers: settings.workers,
    createConcurrency: settings.concurrency,
    resyncSeconds: settings.resyncSeconds,
    objectsPerTenant: { total: settings.expected.perTenant, byKind: settings.expected.byKind },
    clusterChanges: settings.room,
    phase1: {
      createSeconds: rOrNull(phase1.createSeconds),
      allAppliedSeconds: rOrNull(phase1.allAppliedSeconds),
      wallSeconds: rOrNull(phase1.wallSeconds),
      allReadySeconds: rOrNull(phase1.allReadySeconds),
      tenantAppliedSeconds: phase1.tenantAppliedSeconds,
      counts: phase1.counts,
      objectsListed: phase1.objectsListed,
      apiWrites: writes(whole),
      apiWritesUntilConverged: untilConverged ? writes(untilConverged) : null,
      reconciles: whole.reconciles,
      reconcileErrors: whole.reconcileErrors,
      reconcileBusySeconds: r(whole.reconcileSeconds),
      operatorCpuSeconds: r(whole.cpuSeconds),
      operatorCpuSecondsUntilConverged: untilConverged ? r(untilConverged.cpuSeconds) : null,
      controlPlaneCpuSeconds: whole.system.controlPlaneCpuSeconds,
      machineBusyPercent: whole.system.machineBusyPercent,
      machineStealPercent: whole.system.machineStealPercent,
      machineBusyPercentUntilConverged: untilConverged?.system.machineBusyPercent ?? null,
      machineStealPercentUntilConverged: untilConverged?.system.machineStealPercent ?? null,
      operatorRssMiBAtStart: r(phase1.rssMiBAtStart),
      operatorRssMiBAtEnd: r(phase1.rssMiBAtEnd),
      operatorPeakRssMiB: r(phase1.peakRssMiB),
      benchProcessCpuSeconds: r(phase1.benchCpuSeconds),
      seconds: r(whole.seconds),
    },
    resync: resync && {
      seconds: r(resync.seconds),
      reconciles: resync.reconciles,
      reconcileErrors: resync.reconcileErrors,
      apiWrites: writes(resync),
      operatorCpuSeconds: r(resync.cpuSeconds, 2),
      controlPlaneCpuSeconds: resync.system.controlPlaneCpuSeconds,
    },
    targets: {
      wallSecondsUnder60: phase1.wallSeconds !== null && phase1.wallSeconds < 60,
      zeroWritesOnResync: resync ? resync.apiWritesTotal === 0 : null,
    },
  };
}

const seconds = (x: number | null): string => (x === null ? 'not reached' : `${x.toFixed(1)} s`);
const writeLine = (x: Window): string =>
  `${x.apiWritesTotal} (${
    Object.entries(x.apiWrites)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none'
  })`;
const cpuLine = (x: Window): string =>
  `${Object.entries(x.system.controlPlaneCpuSeconds)
    .map(([k, v]) => `${k} ${v} s`)
    .join(', ')}; machine ${x.system.machineBusyPercent}% busy, ${x.system.machineStealPercent}% stolen`;

/** A few lines for people. */
export function summary(settings: RunSettings, phase1: Phase1Figures, resync: Window | null): string[] {
  const { whole, untilConverged: converged } = phase1;
  const lines = [
    `${settings.tenants} Tenants, ${settings.workers} workers, ${settings.expected.perTenant} objects each`,
    `  created (all POSTs answered)      ${seconds(phase1.createSeconds)}`,
    `  all objects applied               ${seconds(phase1.allAppliedSeconds)}`,
    `  all converged (status observed)   ${seconds(phase1.wallSeconds)}   target < 60 s`,
    `  all Ready                         ${seconds(phase1.allReadySeconds)}`,
    `  API writes until converged        ${converged ? writeLine(converged) : 'n/a'}`,
    `  API writes until Ready and quiet  ${writeLine(whole)}`,
    `  operator CPU                      ${converged ? `${converged.cpuSeconds.toFixed(1)} s until converged, ` : ''}${whole.cpuSeconds.toFixed(1)} s in all (${whole.seconds.toFixed(0)} s)`,
    `  operator memory                   RSS ${phase1.rssMiBAtStart.toFixed(0)} → ${phase1.rssMiBAtEnd.toFixed(0)} MiB, peak ${phase1.peakRssMiB.toFixed(0)} MiB`,
    `  control plane CPU                 ${cpuLine(whole)}`,
    `  this benchmark's own CPU          ${phase1.benchCpuSeconds.toFixed(1)} s (its watches)`,
  ];
  if (!resync) return [...lines, 'resync: not measured (not every Tenant converged)'];
  return [
    ...lines,
    `resync of the unchanged Tenants (${resync.seconds.toFixed(0)} s window)`,
    `  reconciles ${resync.reconciles} (errors ${resync.reconcileErrors}), API writes ${writeLine(resync)}   target 0, operator CPU ${resync.cpuSeconds.toFixed(2)} s`,
  ];
}
