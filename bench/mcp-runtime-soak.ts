#!/usr/bin/env node
// The MCP runtime soak (issue 4: "a 30-minute-equivalent churn of sessions shows no memory
// growth"): clients open 2025-11-25 sessions, make a few `ask` calls and close them, without a
// pause, against one runtime child (Redis, Kafka, a fake provider), while its heap and RSS are
// sampled after a full GC; reports the growth slope. Figures go to
// bench/results/mcp-runtime-soak.json. Not part of `make bench` (it takes half an hour); see
// bench/README.md.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '@lmo/harness';
import { servicePids } from './mcp-runtime/cpu.ts';
import { machineInfo } from './mcp-runtime/report.ts';
import { prepareServices } from './mcp-runtime/services.ts';
import { runSoak, type SoakSettings } from './mcp-runtime/soak.ts';
import { startStack } from './mcp-runtime/stack.ts';
import { quietKafkaTimeoutWarning } from './mcp-runtime/warnings.ts';

const FLAGS = {
  minutes: { default: '30', help: 'how long to churn (--quick: 1)' },
  workers: { default: '16', help: 'clients churning sessions at once' },
  calls: { default: '3', help: '`ask` calls per session' },
  'sample-seconds': { default: '5', help: 'seconds between memory samples' },
  out: { default: 'bench/results/mcp-runtime-soak.json', help: 'where the figures go' },
} as const;

type Flag = keyof typeof FLAGS;

const usage = (): string =>
  [
    'Usage: node bench/mcp-runtime-soak.ts [--quick] [--flag value ...]',
    '',
    'Churns MCP sessions against one runtime and samples its memory; writes bench/results/mcp-runtime-soak.json.',
    '',
    `  --${'quick'.padEnd(16)} one minute (for a shakedown)`,
    ...Object.entries(FLAGS).map(([flag, f]) => `  --${flag.padEnd(16)} ${f.help} (default ${f.default})`),
    `  --${'help'.padEnd(16)} print this help`,
    '',
  ].join('\n');

function settingsOf(values: Partial<Record<Flag, string>>, quick: boolean): SoakSettings {
  const number = (flag: Flag, fallback?: string): number => {
    const raw = values[flag] ?? fallback ?? FLAGS[flag].default;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${flag}: "${raw}" is not a positive number`);
    return value;
  };
  const durationMs = number('minutes', quick ? '1' : undefined) * 60_000;
  return {
    durationMs,
    // The first sixth of the run (at most five minutes) warms up: JIT, pools, caches.
    warmupMs: Math.min(durationMs / 6, 5 * 60_000),
    sampleEveryMs: number('sample-seconds') * 1000,
    workers: Math.round(number('workers')),
    callsPerSession: Math.round(number('calls')),
  };
}

const say = (line: string): void => {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
};

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...(Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' }])) as Record<
        Flag,
        { type: 'string' }
      >),
      quick: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(usage());
    return 0;
  }
  quietKafkaTimeoutWarning();
  const settings = settingsOf(values, values.quick === true);
  const out = resolve(values.out ?? FLAGS.out.default);
  await mkdir(dirname(out), { recursive: true });
  const logFile = out.replace(/\.json$/, '') + '-runtime.log';
  await writeFile(logFile, '');
  const machine = machineInfo();
  const runId = randomBytes(4).toString('hex');
  say(`soak ${runId}: bringing Redis and Kafka up through the harness (a no-op when they run)`);
  const services = await prepareServices(runId);
  try {
    const env = { services, runId, logFile, connections: 1, cpuProfileDir: undefined };
    const stack = await startStack({
      ...env,
      servicePids: servicePids((await readEnv())['LMO_INFRA_RUN'] ?? ''),
    });
    say(
      `churning sessions for ${String(settings.durationMs / 60_000)} min, ${String(settings.workers)} clients, ${String(settings.callsPerSession)} calls each`,
    );
    const result = await runSoak(stack, settings, say).finally(() => stack.stop());
    const report = {
      benchmark: 'mcp-runtime-soak',
      date: new Date().toISOString(),
      machine,
      settings,
      ...result,
    };
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    say(
      `${String(result.sessions)} sessions (${String(result.sessionsPerSecond)}/s), ${String(result.calls)} calls, ${String(result.errors)} errors; ` +
        `after warm-up heap ${String(result.heap.slopeKiBPerMinute)} KiB/min (${String(result.heap.firstMiB)} → ${String(result.heap.lastMiB)} MiB), ` +
        `RSS ${String(result.rss.slopeKiBPerMinute)} KiB/min (${String(result.rss.firstMiB)} → ${String(result.rss.lastMiB)} MiB)`,
    );
    say(`wrote ${out} (runtime log: ${logFile})`);
    return 0;
  } finally {
    await services.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
