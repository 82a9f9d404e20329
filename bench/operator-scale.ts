#!/usr/bin/env node
// The operator at scale, against the harness's real control plane: N Tenants
// (default 1,000) created at once until every one has all its objects applied,
// then a periodic resync of the N unchanged Tenants. The operator runs as its
// own process, under its own least-privilege ServiceAccount, so its CPU,
// memory and API writes are its own. Figures go to
// bench/results/operator-scale.json. Not a test: nothing fails on a slow run
// (it exits 1 only when the Tenants never converge, as then there is no figure).
// See bench/README.md.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureRoom, prepareCluster, writeOperatorKubeconfig } from './operator-scale/cluster.ts';
import { ConvergenceTracker } from './operator-scale/convergence.ts';
import { OperatorProcess } from './operator-scale/operator-process.ts';
import { cleanUp, runPhase1, runResync, say, watchNamespaces, type Run } from './operator-scale/phases.ts';
import { buildReport, summary, type RunSettings } from './operator-scale/report.ts';
import { tenantDemand } from './operator-scale/tenant-demand.ts';
import { BENCH_LABEL, benchSpec } from './operator-scale/tenant-load.ts';

const FLAGS = {
  tenants: { default: '1000', help: 'Tenants to create' },
  workers: { default: '8', help: "the operator's --workers" },
  concurrency: { default: '50', help: 'create requests in flight' },
  'resync-seconds': {
    default: '120',
    help: "the operator's --resync-seconds: the resync phase lasts about this long",
  },
  timeout: { default: '1800', help: 'seconds to wait for every Tenant to converge (else no resync)' },
  'ready-timeout': { default: '600', help: 'seconds to wait for every Tenant to be Ready once converged' },
  'cleanup-wait': { default: '20', help: 'seconds to watch the namespaces terminate at the end' },
  'log-level': { default: 'info', help: "the operator's --log-level (its log goes to bench/results/)" },
  'cpu-prof': { default: 'false', help: "true: write the operator's V8 CPU profile to bench/results/" },
  out: { default: 'bench/results/operator-scale.json', help: 'where the figures go (the log beside it)' },
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

function positiveInt(values: Partial<Record<Flag, string>>, flag: Flag): number {
  const raw = values[flag];
  const value = Number(raw ?? FLAGS[flag].default);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${flag}: "${String(raw)}" is not a whole number ≥ 1`);
  return value;
}

type Values = Partial<Record<Flag, string>>;

/** Harness, platform, room, the operator's kubeconfig, the tracker, the operator: everything before the first create. */
async function setUp(values: Values, signal: AbortSignal): Promise<Run & { tempDir: string; out: string }> {
  const tenants = positiveInt(values, 'tenants');
  const runId = `${(Date.now() % 36 ** 5).toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const prefix = `bench-${runId}-`;
  say(`run ${runId}: bringing the harness's control plane up (a no-op when it runs)`);
  const cluster = await prepareCluster();
  const demand = tenantDemand(benchSpec('sample'));
  const room = await ensureRoom(cluster, tenants, demand.pods);
  if (room.serviceCidrAdded)
    say(`added ServiceCIDR ${room.serviceCidrAdded} for Service IPs (left in place)`);
  if (room.nodeCapacity) {
    const { node, from, to } = room.nodeCapacity;
    say(
      `raised node ${node}'s capacity from ${JSON.stringify(from)} to ${JSON.stringify(to)} (left in place)`,
    );
  }
  const settings: RunSettings = {
    runId,
    tenants,
    workers: positiveInt(values, 'workers'),
    concurrency: positiveInt(values, 'concurrency'),
    resyncSeconds: positiveInt(values, 'resync-seconds'),
    expected: demand.objects,
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
    cpuProfileDir: values['cpu-prof'] === 'true' ? dirname(out) : undefined,
    logFile,
    infraRun: process.env['LMO_INFRA_RUN'] ?? '',
  });
  say(
    `operator pid ${operator.pid} ready on 127.0.0.1:${operator.port}, ${settings.workers} workers (log: ${logFile})`,
  );
  const timeoutMs = positiveInt(values, 'timeout') * 1000;
  const readyTimeoutMs = positiveInt(values, 'ready-timeout') * 1000;
  return { settings, cluster, operator, tracker, prefix, timeoutMs, readyTimeoutMs, signal, tempDir, out };
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
    // A resync only means something once everything converged.
    const resync = phase1.wallSeconds === null ? null : await runResync(run);
    if (!resync) say(`not every Tenant converged within --timeout; no resync phase`);
    const report = buildReport(run.settings, phase1, resync);
    await writeFile(run.out, `${JSON.stringify(report, null, 2)}\n`);
    for (const line of summary(run.settings, phase1, resync)) console.log(line);
    say(`wrote ${run.out}`);
    return resync ? 0 : 1;
  } finally {
    await cleanUp(run);
    await watchNamespaces(run, positiveInt(values, 'cleanup-wait'));
    await rm(run.tempDir, { recursive: true, force: true });
  }
}

// Exit explicitly: the watches of a failed set-up would keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`operator-scale: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
