// The benchmark's phases: creation until everything converged and is Ready,
// the resync of the unchanged Tenants, and the cleanup. Each reports progress.
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchCluster } from './cluster.ts';
import { countObjects, type ConvergenceState, type ConvergenceTracker } from './convergence.ts';
import { between, type OperatorProcess, type OperatorSample } from './operator-process.ts';
import { quantiles, type Phase1Figures, type RunSettings } from './report.ts';
import { createTenants, deleteTenants, namespacesLeft, stripFinalizers, tenantNames } from './tenant-load.ts';

/** Everything a run works with. */
export interface Run {
  readonly settings: RunSettings;
  readonly cluster: BenchCluster;
  readonly operator: OperatorProcess;
  readonly tracker: ConvergenceTracker;
  readonly prefix: string;
  readonly timeoutMs: number;
  readonly readyTimeoutMs: number;
  readonly signal: AbortSignal;
}

/** Whether phase 1 is over: all Ready, or converging or getting Ready took too long. */
function phase1Over(run: Run, state: ConvergenceState, elapsedMs: number): boolean {
  if (state.allReadyAt !== undefined) return true;
  if (state.allConvergedAt === undefined) return elapsedMs > run.timeoutMs;
  return elapsedMs - state.allConvergedAt > run.readyTimeoutMs;
}

const started = performance.now();
export const say = (message: string): void => {
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
};

/** Every create, the milestones as they come, progress every 5 s; ends when all are Ready (or at a timeout). */
export async function runPhase1(run: Run): Promise<Phase1Figures> {
  const { operator, tracker, settings } = run;
  const names = tenantNames(run.prefix, settings.tenants);
  const start = await operator.sample();
  const benchCpu = process.cpuUsage();
  tracker.markStart();
  let created = 0;
  let createSeconds: number | null = null;
  let createError: Error | undefined;
  const creating = createTenants(run.cluster.rest, names, {
    runId: settings.runId,
    concurrency: settings.concurrency,
    onCreated: (n) => (created = n),
  }).then(
    () => (createSeconds = (performance.now() - start.at) / 1000),
    (error: unknown) => (createError = error instanceof Error ? error : new Error(String(error))),
  );
  let convergedSample: OperatorSample | undefined;
  let lastSay = 0;
  for (;;) {
    await sleep(250, undefined, { signal: run.signal });
    if (createError !== undefined) throw createError;
    if (!operator.running) throw new Error('the operator exited during the run');
    const state = tracker.state;
    if (!convergedSample && state.allConvergedAt !== undefined) {
      convergedSample = await operator.sample();
      say(
        `all ${settings.tenants} Tenants applied and converged after ${(state.allConvergedAt / 1000).toFixed(1)} s`,
      );
    }
    if (phase1Over(run, state, performance.now() - start.at)) break;
    if (performance.now() - lastSay >= 5000) {
      lastSay = performance.now();
      await sayProgress(run, created, start);
    }
  }
  await creating;
  return finishPhase1(run, { start, convergedSample, createSeconds, benchCpu });
}

async function sayProgress(run: Run, created: number, start: OperatorSample): Promise<void> {
  const s = run.tracker.state;
  const now = await run.operator.sample();
  const w = between(start, now);
  const n = run.settings.tenants;
  say(
    `created ${created}/${n} · objects ${s.objects}/${n * run.settings.expected.perTenant} · applied ${s.applied}` +
      ` · converged ${s.converged} · Ready ${s.ready} | operator: ${w.apiWritesTotal} writes, ` +
      `${w.reconciles} reconciles, queue ${now.counters.queueDepth}, CPU ${w.cpuSeconds.toFixed(1)} s, ` +
      `RSS ${now.usage.rssMiB.toFixed(0)} MiB | machine ${w.system.machineBusyPercent}% busy, ${w.system.machineStealPercent}% steal`,
  );
}

