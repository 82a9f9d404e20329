// One tenant's runtime as a child process (`node mcp-runtime/src/main.ts`), configured the way
// the operator would (tenant files from the runtime's test support), with everything on: API-key
// auth, Redis limits and cache, Prometheus metrics, usage events to Kafka through the spool.
import { mkdtemp, rm } from 'node:fs/promises';
import { openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  makeTenantFiles,
  uniqueTenant,
  type TenantFiles,
} from '../../mcp-runtime/test/support/tenant-files.ts';
import { parsePromText, sumOf } from '../operator-scale/prom-text.ts';
import { freePort, spawnNode, waitUntilReady, type Child } from './child.ts';

/** The harness services the runtime uses, and the run's own usage-event topic. */
export interface BenchServices {
  readonly redisUrl: string;
  readonly kafkaBrokers: string;
  readonly usageTopic: string;
}

/** Memory of the runtime process, from its metrics port, right after a full GC. */
export interface MemorySample {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/** A running runtime child. */
export interface RuntimeChild {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The tenant endpoint's path, `/t/<tenant>/`. */
  readonly path: string;
  readonly key: string;
  readonly tenant: TenantFiles;
  readonly child: Child;
  /** Triggers a full GC in the child (SIGUSR2, see gc-on-signal.ts), then reads its metrics. */
  memory(): Promise<MemorySample>;
  /** The raw `/metrics` text. */
  metrics(): Promise<string>;
  /** Waits (at most 30 s) until the spool holds no usage event for Kafka (`lmo_usage_events_pending` 0). */
  readonly drained: () => Promise<void>;
  stop(): Promise<void>;
}

/** Options of {@link startRuntimeChild}. */
export interface RuntimeChildOptions {
  readonly providerUrl: string;
  readonly services: BenchServices;
  /** Appended to: the runtime's stdout (its pino log, level warn). */
  readonly logFile: string;
  /** The tenant's default temperature (0.7 unless said). */
  readonly temperature?: number;
  /** Write the runtime's V8 CPU profile into this directory when it stops. */
  readonly cpuProfileDir?: string | undefined;
}

/** The tenant spec: an OpenAI-compatible model at the fake provider, limits as high as the schema allows. */
export function benchSpec(providerUrl: string, temperature = 0.7): Record<string, unknown> {
  return {
    plan: 'enterprise',
    model: { provider: 'openai-compatible', model: 'bench-model', baseUrl: providerUrl, temperature },
    limits: { requestsPerMinute: 100_000, tokensPerMonth: 1_000_000_000_000 },
  };
}

const GC_PRELOAD = new URL('./gc-on-signal.ts', import.meta.url).pathname;

/** Starts the runtime and waits for `/readyz`. */
export async function startRuntimeChild(options: RuntimeChildOptions): Promise<RuntimeChild> {
  const tenant = await makeTenantFiles(
    uniqueTenant('bench'),
    benchSpec(options.providerUrl, options.temperature),
  );
  const { key } = await tenant.createKey();
  const spoolDir = await mkdtemp(join(tmpdir(), 'lmo-bench-spool-'));
  const [port, metricsPort] = [await freePort(), await freePort()];
  const flags: Record<string, string> = {
    config: tenant.dir,
    host: '127.0.0.1',
    port: String(port),
    'metrics-port': String(metricsPort),
    'redis-url': options.services.redisUrl,
    'kafka-brokers': options.services.kafkaBrokers,
    'usage-topic': options.services.usageTopic,
    'spool-dir': spoolDir,
    'allow-private-provider-urls': 'true',
    'cache-ttl': '300',
    'shutdown-grace-ms': '2000',
    'log-level': 'warn',
  };
  const log = openSync(options.logFile, 'a');
  const args = ['mcp-runtime/src/main.ts', ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])];
  const profile =
    options.cpuProfileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir];
  const child = spawnNode(['--expose-gc', '--import', GC_PRELOAD, ...profile], args, log);
  closeSync(log);
  const origin = `http://127.0.0.1:${String(port)}`;
  await waitUntilReady(`${origin}/readyz`, child);
  const metrics = async (): Promise<string> =>
    (await fetch(`http://127.0.0.1:${String(metricsPort)}/metrics`)).text();
  return {
    origin,
    path: `/t/${tenant.name}/`,
    key,
    tenant,
    child,
    metrics,
    memory: async () => {
      child.process.kill('SIGUSR2');
      await sleep(500);
      const samples = parsePromText(await metrics());
      return {
        rssBytes: sumOf(samples, 'lmo_runtime_process_resident_memory_bytes'),
        heapUsedBytes: sumOf(samples, 'lmo_runtime_nodejs_heap_size_used_bytes'),
      };
    },
    drained: async () => {
      const deadline = performance.now() + 30_000;
      do {
        await sleep(250);
        if (sumOf(parsePromText(await metrics()), 'lmo_usage_events_pending') === 0) return;
      } while (performance.now() < deadline);
    },
    stop: async () => {
      await child.stop();
      await Promise.all([tenant.remove(), rm(spoolDir, { recursive: true, force: true })]);
    },
  };
}
