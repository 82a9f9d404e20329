// The request scenarios: latency added by the runtime (REST `/v1/query` and MCP `tools/call ask`
// against the same request sent straight to the provider, with two floors: that request through a
// bare pass-through proxy, and through the same proxy doing the I/O the issue requires of every
// request), MCP throughput against a bare SDK server exposing the same tool, and cache hits.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'undici';
import { spawnJsonChild, type Child } from './child.ts';
import {
  checkedSender,
  closedLoop,
  createPool,
  openLoop,
  type LoadResult,
  type RequestFactory,
  type Sender,
} from './load-generator.ts';
import {
  alternate,
  cpuMsPerRequest,
  hop,
  measured,
  paired,
  type Hop,
  type Measured,
  type Paired,
  type Variant,
} from './measure.ts';
import type { BenchContext, Stack } from './stack.ts';
import { round } from './stats.ts';
import {
  mcpAnswered,
  mcpAsk,
  providerAnswered,
  providerChat,
  restAnswered,
  restCached,
  restQuery,
} from './wire.ts';

/** The runtime against the direct requests, and the floor against the same direct requests. */
export interface LatencyComparison extends Paired {
  /** The same chat-completions request through a bare Node pass-through proxy (floor-proxy.ts). */
  readonly floor: Hop;
  /**
   * The same request through the same proxy doing the required I/O, and nothing else: one Redis
   * script call before forwarding, one O_DSYNC append before replying (`--required-io`).
   */
  readonly floorRequiredIo: Hop;
}

/** Paced (open loop at `rate`) and saturated (closed loop, `concurrency` in flight) comparisons. */
export interface LatencyPairs {
  readonly paced: LatencyComparison;
  readonly saturated: LatencyComparison;
}

/** Added latency of both entry points. */
export interface AddedLatency {
  readonly rest: LatencyPairs;
  readonly mcp: LatencyPairs;
}

/** MCP `tools/call` requests per second: the runtime against the bare SDK server. */
export interface McpThroughput {
  readonly runtime: Measured;
  readonly bare: Measured;
  /** runtime ÷ bare requests per second. */
  readonly ratio: number;
  /** bare ÷ runtime CPU per request: the ratio of throughputs when CPU-bound, less sensitive to others' load. */
  readonly cpuRatio: number;
  readonly runtimeCpuMsPerRequest: number;
  readonly bareCpuMsPerRequest: number;
  readonly cpu: Paired['cpu'];
  readonly cpuByVariant: Paired['cpuByVariant'];
}

/** Cache hits (temperature 0, the same prompt every time), closed loop. */
export interface CacheHits {
  readonly hits: Measured;
  readonly runtimeCpuMsPerRequest: number;
  readonly cpu: Paired['cpu'];
}

type Kind = 'rest' | 'mcp';
type Mode = 'paced' | 'saturated';

/** A factory of requests with prompts unique across rounds (a counter of its own). */
function unique(
  stack: Stack,
  label: string,
  build: (prompt: string, i: number) => ReturnType<RequestFactory>,
): RequestFactory {
  let n = 0;
  return () => {
    const i = n++;
    return build(stack.prompt(label, i), i);
  };
}

function throughRuntime(stack: Stack, kind: Kind, label: string): { make: RequestFactory; sender: Sender } {
  const { path, key } = stack.runtime;
  return kind === 'rest'
    ? {
        make: unique(stack, label, (prompt) => restQuery(path, key, prompt)),
        sender: checkedSender(restAnswered),
      }
    : {
        make: unique(stack, label, (prompt, i) => mcpAsk({ path: `${path}mcp`, key }, i, prompt)),
        sender: checkedSender(mcpAnswered),
      };
}

