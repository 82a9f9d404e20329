// The supervisor's process handling with real child processes (a stand-in runtime, so no service is
// needed): config files written only on change, a crash loop restarted with backoff and reported
// Degraded, a runtime that ignores SIGTERM killed after the deadline, and a deleted tenant's
// runtime stopped and its configuration removed.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { validateTenantSpec, type TenantSpec, type TenantStatus } from '@lmo/contracts';
import { pino } from 'pino';
import { systemClock } from '../src/clock.ts';
import { RuntimeSupervisor, type SupervisedRegistry } from '../src/supervisor/runtime-supervisor.ts';
import { withPhase, type TenantRecord } from '../src/tenants/tenant-registry.ts';

jest.setTimeout(30_000);

const FAKE_RUNTIME = fileURLToPath(new URL('./support/fake-runtime.ts', import.meta.url));

/** Tenants in memory, with the statuses the supervisor records. */
class MemoryRegistry implements SupervisedRegistry {
  readonly records = new Map<string, { spec: TenantSpec; status: TenantStatus; generation: number }>();

  put(name: string, overrides: Record<string, unknown> = {}): void {
    const result = validateTenantSpec({ displayName: name, owner: 'o@acme.test', ...overrides });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const current = this.records.get(name);
    this.records.set(name, {
      spec: result.value,
      status: current?.status ?? {},
      generation: (current?.generation ?? 0) + 1,
    });
  }

  get(name: string): Promise<TenantRecord | undefined> {
    const r = this.records.get(name);
    return Promise.resolve(
      r === undefined
        ? undefined
        : {
            name,
            spec: r.spec,
            status: withPhase(r.status, r.spec, false),
            generation: r.generation,
            createdAt: new Date(0),
          },
    );
  }

  async list(): Promise<TenantRecord[]> {
    const records = await Promise.all([...this.records.keys()].map((name) => this.get(name)));
    return records.filter((r) => r !== undefined);
  }

  recordStatus(name: string, status: TenantStatus): Promise<void> {
    const r = this.records.get(name);
    if (r !== undefined) r.status = status;
    return Promise.resolve();
  }

  condition(name: string, type: string): [string, string] | undefined {
    const c = this.records.get(name)?.status.conditions?.find((x) => x.type === type);
    return c === undefined ? undefined : [c.status, c.reason];
  }
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('RuntimeSupervisor with real child processes', () => {
  let dir: string;
  let registry: MemoryRegistry;
  let supervisor: RuntimeSupervisor;

  const start = async (mode: string, stopDeadlineMs = 5_000): Promise<void> => {
    supervisor = new RuntimeSupervisor({
      registry,
      tenantsDir: dir,
      logger: pino({ level: 'silent' }),
      clock: systemClock,
      runtimeEntry: FAKE_RUNTIME,
      env: { ...process.env, FAKE_RUNTIME_MODE: mode },
      restart: { baseDelayMs: 50, maxDelayMs: 200, stableAfterMs: 60_000 },
      probe: { startingIntervalMs: 50, readyIntervalMs: 200, startTimeoutMs: 10_000, failureThreshold: 3 },
      stopDeadlineMs,
      resyncIntervalMs: 200,
    });
    await supervisor.start('http://127.0.0.1:8080');
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-supervisor-'));
    registry = new MemoryRegistry();
  });

  afterEach(async () => {
    await supervisor.stop();
    await rm(dir, { recursive: true, force: true });
  }, 20_000);

  it('writes config.json once, rewrites it on a settings change, and serves through a ready process', async () => {
    registry.put('acme');
    await start('ok');
    await until(() => supervisor.route('acme').kind === 'ready', 'ready');
    const file = join(dir, 'acme', 'config', 'config.json');
    const first = await stat(file);
    await new Promise((resolve) => setTimeout(resolve, 600)); // a few resyncs
    expect((await stat(file)).mtimeMs).toBe(first.mtimeMs);
    expect(registry.condition('acme', 'Ready')).toEqual(['True', 'Reconciled']);

    const pid = supervisor.pids()[0];
    registry.put('acme', { limits: { requestsPerMinute: 7 } });
    supervisor.notify('acme');
    await until(() => registry.records.get('acme')?.status.observedGeneration === 2, 'generation 2');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ limits: { requestsPerMinute: 7 } });
    expect(supervisor.pids()).toEqual([pid]); // the runtime reloads its config; no restart
    const log = await readFile(join(dir, 'acme', 'logs', 'runtime.log'), 'utf8');
    expect(log).toContain(`fake runtime ok on`);
  });

  it('restarts a crashing runtime with backoff and reports it Degraded', async () => {
    registry.put('acme');
    await start('crash');
    await until(() => registry.condition('acme', 'Degraded')?.[0] === 'True', 'Degraded');
    expect(registry.condition('acme', 'Degraded')).toEqual(['True', 'DeploymentUnavailable']);
    expect(registry.condition('acme', 'Ready')?.[0]).toBe('False');
    const log = await readFile(join(dir, 'acme', 'logs', 'runtime.log'), 'utf8');
    expect(log.match(/fake runtime crash/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('kills a runtime that ignores SIGTERM once the deadline has passed', async () => {
    registry.put('acme');
    await start('ignore-sigterm', 300);
    await until(() => supervisor.route('acme').kind === 'ready', 'ready');
    const [pid] = supervisor.pids();
    await supervisor.stop();
    expect(alive(pid!)).toBe(false);
    const log = await readFile(join(dir, 'acme', 'logs', 'runtime.log'), 'utf8');
    expect(log).toContain('ignoring SIGTERM');
  });

  it('stops the runtime of a suspended tenant, and of a deleted one, removing its configuration', async () => {
    registry.put('acme');
    registry.put('beta');
    await start('ok');
    await until(() => supervisor.pids().length === 2, 'two runtimes');
    registry.put('acme', { suspended: true });
    supervisor.notify('acme');
    await until(() => supervisor.route('acme').kind === 'suspended', 'suspended');
    await until(() => supervisor.pids().length === 1, 'acme stopped');
    await until(() => registry.condition('acme', 'Suspended')?.[0] === 'True', 'Suspended condition');

    const [beta] = supervisor.pids();
    registry.records.delete('beta');
    supervisor.notify('beta');
    await until(() => supervisor.route('beta').kind === 'unknown', 'beta gone');
    await until(() => !alive(beta!), 'beta stopped');
    const gone = (path: string): Promise<boolean> =>
      stat(path).then(
        () => false,
        () => true,
      );
    await until(() => gone(join(dir, 'beta', 'config')), 'beta configuration removed');
    expect(supervisor.pids()).toHaveLength(0);
  });
});
