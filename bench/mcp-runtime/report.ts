// The benchmark's report: every figure as JSON (bench/results/mcp-runtime.json), and a table
// against the issue's targets (printed, and written to bench/results/mcp-runtime.md).
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import type { Hop, Measured, Paired } from './measure.ts';
import type { AddedLatency, CacheHits, McpThroughput } from './request-scenarios.ts';
import type { BenchSettings } from './stack.ts';
import type { FirstToken, MemoryFigures, PerItem } from './stream-memory-scenarios.ts';

/** Usage events the runtime published to Kafka against the requests it answered (successes and failures). */
export interface UsageEventCheck {
  readonly responded: number;
  readonly published: number;
}

/** Everything measured in one run. */
export interface McpRuntimeReport {
  readonly benchmark: 'mcp-runtime';
  readonly date: string;
  readonly machine: Readonly<Record<string, unknown>>;
  readonly settings: BenchSettings;
  readonly addedLatency: AddedLatency;
  readonly mcpThroughput: McpThroughput;
  readonly cacheHits: CacheHits;
  readonly usageEvents: UsageEventCheck;
  readonly firstToken: FirstToken;
  readonly memory: MemoryFigures;
}

/** The machine, as `bench/run.ts` records it, plus the load average when the run began. */
export function machineInfo(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

type Row = readonly [
  figure: string,
  measured: string,
  peer: string,
  difference: string,
  target: string,
  met: string,
];

/** A row: the figure, what was measured, then optionally peer, difference, target and verdict. */
const row = (figure: string, ...cells: string[]): Row => [
  figure,
  cells[0] ?? '',
  cells[1] ?? '',
  cells[2] ?? '',
  cells[3] ?? '',
  cells[4] ?? '',
];

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const plus = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)} ms`;
const verdict = (ok: boolean): string => (ok ? 'yes' : '**no**');
const rps = (m: Measured): string => `${m.requestsPerSecond.toLocaleString('en')} req/s`;
const failures = (m: Measured): string => (m.failed > 0 ? ` (${String(m.failed)} failed)` : '');
const both = (a: string, b: string): string => `${a} / ${b}`;

function latencyRows(name: string, pairs: AddedLatency['rest'], settings: BenchSettings): Row[] {
  // The runtime against the direct requests, then the floors (a bare pass-through, and one doing
  // the required I/O) against the same ones.
  const { paced, saturated: full } = pairs;
  const load = `${String(settings.rate)} req/s, ${String(settings.concurrency)} clients`;
  const inFlight = `${String(settings.concurrency)} in flight`;
  const p = (pair: Paired, at: 'p50' | 'p99'): [string, string, string] => [
    ms(pair.through.latency[at]),
    ms(pair.direct.latency[at]),
    plus(pair.added[at]),
  ];
  const hopRow =
    (label: string, peer: string) =>
    (at: string, hop: Hop, direct: Measured): Row =>
      row(
        `${name}, ${at}: ${label} adds (median / p99)${failures(hop.through)}`,
        `${both(ms(hop.through.latency.p50), ms(hop.through.latency.p99))} (${peer})`,
        both(ms(direct.latency.p50), ms(direct.latency.p99)),
        both(plus(hop.added.p50), plus(hop.added.p99)),
      );
  const floor = hopRow('floor: a bare Node pass-through', 'pass-through');
  const floorIo = hopRow(
    'floor + required I/O (one Redis script, one O_DSYNC append)',
    'pass-through + required I/O',
  );
  return [
    row(
      `${name}, ${load}: median${failures(paced.through)}`,
      ...p(paced, 'p50'),
      '≤ +1 ms',
      verdict(paced.added.p50 <= 1),
    ),
    row(`${name}, ${load}: p99`, ...p(paced, 'p99'), '≤ +5 ms', verdict(paced.added.p99 <= 5)),
    floor(load, paced.floor, paced.direct),
    floorIo(load, paced.floorRequiredIo, paced.direct),
    row(
      `${name}, ${inFlight}: median${failures(full.through)}`,
      ...p(full, 'p50'),
      '≤ +1 ms',
      verdict(full.added.p50 <= 1),
    ),
    row(`${name}, ${inFlight}: p99`, ...p(full, 'p99'), '≤ +5 ms', verdict(full.added.p99 <= 5)),
    floor(inFlight, full.floor, full.direct),
    floorIo(inFlight, full.floorRequiredIo, full.direct),
    row(
      `${name}, ${inFlight}: throughput`,
      rps(full.through),
      `${rps(full.direct)} (pass-through: ${rps(full.floor.through)}; + required I/O: ${rps(full.floorRequiredIo.through)})`,
    ),
    row(
      `${name}: CPU per request, paced / ${inFlight}`,
      both(ms(paced.runtimeCpuMsPerRequest), ms(full.runtimeCpuMsPerRequest)),
      `${both(ms(paced.floor.cpuMsPerRequest), ms(full.floor.cpuMsPerRequest))} (pass-through); ${both(
        ms(paced.floorRequiredIo.cpuMsPerRequest),
        ms(full.floorRequiredIo.cpuMsPerRequest),
      )} (+ required I/O)`,
    ),
  ];
}

function perItemRows(name: string, cost: PerItem): Row[] {
  const heap = (m: PerItem['before']): string => `${String(m.heapUsedMiB)} MiB`;
  return [
    row(
      `${name}: heap / RSS`,
      both(`${String(cost.heapPerItemKiB)} KiB`, `${String(cost.rssPerItemKiB)} KiB`),
    ),
    row(
      `${name}: heap before → open → closed`,
      `${heap(cost.before)} → ${heap(cost.open)} → ${heap(cost.closed)}`,
    ),
  ];
}

function otherRows(report: McpRuntimeReport): Row[] {
  const { mcpThroughput: t, cacheHits: c, firstToken: f, memory: m, usageEvents: u } = report;
  const inFlight = `${String(report.settings.concurrency)} in flight`;
  return [
    row(
      `MCP tools/call, ${inFlight}${failures(t.runtime)}`,
      rps(t.runtime),
      `${rps(t.bare)} (bare SDK server)`,
      `${t.ratio.toFixed(2)}×`,
      '≥ 0.9×',
      verdict(t.ratio >= 0.9),
    ),
    row(
      'MCP tools/call: CPU per request (ratio: bare ÷ runtime)',
      ms(t.runtimeCpuMsPerRequest),
      ms(t.bareCpuMsPerRequest),
      `${t.cpuRatio.toFixed(2)}×`,
      '≥ 0.9×',
      verdict(t.cpuRatio >= 0.9),
    ),
    row(`cache hits, ${inFlight}${failures(c.hits)}`, rps(c.hits)),
    row('cache hits: median / p99', both(ms(c.hits.latency.p50), ms(c.hits.latency.p99))),
    row('cache hits: runtime CPU per request', ms(c.runtimeCpuMsPerRequest)),
    row(
      `first streamed token (provider ${String(f.chunkDelayMs)} ms/event): median${failures(f.through)}`,
      ms(f.through.latency.p50),
      ms(f.direct.latency.p50),
      plus(f.added.p50),
    ),
    row('first streamed token: p99', ms(f.through.latency.p99), ms(f.direct.latency.p99), plus(f.added.p99)),
    row(
      'idle runtime: RSS / heap used / CPU',
      `${both(`${String(m.idle.rssMiB)} MiB`, `${String(m.idle.heapUsedMiB)} MiB`)} / ${String(m.idleCpuPercent)} %`,
    ),
    ...perItemRows(`per open 2025-11-25 session (${String(m.sessions.count)})`, m.sessions),
    ...perItemRows(`per open /v1/stream (${String(m.streams.count)})`, m.streams),
    row(
      'usage events on Kafka / requests answered (any status)',
      both(String(u.published), String(u.responded)),
      '',
      '',
      'equal',
      verdict(u.published === u.responded),
    ),
  ];
}

function others(report: McpRuntimeReport): string {
  const windows: Paired['cpu'][] = [
    report.addedLatency.rest.paced.cpu,
    report.addedLatency.rest.saturated.cpu,
    report.addedLatency.mcp.paced.cpu,
    report.addedLatency.mcp.saturated.cpu,
    report.mcpThroughput.cpu,
    report.cacheHits.cpu,
    report.firstToken.cpu,
  ];
  const percents = windows.map((w) => w.othersPercent);
  return `other processes on the machine used ${String(Math.min(...percents))}–${String(Math.max(...percents))} % of its CPU during the measurements`;
}

/** The table of figures, as Markdown. Pure. */
export function markdown(report: McpRuntimeReport): string {
  const { settings, machine } = report;
  const rows: Row[] = [
    ...latencyRows('REST /v1/query', report.addedLatency.rest, settings),
    ...latencyRows('MCP tools/call ask', report.addedLatency.mcp, settings),
    ...otherRows(report),
  ];
  const header = '| figure | through the runtime | peer (direct) | added / ratio | target | met |';
  const lines = rows.map((row) => `| ${row.join(' | ')} |`);
  return [
    `# MCP runtime benchmark, ${report.date}`,
    '',
    `Node ${String(machine['node'])}, ${String(machine['cpus'])} cores (${String(machine['cpu'])}), load average at start ${JSON.stringify(machine['loadAverageAtStart'])}; ${others(report)}.`,
    `Each variant measured ${String(settings.durationMs / 1000)} s in ${String(settings.rounds)} alternating round(s) after ${String(settings.warmupMs / 1000)} s of warm-up${settings.quick ? ' (quick mode)' : ''}.`,
    '',
    header,
    '| --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
  ].join('\n');
}