/** One load run of `mode` with the context's settings. */
function runner(ctx: BenchContext, mode: Mode, pool: Pool, load: { make: RequestFactory; sender: Sender }) {
  const { warmupMs, rate, concurrency } = ctx.settings;
  return (durationMs: number): Promise<LoadResult> =>
    mode === 'paced'
      ? openLoop(pool, load.make, { durationMs, warmupMs, sender: load.sender, rate })
      : closedLoop(pool, load.make, { durationMs, warmupMs, sender: load.sender, concurrency });
}

/** A floor: a pass-through proxy child in front of the stack's provider, and a pool to it. */
export interface Floor {
  readonly child: Child;
  readonly pool: Pool;
  stop(): Promise<void>;
}

/** The required I/O of a floor (`--required-io`): the Redis it checks and the run its key is named after. */
export interface RequiredIoTarget {
  readonly redisUrl: string;
  readonly runId: string;
}

/**
 * Starts a floor proxy in front of the stack's provider: bare, or with `requiredIo` doing the
 * required I/O (its usage file in a temp dir of its own, removed on stop; the proxy deletes its
 * Redis key on stop).
 */
export async function startFloor(
  stack: Stack,
  connections: number,
  requiredIo?: RequiredIoTarget,
): Promise<Floor> {
  const dir = requiredIo === undefined ? undefined : await mkdtemp(join(tmpdir(), 'lmo-bench-floor-'));
  const ioArgs =
    requiredIo === undefined || dir === undefined
      ? []
      : ['--required-io', '--redis-url', requiredIo.redisUrl, '--run', requiredIo.runId, '--dir', dir];
  const removeDir = async (): Promise<void> => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  };
  return pooledChild(
    'bench/mcp-runtime/floor-proxy.ts',
    ['--provider-origin', stack.providerOrigin, '--connections', String(connections), ...ioArgs],
    connections,
    removeDir,
  ).catch(async (error: unknown) => {
    await removeDir();
    throw error;
  });
}

/**
 * A server child that prints its port, with a pool of `connections` keep-alive connections to it;
 * `stop` closes the pool, stops the child, then runs `afterStop`.
 */
async function pooledChild(
  script: string,
  args: readonly string[],
  connections: number,
  afterStop: () => Promise<void> = () => Promise.resolve(),
): Promise<Floor> {
  const { child, ready } = await spawnJsonChild(script, args);
  const pool = createPool(`http://127.0.0.1:${String(ready['port'])}`, connections);
  return {
    child,
    pool,
    stop: async () => {
      await pool.close();
      await child.stop();
      await afterStop();
    },
  };
}

/** The two floors of the added-latency comparisons. */
interface Floors {
  /** The bare pass-through. */
  readonly bare: Floor;
  /** The pass-through with the required I/O. */
  readonly io: Floor;
}

async function pair(
  ctx: BenchContext,
  { stack, floors }: { readonly stack: Stack; readonly floors: Floors },
  kind: Kind,
  mode: Mode,
): Promise<LatencyComparison> {
  const label = `${kind}-${mode}`;
  const { durationMs, rounds, rate, concurrency } = ctx.settings;
  ctx.say(
    `added latency, ${kind === 'rest' ? 'POST /v1/query' : 'MCP tools/call ask'}, ${
      mode === 'paced'
        ? `${String(rate)} req/s over ${String(concurrency)} clients`
        : `${String(concurrency)} in flight`
    }: through the runtime vs straight to the provider vs through a bare pass-through (floor), bare and with the required I/O`,
  );
  const provider = (name: string): { make: RequestFactory; sender: Sender } => ({
    make: unique(stack, `${label}-${name}`, (prompt) => providerChat(prompt)),
    sender: checkedSender(providerAnswered),
  });
  const variants: Variant[] = [
    { name: 'through', run: runner(ctx, mode, stack.runtimePool, throughRuntime(stack, kind, label)) },
    { name: 'floor', run: runner(ctx, mode, floors.bare.pool, provider('floor')) },
    { name: 'floorIo', run: runner(ctx, mode, floors.io.pool, provider('floor-io')) },
    { name: 'direct', run: runner(ctx, mode, stack.directPool, provider('direct')) },
  ];
  const { results, cpu, cpuByVariant } = await alternate(variants, {
    durationMs,
    rounds,
    pids: { ...stack.pids(), floor: floors.bare.child.pid, floorIo: floors.io.child.pid },
    settle: stack.runtime.drained,
  });
  const { through, floor: viaFloor, floorIo: viaFloorIo, direct: straight } = results;
  if (through === undefined || viaFloor === undefined || viaFloorIo === undefined || straight === undefined)
    throw new Error('a variant did not run');
  return {
    ...paired(through, straight, cpu, cpuByVariant),
    floor: hop(viaFloor, straight, cpuByVariant['floor']?.['floor'] ?? 0),
    floorRequiredIo: hop(viaFloorIo, straight, cpuByVariant['floorIo']?.['floorIo'] ?? 0),
  };
}

