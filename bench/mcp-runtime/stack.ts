// What one measurement runs against: a fake provider child and a runtime child configured to call
// it, with a pool of client connections to each (the runtime's, and the provider's for the direct
// peer requests).
import type { Pool } from 'undici';
import type { FakeOpenAiOptions } from '../../mcp-runtime/test/support/fake-openai-server.ts';
import { spawnJsonChild, type Child } from './child.ts';
import { createPool } from './load-generator.ts';
import { startRuntimeChild, type RuntimeChild } from './runtime-child.ts';
import type { PreparedServices } from './services.ts';

/** The benchmark's settings (from the command line). */
export interface BenchSettings {
  readonly quick: boolean;
  /** Measured time of each variant (split over the rounds). */
  readonly durationMs: number;
  /** Discarded start of every run. */
  readonly warmupMs: number;
  /** Total requests per second of the paced (open-loop) runs. */
  readonly rate: number;
  /** Clients: the connections of every pool, and the requests in flight of closed-loop runs. */
  readonly concurrency: number;
  /** Each comparison alternates its variants this many times. */
  readonly rounds: number;
  readonly sessions: number;
  readonly streams: number;
  readonly chunkDelayMs: number;
  readonly cpuProfileDir: string | undefined;
}

/** What starting a stack takes. */
export interface StackEnv {
  readonly services: PreparedServices;
  readonly runId: string;
  /** The runtimes' logs (pino, level warn). */
  readonly logFile: string;
  /** Redis and Kafka pids, for the CPU figures. */
  readonly servicePids: Readonly<Record<string, number>>;
  /** Connections of each of the stack's pools. */
  readonly connections: number;
  readonly cpuProfileDir: string | undefined;
}

/** What every scenario gets. */
export interface BenchContext extends StackEnv {
  readonly settings: BenchSettings;
  say(line: string): void;
}

/** A provider and a runtime in front of it. */
export interface Stack {
  readonly provider: Child;
  /** The provider's origin, `http://127.0.0.1:<port>`. */
  readonly providerOrigin: string;
  readonly runtime: RuntimeChild;
  readonly runtimePool: Pool;
  readonly directPool: Pool;
  /** The pids to account CPU to (runtime, provider, services). */
  pids(): Record<string, number>;
  /** A prompt nobody sent before (cache misses by construction). */
  prompt(label: string, i: number): string;
  stop(): Promise<void>;
}

/** Starts a provider with `providerOptions`, then a runtime calling it. */
export async function startStack(
  ctx: StackEnv,
  providerOptions: FakeOpenAiOptions = {},
  temperature?: number,
): Promise<Stack> {
  const { child: provider, ready } = await spawnJsonChild('bench/mcp-runtime/provider-process.ts', [
    '--options',
    JSON.stringify(providerOptions),
  ]);
  const providerUrl = String(ready['url']);
  const runtime = await startRuntimeChild({
    providerUrl,
    services: ctx.services,
    logFile: ctx.logFile,
    cpuProfileDir: ctx.cpuProfileDir,
    ...(temperature === undefined ? {} : { temperature }),
  }).catch(async (error: unknown) => {
    await provider.stop();
    throw error;
  });
  const providerOrigin = new URL(providerUrl).origin;
  const connections = Math.max(ctx.connections, 1);
  const runtimePool = createPool(runtime.origin, connections);
  const directPool = createPool(providerOrigin, connections);
  return {
    provider,
    providerOrigin,
    runtime,
    runtimePool,
    directPool,
    pids: () => ({ runtime: runtime.child.pid, provider: provider.pid, ...ctx.servicePids }),
    prompt: (label, i) => `Bench ${ctx.runId} ${label} #${String(i)}: what is the answer?`,
    stop: async () => {
      await Promise.all([runtimePool.close(), directPool.close()]);
      await runtime.stop();
      await provider.stop();
    },
  };
}
