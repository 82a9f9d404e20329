// Streaming and memory: the time to the first streamed token through the runtime against the
// provider's own stream, and the runtime's memory idle, per open 2025-11-25 session and per open
// `/v1/stream` (held open by a provider that hangs after its first token).
import { setTimeout as sleep } from 'node:timers/promises';
import { openLoop } from './load-generator.ts';
import { alternate, paired, type Paired, type Variant } from './measure.ts';
import type { MemorySample } from './runtime-child.ts';
import { closeSession, inBatches, openSession } from './sessions.ts';
import { startStack, type BenchContext, type Stack } from './stack.ts';
import { kib, mib, round } from './stats.ts';
import { processUsage } from '../operator-scale/proc-usage.ts';
import { PROVIDER_CONTENT, RUNTIME_DELTA, firstTokenSender, holdStream } from './streams.ts';
import { createPool } from './load-generator.ts';
import { providerChat, restStream } from './wire.ts';

/** Time to the first token: `/v1/stream` through the runtime vs the provider's stream. */
export interface FirstToken extends Paired {
  /** The provider's wait before each streamed event. */
  readonly chunkDelayMs: number;
}

/** Memory in MiB. */
export interface MemoryMiB {
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
}

/** What N open things cost. */
export interface PerItem {
  readonly count: number;
  readonly heapPerItemKiB: number;
  readonly rssPerItemKiB: number;
  readonly before: MemoryMiB;
  readonly open: MemoryMiB;
  /** After they were closed again (and, for streams, their usage events went to Kafka). */
  readonly closed: MemoryMiB;
}

/** The runtime's memory figures. */
export interface MemoryFigures {
  readonly idle: MemoryMiB;
  /** CPU the idle runtime uses (timers: configuration reloads, Redis and Kafka keep-alives), % of one core. */
  readonly idleCpuPercent: number;
  readonly sessions: PerItem;
  readonly streams: PerItem;
}

/** How long the runtime is left idle before its memory is read. */
const IDLE_MS = 5000;

const inMiB = (m: MemorySample): MemoryMiB => ({
  rssMiB: mib(m.rssBytes),
  heapUsedMiB: mib(m.heapUsedBytes),
});

function perItem(count: number, before: MemorySample, open: MemorySample, closed: MemorySample): PerItem {
  return {
    count,
    heapPerItemKiB: kib((open.heapUsedBytes - before.heapUsedBytes) / count),
    rssPerItemKiB: kib((open.rssBytes - before.rssBytes) / count),
    before: inMiB(before),
    open: inMiB(open),
    closed: inMiB(closed),
  };
}

/** First streamed token, paced at the context's rate, through the runtime vs direct. */
export async function measureFirstToken(ctx: BenchContext): Promise<FirstToken> {
  const { durationMs, warmupMs, rounds, rate, concurrency, chunkDelayMs } = ctx.settings;
  ctx.say(
    `first streamed token: /v1/stream vs the provider's stream, provider waits ${String(chunkDelayMs)} ms per event, ${String(rate)} req/s over ${String(concurrency)} clients`,
  );
  const stack = await startStack(ctx, { chunkDelayMs });
  try {
    let n = 0;
    const through = (): ReturnType<typeof restStream> =>
      restStream(stack.runtime.path, stack.runtime.key, stack.prompt('stream', n++));
    const direct = (): ReturnType<typeof providerChat> =>
      providerChat(stack.prompt('stream-direct', n++), { stream: true });
    const variants: Variant[] = [
      {
        name: 'through',
        run: (ms) =>
          openLoop(stack.runtimePool, through, {
            durationMs: ms,
            warmupMs,
            rate,
            sender: firstTokenSender(RUNTIME_DELTA),
          }),
      },
      {
        name: 'direct',
        run: (ms) =>
          openLoop(stack.directPool, direct, {
            durationMs: ms,
            warmupMs,
            rate,
            sender: firstTokenSender(PROVIDER_CONTENT),
          }),
      },
    ];
    const { results, cpu, cpuByVariant } = await alternate(variants, {
      durationMs,
      rounds,
      pids: stack.pids(),
      settle: stack.runtime.drained,
    });
    const [runtime, provider] = [results['through'], results['direct']];
    if (runtime === undefined || provider === undefined) throw new Error('a variant did not run');
    return { chunkDelayMs, ...paired(runtime, provider, cpu, cpuByVariant) };
  } finally {
    await stack.stop();
  }
}

async function sessionsCost(ctx: BenchContext, stack: Stack): Promise<PerItem> {
  const count = ctx.settings.sessions;
  ctx.say(`memory: ${String(count)} open 2025-11-25 sessions`);
  const pool = createPool(stack.runtime.origin, 32);
  const target = { pool, mcpPath: `${stack.runtime.path}mcp`, key: stack.runtime.key };
  try {
    const before = await stack.runtime.memory();
    const ids = await inBatches(count, 32, () => openSession(target));
    const open = await stack.runtime.memory();
    await inBatches(count, 32, (i) => closeSession(target, ids[i] ?? ''));
    return perItem(count, before, open, await stack.runtime.memory());
  } finally {
    await pool.close();
  }
}

async function streamsCost(ctx: BenchContext, stack: Stack): Promise<PerItem> {
  const count = ctx.settings.streams;
  ctx.say(`memory: ${String(count)} open /v1/stream answers (the provider hangs after the first token)`);
  const pool = createPool(stack.runtime.origin, count);
  try {
    const before = await stack.runtime.memory();
    const held = await inBatches(count, 50, (i) =>
      holdStream(
        pool,
        restStream(stack.runtime.path, stack.runtime.key, stack.prompt('held', i)),
        RUNTIME_DELTA,
      ),
    );
    const open = await stack.runtime.memory();
    for (const stream of held) stream.close();
    // Each cancelled stream is a usage event: read memory once they all went to Kafka.
    await stack.runtime.drained();
    return perItem(count, before, open, await stack.runtime.memory());
  } finally {
    await pool.destroy();
  }
}

/** Idle memory after start, then per session and per stream (each measured after a full GC). */
export async function measureMemory(ctx: BenchContext): Promise<MemoryFigures> {
  ctx.say('memory: an idle runtime');
  const stack = await startStack(ctx, { hang: 'mid-stream' });
  try {
    const cpuBefore = processUsage(stack.runtime.child.pid).cpuSeconds;
    await sleep(IDLE_MS);
    const idleCpuPercent = round(
      (100 * (processUsage(stack.runtime.child.pid).cpuSeconds - cpuBefore)) / (IDLE_MS / 1000),
      1,
    );
    const idle = inMiB(await stack.runtime.memory());
    const sessions = await sessionsCost(ctx, stack);
    const streams = await streamsCost(ctx, stack);
    return { idle, idleCpuPercent, sessions, streams };
  } finally {
    await stack.stop();
  }
}