/** Seconds of warm-up of a freshly started server (the runtime, the floor). */
const warmUpSeconds = (ctx: BenchContext): number => (ctx.settings.quick ? 2 : 5);

/**
 * Warms a freshly started runtime up (lazy compilation, JIT, connection pools) with a few
 * seconds of REST and MCP calls, so that the first measurement does not pay for it. Returns the
 * requests answered.
 */
export async function warmUp(ctx: BenchContext, stack: Stack): Promise<number> {
  const seconds = warmUpSeconds(ctx);
  ctx.say(`warming the runtime up: ${String(seconds)} s of REST and of MCP calls, 20 in flight`);
  let responded = 0;
  for (const kind of ['rest', 'mcp'] as const) {
    const load = throughRuntime(stack, kind, `warm-up-${kind}`);
    const options = { durationMs: seconds * 1000, warmupMs: 0, sender: load.sender, concurrency: 20 };
    responded += (await closedLoop(stack.runtimePool, load.make, options)).respondedInAll;
  }
  return responded;
}

/** Warms a floor up as the runtime was (JIT, connections), so that its first run does not pay for it. */
async function warmUpFloor(ctx: BenchContext, stack: Stack, floor: Floor, label: string): Promise<void> {
  const make = unique(stack, `warm-up-${label}`, (prompt) => providerChat(prompt));
  const sender = checkedSender(providerAnswered);
  const options = { durationMs: warmUpSeconds(ctx) * 1000, warmupMs: 0, sender, concurrency: 20 };
  await closedLoop(floor.pool, make, options);
}

/** Added latency of REST and MCP, paced and saturated, each with both floors. */
export async function measureAddedLatency(ctx: BenchContext, stack: Stack): Promise<AddedLatency> {
  const { concurrency } = ctx.settings;
  const bare = await startFloor(stack, concurrency);
  const io = await startFloor(stack, concurrency, {
    redisUrl: ctx.services.redisUrl,
    runId: ctx.runId,
  }).catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  const peers = { stack, floors: { bare, io } };
  try {
    const seconds = String(warmUpSeconds(ctx));
    ctx.say(
      `warming the floors up: ${seconds} s of pass-through calls each (bare, required I/O), 20 in flight`,
    );
    await warmUpFloor(ctx, stack, bare, 'floor');
    await warmUpFloor(ctx, stack, io, 'floor-io');
    const rest = {
      paced: await pair(ctx, peers, 'rest', 'paced'),
      saturated: await pair(ctx, peers, 'rest', 'saturated'),
    };
    const mcp = {
      paced: await pair(ctx, peers, 'mcp', 'paced'),
      saturated: await pair(ctx, peers, 'mcp', 'saturated'),
    };
    return { rest, mcp };
  } finally {
    await Promise.all([bare.stop(), io.stop()]);
  }
}

