#!/usr/bin/env node
// The operator at scale, against the harness's real control plane: N Tenants
// (default 1,000) created at once until every one has all its objects applied,
// then a periodic resync of the N unchanged Tenants. The operator runs as its
// own process, under its own least-privilege ServiceAccount, so its CPU,
// memory and API writes are its own. Figures go to
// bench/results/operator-scale.json. Not a test: nothing fails on a slow run.
// See bench/README.md.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  ensureRoom,
  prepareCluster,
  writeOperatorKubeconfig,
  type BenchCluster,
} from './operator-scale/cluster.ts';
import { ConvergenceTracker, countObjects, expectedObjects } from './operator-scale/convergence.ts';
import { between, OperatorProcess, type OperatorSample } from './operator-scale/operator-process.ts';
import {
  buildReport,
  quantiles,
  summary,
  type Phase1Figures,
  type RunSettings,
} from './operator-scale/report.ts';
import {
  BENCH_LABEL,
  benchSpec,
  createTenants,
  deleteTenants,
  namespacesLeft,
  stripFinalizers,
  tenantNames,
} from './operator-scale/tenant-load.ts';

const FLAGS = {
  tenants: { default: '1000', help: 'Tenants to create' },
  workers: { default: '8', help: "the operator's --workers" },
  concurrency: { default: '50', help: 'create requests in flight' },
  'resync-seconds': {
    default: '120',
    help: "the operator's --resync-seconds: the resync phase lasts about this long",
  },
  'ready-timeout': { default: '900', help: 'seconds to wait for every Tenant to be Ready' },
  'cleanup-wait': { default: '20', help: 'seconds to watch the namespaces terminate at the end' },
  'log-level': { default: 'info', help: "the operator's --log-level (its log goes to bench/results/)" },
  out: { default: 'bench/results/operator-scale.json', help: 'where the figures go' },
} as const;

type Flag = keyof typeof FLAGS;

const usage = (): string =>
  [
    'Usage: node bench/operator-scale.ts [--flag value ...]',
    '',
    'Creates N Tenants at once and measures until every one has all its objects applied,',
    'then a resync of the N unchanged Tenants; writes the figures to bench/results/.',
    'Brings the harness up when it is not (never down). Cleans up its Tenants at the end.',
    '',
    ...Object.entries(FLAGS).map(([flag, f]) => `  --${flag.padEnd(16)} ${f.help} (default ${f.default})`),
    `  --${'help'.padEnd(16)} print this help`,
    '',
  ].join('\n');

interface Run {
  readonly settings: RunSettings;
  readonly cluster: BenchCluster;
  readonly operator: OperatorProcess;
  readonly tracker: ConvergenceTracker;
  readonly prefix: string;
  readonly readyTimeoutMs: number;
  readonly signal: AbortSignal;
}

const started = performance.now();
const say = (message: string): void => {
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
};

