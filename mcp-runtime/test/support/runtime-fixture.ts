// Starts a real runtime in this process against a tenant directory, with the harness's Redis (and
// Kafka when asked), on loopback ports chosen by the OS.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harnessEnv } from '@lmo/harness';
import { pino } from 'pino';
import { startRuntime, type RunningRuntime } from '../../src/runtime.ts';
import { parseRuntimeOptions, type RuntimeFlag } from '../../src/runtime-options.ts';
import type { ServiceOverrides } from '../../src/runtime-services.ts';
import { makeTenantFiles, uniqueTenant, type TenantFiles } from './tenant-files.ts';

/** A runtime under test. */
export interface TestRuntime {
  readonly tenant: TenantFiles;
  readonly runtime: RunningRuntime;
  /** `http://127.0.0.1:<port>/t/<tenant>/` */
  readonly base: string;
  /** The MCP URL. */
  readonly mcpUrl: URL;
  readonly key: string;
  readonly keyId: string;
  stop(): Promise<void>;
}

/** Options of {@link startTestRuntime}. */
export interface TestRuntimeOptions {
  readonly spec?: Record<string, unknown>;
  readonly flags?: Partial<Record<RuntimeFlag, string>>;
  /** Use the harness Kafka (else the local event log). */
  readonly kafka?: boolean;
  /** Use the harness Redis (default true). */
  readonly redis?: boolean;
  /** An existing tenant directory (a second replica of the same tenant). */
  readonly tenant?: TenantFiles;
  /** Services to use instead of those the flags would build. */
  readonly overrides?: ServiceOverrides;
}

/** Starts a runtime with one API key. */
export async function startTestRuntime(options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const tenant = options.tenant ?? (await makeTenantFiles(uniqueTenant(), options.spec));
  const { key, keyId } = await tenant.createKey();
  const spool = await mkdtemp(join(tmpdir(), 'lmo-spool-'));
  const parsed = parseRuntimeOptions(
    {
      config: tenant.dir,
      host: '127.0.0.1',
      port: '0',
      'metrics-port': '0',
      'spool-dir': spool,
      'reload-interval-ms': '200',
      'shutdown-grace-ms': '2000',
      'allow-private-provider-urls': 'true',
      ...(options.redis === false ? {} : { 'redis-url': harnessEnv('REDIS_URL') }),
      ...(options.kafka === true ? { 'kafka-brokers': harnessEnv('KAFKA_BROKERS') } : {}),
      ...options.flags,
    },
    {},
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const runtime = await startRuntime(
    parsed.options,
    pino({ level: process.env['LMO_TEST_LOG'] ?? 'silent' }),
    options.overrides,
  );
  const base = `http://127.0.0.1:${String(runtime.port)}/t/${tenant.name}/`;
  return {
    tenant,
    runtime,
    base,
    mcpUrl: new URL('mcp', base),
    key,
    keyId,
    stop: async () => {
      await runtime.stop();
      if (options.tenant === undefined) await tenant.remove();
    },
  };
}