/** The bare SDK server, calling the stack's provider. */
export async function startBareServer(
  stack: Stack,
  connections: number,
): Promise<{ child: Child; pool: Pool; stop(): Promise<void> }> {
  return pooledChild(
    'bench/mcp-runtime/bare-mcp-server.ts',
    ['--provider-url', `${stack.providerOrigin}/v1`],
    connections,
  );
}

/** `tools/call ask` through the runtime vs the bare server, closed loop. */
export async function measureMcpThroughput(ctx: BenchContext, stack: Stack): Promise<McpThroughput> {
  const { durationMs, rounds, concurrency } = ctx.settings;
  ctx.say(
    `MCP throughput: tools/call ask, ${String(concurrency)} in flight, the runtime vs a bare SDK server`,
  );
  const bare = await startBareServer(stack, concurrency);
  try {
    const runtimeLoad = throughRuntime(stack, 'mcp', 'mcp-throughput');
    const bareLoad = {
      make: unique(stack, 'mcp-throughput-bare', (prompt, i) => mcpAsk({ path: '/mcp' }, i, prompt)),
      sender: checkedSender(mcpAnswered),
    };
    const variants: Variant[] = [
      { name: 'runtime', run: runner(ctx, 'saturated', stack.runtimePool, runtimeLoad) },
      { name: 'bare', run: runner(ctx, 'saturated', bare.pool, bareLoad) },
    ];
    const pids = { ...stack.pids(), bare: bare.child.pid };
    const { results, cpu, cpuByVariant } = await alternate(variants, {
      durationMs,
      rounds,
      pids,
      settle: stack.runtime.drained,
    });
    const [runtime, peer] = [results['runtime'], results['bare']];
    if (runtime === undefined || peer === undefined) throw new Error('a variant did not run');
    // Each server's CPU during its own runs.
    const perRequest = (name: string, result: LoadResult): number =>
      cpuMsPerRequest(cpuByVariant[name]?.[name] ?? 0, result);
    const [runtimeCpu, bareCpu] = [perRequest('runtime', runtime), perRequest('bare', peer)];
    return {
      runtime: measured(runtime),
      bare: measured(peer),
      ratio: round(runtime.requestsPerSecond / Math.max(1, peer.requestsPerSecond), 2),
      cpuRatio: round(bareCpu / Math.max(0.001, runtimeCpu), 2),
      runtimeCpuMsPerRequest: runtimeCpu,
      bareCpuMsPerRequest: bareCpu,
      cpu,
      cpuByVariant,
    };
  } finally {
    await bare.stop();
  }
}

/** Cache hits: the same temperature-0 prompt, closed loop, after one request that fills the cache. */
export async function measureCacheHits(ctx: BenchContext, stack: Stack): Promise<CacheHits> {
  const { durationMs, rounds, concurrency } = ctx.settings;
  ctx.say(`cache hits: POST /v1/query, temperature 0, one prompt, ${String(concurrency)} in flight`);
  const request = restQuery(stack.runtime.path, stack.runtime.key, stack.prompt('cache', 0), {
    temperature: 0,
  });
  const fill = await stack.runtimePool.request({ method: 'POST', ...request });
  const first = await fill.body.text();
  if (!restAnswered(fill.statusCode, first))
    throw new Error(`the cache-filling request failed: ${first.slice(0, 200)}`);
  const load = { make: () => request, sender: checkedSender(restCached) };
  const variants: Variant[] = [{ name: 'hits', run: runner(ctx, 'saturated', stack.runtimePool, load) }];
  const { results, cpu } = await alternate(variants, {
    durationMs,
    rounds,
    pids: stack.pids(),
    settle: stack.runtime.drained,
  });
  const hits = results['hits'];
  if (hits === undefined) throw new Error('the cache run did not run');
  return {
    hits: measured(hits),
    runtimeCpuMsPerRequest: round(
      (1000 * (cpu.cpuSeconds['runtime'] ?? 0)) / Math.max(1, hits.respondedInAll),
      3,
    ),
    cpu,
  };
}