function positiveInt(values: Partial<Record<Flag, string>>, flag: Flag): number {
  const raw = values[flag];
  const value = Number(raw ?? FLAGS[flag].default);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${flag}: "${String(raw)}" is not a whole number ≥ 1`);
  return value;
}

/** Every create, the milestones as they come, progress every 5 s; ends when all are Ready (or at the timeout). */
async function runPhase1(run: Run): Promise<Phase1Figures> {
  const { operator, tracker, settings } = run;
  const names = tenantNames(run.prefix, settings.tenants);
  const start = await operator.sample();
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
    if (state.allReadyAt !== undefined || performance.now() - start.at > run.readyTimeoutMs) break;
    if (performance.now() - lastSay >= 5000) {
      lastSay = performance.now();
      await sayProgress(run, created, start);
    }
  }
  await creating;
  return finishPhase1(run, { start, convergedSample, createSeconds });
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
  at: { start: OperatorSample; convergedSample: OperatorSample | undefined; createSeconds: number | null },
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
async function runResync(run: Run): Promise<ReturnType<typeof between>> {
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
async function cleanUp(run: Run): Promise<void> {
  const { cluster, operator, tracker, settings } = run;
  say(`cleanup: deleting the ${settings.tenants} bench Tenants`);
  await deleteTenants(cluster.rest, settings.runId).catch((error: unknown) => {
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
    await stripFinalizers(cluster.rest, settings.runId);
  }
  say(`cleanup: Tenants gone; stopping the operator (exit code ${String(await operator.stop())})`);
  await tracker.stop();
}

async function watchNamespaces(run: Run, seconds: number): Promise<void> {
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

type Values = Partial<Record<Flag, string>>;

/** Harness, platform, room, the operator's kubeconfig, the tracker, the operator: everything before the first create. */
async function setUp(values: Values, signal: AbortSignal): Promise<Run & { tempDir: string; out: string }> {
  const tenants = positiveInt(values, 'tenants');
  const runId = `${(Date.now() % 36 ** 5).toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const prefix = `bench-${runId}-`;
  say(`run ${runId}: bringing the harness's control plane up (a no-op when it runs)`);
  const cluster = await prepareCluster();
  const room = await ensureRoom(cluster, tenants, 1);
  if (room.serviceCidrAdded)
    say(`added ServiceCIDR ${room.serviceCidrAdded} for Service IPs (left in place)`);
  if (room.nodePodCapacity) {
    const c = room.nodePodCapacity;
    say(`raised the pod capacity of node ${c.node} from ${c.from} to ${c.to} (left in place)`);
  }
  const settings: RunSettings = {
    runId,
    tenants,
    workers: positiveInt(values, 'workers'),
    concurrency: positiveInt(values, 'concurrency'),
    resyncSeconds: positiveInt(values, 'resync-seconds'),
    expected: expectedObjects(benchSpec('sample')),
    room,
  };
  const out = values.out ? resolve(values.out) : join(import.meta.dirname, 'results', 'operator-scale.json');
  await mkdir(dirname(out), { recursive: true });
  const tempDir = await mkdtemp(join(tmpdir(), 'lmo-bench-'));
  const kubeconfigFile = join(tempDir, 'operator.kubeconfig');
  await writeOperatorKubeconfig(cluster.rest, kubeconfigFile);
  const tenantSelector = `${BENCH_LABEL}=${runId}`;
  const tracker = new ConvergenceTracker(cluster.kc, cluster.rest, {
    tenants,
    prefix,
    tenantSelector,
    expected: settings.expected,
  });
  await tracker.start();
  const logFile = join(dirname(out), 'operator-scale-operator.log');
  const operator = await OperatorProcess.start({
    kubeconfigFile,
    tenantSelector,
    workers: settings.workers,
    resyncSeconds: settings.resyncSeconds,
    logLevel: values['log-level'] ?? FLAGS['log-level'].default,
    logFile,
    infraRun: process.env['LMO_INFRA_RUN'] ?? '',
  });
  say(
    `operator pid ${operator.pid} ready on 127.0.0.1:${operator.port}, ${settings.workers} workers (log: ${logFile})`,
  );
  const readyTimeoutMs = positiveInt(values, 'ready-timeout') * 1000;
  return { settings, cluster, operator, tracker, prefix, readyTimeoutMs, signal, tempDir, out };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...(Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' }])) as Record<
        Flag,
        { type: 'string' }
      >),
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  const abort = new AbortController();
  const run = await setUp(values, abort.signal);
  process.once('SIGINT', () => {
    say('interrupted: cleaning up (the operator still runs to remove its finalizers)');
    abort.abort();
  });
  try {
    say(`creating ${run.settings.tenants} Tenants, ${run.settings.concurrency} requests in flight`);
    const phase1 = await runPhase1(run);
    const resync = await runResync(run);
    const report = buildReport(run.settings, phase1, resync);
    await writeFile(run.out, `${JSON.stringify(report, null, 2)}\n`);
    for (const line of summary(run.settings, phase1, resync)) console.log(line);
    say(`wrote ${run.out}`);
  } finally {
    await cleanUp(run);
    await watchNamespaces(run, positiveInt(values, 'cleanup-wait'));
    await rm(run.tempDir, { recursive: true, force: true });
  }
  return 0;
}

// Exit explicitly: the watches of a failed set-up would keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`operator-scale: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
