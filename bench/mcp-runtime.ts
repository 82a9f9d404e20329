#!/usr/bin/env node
// The MCP runtime benchmark (issue 4): latency the runtime adds to REST and MCP calls against the
// same request sent straight to a local provider, MCP throughput against a bare SDK server,
// cache hits, time to the first streamed token, and memory idle / per session / per stream. The
// runtime, the fake provider and the bare server each run as a child process; Redis and Kafka come
// from the harness. Figures go to bench/results/mcp-runtime.json and .md (with --quick:
// mcp-runtime-quick.json, so a shakedown never replaces a full run's figures). Not a test: nothing
// fails on a slow run. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '@lmo/harness';
import { servicePids } from './mcp-runtime/cpu.ts';
import { machineInfo, markdown, type McpRuntimeReport, type UsageEventCheck } from './mcp-runtime/report.ts';
import {
  measureAddedLatency,
  measureCacheHits,
  measureMcpThroughput,
  warmUp,
} from './mcp-runtime/request-scenarios.ts';
import { prepareServices } from './mcp-runtime/services.ts';
import { startStack, type BenchContext, type BenchSettings } from './mcp-runtime/stack.ts';
import { measureFirstToken, measureMemory } from './mcp-runtime/stream-memory-scenarios.ts';
import { quietKafkaTimeoutWarning } from './mcp-runtime/warnings.ts';

const FLAGS = {
  duration: { full: '20', quick: '4', help: 'seconds each variant is measured (split over the rounds)' },
  warmup: { full: '3', quick: '1', help: 'seconds of warm-up before each run (discarded)' },
  rate: { full: '50', quick: '50', help: 'requests per second of the paced (open-loop) runs' },
  concurrency: {
    full: '200',
    quick: '200',
    help: 'clients: connections, and requests in flight of closed-loop runs',
  },
  rounds: { full: '2', quick: '1', help: 'alternations of each comparison (A B, B A, ...)' },
  sessions: { full: '1000', quick: '200', help: 'sessions opened for the memory figure' },
  streams: { full: '1000', quick: '200', help: 'streams held open for the memory figure' },
  'chunk-delay-ms': { full: '20', quick: '20', help: "the provider's wait before each streamed event" },
  'cpu-prof': { full: '', quick: '', help: "a directory: write the runtimes' V8 CPU profiles there" },
  out: {
    full: 'bench/results/mcp-runtime.json',
    quick: 'bench/results/mcp-runtime-quick.json',
    help: 'the JSON file (the .md beside it)',
  },
} as const;

type Flag = keyof typeof FLAGS;

const usage = (): string =>
  [
    'Usage: node bench/mcp-runtime.ts [--quick] [--flag value ...]',
    '',
    'Measures the MCP runtime against its peers on this machine (see bench/README.md) and writes',
    'bench/results/mcp-runtime.json and .md. Brings Redis and Kafka up through the harness (never down).',
    '',
    `  --${'quick'.padEnd(16)} about two minutes: shorter runs, fewer sessions and streams`,
    ...Object.entries(FLAGS).map(
      ([flag, f]) =>
        `  --${flag.padEnd(16)} ${f.help} (default ${f.full || 'none'}; quick ${f.quick || 'none'})`,
    ),
    `  --${'help'.padEnd(16)} print this help`,
    '',
  ].join('\n');

function settingsOf(values: Partial<Record<Flag, string>>, quick: boolean): BenchSettings {
  const number = (flag: Flag): number => {
    const raw = values[flag] ?? FLAGS[flag][quick ? 'quick' : 'full'];
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${flag}: "${raw}" is not a positive number`);
    return value;
  };
  const profile = values['cpu-prof'];
  return {
    quick,
    durationMs: number('duration') * 1000,
    warmupMs: number('warmup') * 1000,
    rate: number('rate'),
    concurrency: Math.round(number('concurrency')),
    rounds: Math.round(number('rounds')),
    sessions: Math.round(number('sessions')),
    streams: Math.round(number('streams')),
    chunkDelayMs: number('chunk-delay-ms'),
    cpuProfileDir: profile === undefined || profile === '' ? undefined : resolve(profile),
  };
}

const say = (line: string): void => {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
};

/** The request scenarios on one runtime; then the usage events it published, once it stopped. */
async function requestScenarios(
  ctx: BenchContext,
): Promise<Pick<McpRuntimeReport, 'addedLatency' | 'mcpThroughput' | 'cacheHits' | 'usageEvents'>> {
  const stack = await startStack(ctx);
  try {
    const warmedUp = await warmUp(ctx, stack);
    const addedLatency = await measureAddedLatency(ctx, stack);
    const mcpThroughput = await measureMcpThroughput(ctx, stack);
    const cacheHits = await measureCacheHits(ctx, stack);
    const { rest, mcp } = addedLatency;
    const responded =
      [rest.paced, rest.saturated, mcp.paced, mcp.saturated].reduce(
        (sum, p) => sum + p.through.respondedInAll,
        0,
      ) +
      mcpThroughput.runtime.respondedInAll +
      cacheHits.hits.respondedInAll +
      warmedUp +
      1; // the request that filled the cache
    await stack.stop();
    // The runtime flushed its spool to Kafka on stop.
    const usageEvents: UsageEventCheck = { responded, published: await ctx.services.countEvents() };
    return { addedLatency, mcpThroughput, cacheHits, usageEvents };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

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
  const out = resolve(values.out ?? FLAGS.out.full);
  await mkdir(dirname(out), { recursive: true });
  if (settings.cpuProfileDir !== undefined) await mkdir(settings.cpuProfileDir, { recursive: true });
  const logFile = out.replace(/\.json$/, '') + '-runtime.log';
  await writeFile(logFile, '');
  const machine = machineInfo();
  const runId = randomBytes(4).toString('hex');
  say(`run ${runId}: bringing Redis and Kafka up through the harness (a no-op when they run)`);
  const services = await prepareServices(runId);
  const ctx: BenchContext = {
    settings,
    services,
    runId,
    logFile,
    servicePids: servicePids((await readEnv())['LMO_INFRA_RUN'] ?? ''),
    connections: settings.concurrency,
    cpuProfileDir: settings.cpuProfileDir,
    say,
  };
  try {
    const requests = await requestScenarios(ctx);
    const firstToken = await measureFirstToken(ctx);
    const memory = await measureMemory(ctx);
    const report: McpRuntimeReport = {
      benchmark: 'mcp-runtime',
      date: new Date().toISOString(),
      machine,
      settings,
      ...requests,
      firstToken,
      memory,
    };
    const table = markdown(report);
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(out.replace(/\.json$/, '.md'), table);
    console.log(`\n${table}`);
    say(`wrote ${out} and ${out.replace(/\.json$/, '.md')} (runtime log: ${logFile})`);
    return 0;
  } finally {
    await services.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