async function finishPhase1(
  run: Run,
  at: {
    start: OperatorSample;
    convergedSample: OperatorSample | undefined;
    createSeconds: number | null;
    benchCpu: NodeJS.CpuUsage;
  },
): Promise<Phase1Figures> {
  const state = run.tracker.state;
  if (state.allReadyAt === undefined) say(`only ${state.ready}/${run.settings.tenants} Ready by the timeout`);
  else say(`all ${run.settings.tenants} Tenants Ready after ${(state.allReadyAt / 1000).toFixed(1)} s`);
  say('waiting for the operator to go quiet (no writes for 5 s)');
  const end = await waitQuiet(run);
  const objectsListed = await countObjects(
    run.cluster.rest,
    run.prefix,
    Object.keys(run.settings.expected.byKind),
  );
  say(
    `listed: ${Object.entries(objectsListed)
      .map(([k, v]) => `${k.split('/').at(-1) ?? k} ${v}`)
      .join(', ')}`,
  );
  const sec = (ms: number | undefined): number | null => (ms === undefined ? null : ms / 1000);
  return {
    createSeconds: at.createSeconds,
    allAppliedSeconds: sec(state.allAppliedAt),
    wallSeconds: sec(state.allConvergedAt),
    allReadySeconds: sec(state.allReadyAt),
    tenantAppliedSeconds: quantiles(run.tracker.appliedTimes()),
    counts: { applied: state.applied, converged: state.converged, ready: state.ready },
    objectsListed,
    untilConverged: at.convergedSample ? between(at.start, at.convergedSample) : null,
    whole: between(at.start, end),
    rssMiBAtStart: at.start.usage.rssMiB,
    rssMiBAtEnd: end.usage.rssMiB,
    peakRssMiB: end.usage.peakRssMiB,
    benchCpuSeconds: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(at.benchCpu)),
  };
}

/** Samples once a second until writes stayed still for 5 s with an empty queue (at most 2 minutes). */
async function waitQuiet(run: Run): Promise<OperatorSample> {
  let last = await run.operator.sample();
  let stillSince = last.at;
  const deadline = last.at + 120_000;
  for (;;) {
    await sleep(1000, undefined, { signal: run.signal });
    const now = await run.operator.sample();
    if (between(last, now).apiWritesTotal > 0 || now.counters.queueDepth > 0) stillSince = now.at;
    last = now;
    if (now.at - stillSince >= 5000 || now.at > deadline) return now;
  }
}

/**
 * The resync: nothing changes, and the operator re-checks every Tenant (its
 * periodic timer enqueues all of them once per --resync-seconds, and each
 * reconcile asks to come back after as long). Watched for one full period
 * plus the time to drain the queue, so every Tenant is reconciled in it.
 */
export async function runResync(run: Run): Promise<ReturnType<typeof between>> {
  const { operator, settings } = run;
  const before = await operator.sample();
  const period = settings.resyncSeconds * 1000;
  say(`resync: watching the operator for one ${settings.resyncSeconds} s period of unchanged Tenants`);
  let lastSay = before.at;
  for (;;) {
    await sleep(1000, undefined, { signal: run.signal });
    const now = await operator.sample();
    const w = between(before, now);
    const drained = now.counters.queueDepth === 0 && w.reconciles >= settings.tenants;
    if ((now.at - before.at >= period + 2000 && drained) || now.at - before.at > 2 * period + 60_000)
      return w;
    if (now.at - lastSay >= 10_000) {
      lastSay = now.at;
      say(`resync: ${w.reconciles} reconciles, ${w.apiWritesTotal} writes so far`);
    }
  }
}

/** Deletes the run's Tenants, waits for the operator to let go of them, then stops it. */
export async function cleanUp(run: Run): Promise<void> {
  const { cluster, operator, tracker, settings } = run;
  say(`cleanup: deleting the ${settings.tenants} bench Tenants`);
  await deleteTenants(cluster.rest, settings.runId, settings.concurrency).catch((error: unknown) => {
    say(`cleanup: delete failed: ${String(error)}`);
  });
  const deadline = performance.now() + 300_000;
  let lastSay = performance.now();
  while (tracker.tenantsLeft > 0 && operator.running && performance.now() < deadline) {
    await sleep(500);
    if (performance.now() - lastSay >= 5000) {
      lastSay = performance.now();
      say(`cleanup: ${tracker.tenantsLeft} Tenants left (the operator removes its finalizers)`);
    }
  }
  if (tracker.tenantsLeft > 0) {
    say(
      `cleanup: the operator did not let go of ${tracker.tenantsLeft} Tenants; removing the finalizers as admin`,
    );
    await stripFinalizers(cluster.rest, settings.runId).catch((error: unknown) => {
      say(`cleanup: could not remove the finalizers: ${String(error)}`);
    });
  }
  say(`cleanup: Tenants gone; stopping the operator (exit code ${String(await operator.stop())})`);
  await tracker.stop();
}

export async function watchNamespaces(run: Run, seconds: number): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    const left = await namespacesLeft(run.cluster.rest, run.prefix);
    if (left === 0) {
      say('cleanup: every tenant namespace is gone');
      return;
    }
    if (performance.now() >= deadline) {
      say(
        `cleanup: ${left} tenant namespaces still terminating; the control plane finishes them in the background`,
      );
      return;
    }
    say(`cleanup: ${left} tenant namespaces terminating`);
    await sleep(5000);
  }
}
