#!/usr/bin/env node
// The control plane's floor for the operator benchmark: the objects the
// operator renders for N tenants (default 1,000), written straight to the
// harness's real control plane by the plainest client (one JSON POST per
// object as the admin, no operator, no Tenant, status, Events or finalizer).
// How long that takes, and what it costs the control plane, is the least any
// operator can need on this machine: the yardstick for operator-scale.ts.
// Figures go to bench/results/operator-floor.json. See bench/README.md.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KubeRest } from '@lmo/kube';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureRoom, prepareCluster } from './operator-scale/cluster.ts';
import {
  createFloor,
  deleteFloorNamespaces,
  floorObjects,
  type FloorMethod,
} from './operator-scale/floor-load.ts';
import { systemBetween, systemSample } from './operator-scale/proc-usage.ts';
import { machine, quantiles } from './operator-scale/report.ts';
import { tenantDemand } from './operator-scale/tenant-demand.ts';
import { benchSpec, namespacesLeft, tenantNames } from './operator-scale/tenant-load.ts';

const FLAGS = {
  tenants: { default: '1000', help: 'tenants whose objects to create' },
  concurrency: { default: '8', help: "tenants written at a time (the operator's default --workers)" },
  method: { default: 'post', help: 'post (JSON create) or apply (server-side apply, as the operator)' },
  'cleanup-wait': { default: '20', help: 'seconds to watch the namespaces terminate at the end' },
  out: { default: 'bench/results/operator-floor.json', help: 'where the figures go' },
} as const;
type Flag = keyof typeof FLAGS;
type Values = Partial<Record<Flag, string>>;

const usage = (): string =>
  [
    'Usage: node bench/operator-floor.ts [--flag value ...]',
    '',
    "Creates the objects the operator renders for N tenants straight on the harness's control plane",
    '(no operator) and measures how long the control plane takes; writes the figures to bench/results/.',
    'Brings the harness up when it is not (never down). Deletes its namespaces at the end.',
    '',
    ...Object.entries(FLAGS).map(([flag, f]) => `  --${flag.padEnd(14)} ${f.help} (default ${f.default})`),
    `  --${'help'.padEnd(14)} print this help`,
    '',
  ].join('\n');

const started = performance.now();
const say = (message: string): void => {
  console.log(`[floor ${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
};

function positiveInt(values: Values, flag: Flag): number {
  const raw = values[flag] ?? FLAGS[flag].default;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${flag}: "${raw}" is not a whole number ≥ 1`);
  return value;
}

function method(values: Values): FloorMethod {
  const raw = values.method ?? FLAGS.method.default;
  if (raw !== 'post' && raw !== 'apply') throw new Error(`--method: "${raw}" is neither post nor apply`);
  return raw;
}

async function main(argv: string[]): Promise<number> {
  const options = Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  const flags = values as Values;
  const tenants = positiveInt(flags, 'tenants');
  const concurrency = positiveInt(flags, 'concurrency');
  const how = method(flags);
  const out = resolve(flags.out ?? FLAGS.out.default);
  const runId = `${(Date.now() % 36 ** 5).toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const names = tenantNames(`floor-${runId}-`, tenants);
  say(`run ${runId}: bringing the harness's control plane up (a no-op when it runs)`);
  const cluster = await prepareCluster();
  await ensureRoom(cluster, tenants, tenantDemand(benchSpec('sample')).pods);
  const perTenant = floorObjects(names[0] ?? 'sample').length;
  const infraRun = process.env['LMO_INFRA_RUN'] ?? '';
  say(`writing ${tenants} tenants × ${perTenant} objects (${how}), ${concurrency} tenants at a time`);
  const doneMs: number[] = [];
  const before = systemSample(infraRun);
  const cpuBefore = process.cpuUsage();
  const progress = setInterval(() => {
    say(`${doneMs.length}/${tenants} tenants written`);
  }, 5000);
  let writes: number;
  try {
    writes = await createFloor(cluster.rest, names, {
      method: how,
      concurrency,
      onTenant: (ms) => {
        doneMs.push(ms);
      },
    });
  } finally {
    clearInterval(progress);
  }
  const window = systemBetween(before, systemSample(infraRun));
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (doneMs.at(-1) ?? 0) / 1000;
  const report = {
    benchmark: 'operator-floor',
    date: new Date().toISOString(),
    machine: machine(),
    runId,
    tenants,
    concurrency,
    method: how,
    objectsPerTenant: perTenant,
    writes,
    allWrittenSeconds: Number(seconds.toFixed(1)),
    writesPerSecond: Math.round(writes / seconds),
    tenantWrittenSeconds: quantiles([...doneMs].sort((a, b) => a - b)),
    ...window,
    benchProcessCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
  };
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  say(
    `all ${tenants} tenants' ${writes} objects written in ${report.allWrittenSeconds} s ` +
      `(${report.writesPerSecond} writes/s); kube-apiserver ${window.controlPlaneCpuSeconds['kube-apiserver'] ?? '?'} CPU-s, ` +
      `machine ${window.machineBusyPercent}% busy, ${window.machineStealPercent}% steal`,
  );
  say(`wrote ${out}`);
  await cleanUp(cluster.rest, names, `floor-${runId}-`, positiveInt(flags, 'cleanup-wait'));
  return 0;
}

async function cleanUp(
  rest: KubeRest,
  names: readonly string[],
  prefix: string,
  waitSeconds: number,
): Promise<void> {
  say(`cleanup: deleting ${names.length} namespaces`);
  await deleteFloorNamespaces(rest, names, 50);
  const deadline = performance.now() + waitSeconds * 1000;
  for (;;) {
    const left = await namespacesLeft(rest, prefix);
    if (left === 0) {
      say('cleanup: every namespace is gone');
      return;
    }
    if (performance.now() >= deadline) {
      say(`cleanup: ${left} namespaces still terminating; the control plane finishes them in the background`);
      return;
    }
    say(`cleanup: ${left} namespaces terminating`);
    await sleep(5000);
  }
}

// Exit explicitly: a failed set-up may leave handles open.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`operator-floor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
