import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stderrProgress, type Progress } from './log.ts';
import { selectServices } from './plan.ts';
import type { HarnessContext, Service } from './service.ts';
import { allServices } from './services/index.ts';
import { resolvePaths, type HarnessPaths } from './settings.ts';

export interface HarnessOptions {
  readonly paths?: HarnessPaths;
  readonly progress?: Progress;
  readonly services?: readonly Service[];
}

/** What `up` did: which services it started (empty when all were already running). */
export interface UpResult {
  readonly started: readonly string[];
  readonly env: Record<string, string>;
}

const envFile = (paths: HarnessPaths): string => join(paths.run, 'env.json');

function context(options: HarnessOptions): { ctx: HarnessContext; services: readonly Service[] } {
  const ctx = {
    paths: options.paths ?? resolvePaths(),
    progress: options.progress ?? stderrProgress(),
    env: process.env,
  };
  return { ctx, services: options.services ?? allServices };
}

/**
 * Installs what is missing and starts the named services (all when none are
 * named) with their dependencies. Independent services start concurrently;
 * each waits for its own dependencies. Returns at once when all already run.
 * @throws Error with the failing service's log tail.
 */
export async function up(names: readonly string[] = [], options: HarnessOptions = {}): Promise<UpResult> {
  const { ctx, services } = context(options);
  const selected = selectServices(services, names);
  await Promise.all(['logs', 'pids', 'data'].map((d) => mkdir(join(ctx.paths.run, d), { recursive: true })));
  const runningNow = await Promise.all(selected.map((s) => s.running(ctx)));
  const toStart = selected.filter((_, i) => runningNow[i] !== true);
  if (toStart.length > 0) {
    for (const service of toStart) await service.install(ctx);
    await startInDependencyOrder(ctx, toStart);
  }
  const env = await writeEnv(ctx, services);
  return { started: toStart.map((s) => s.name), env };
}

async function startInDependencyOrder(ctx: HarnessContext, toStart: readonly Service[]): Promise<void> {
  const started = new Map<string, Promise<void>>();
  const startOne = async (service: Service): Promise<void> => {
    await Promise.all(service.dependsOn.map((dep) => started.get(dep) ?? Promise.resolve()));
    const t0 = Date.now();
    ctx.progress.step(service.name, 'starting');
    await service.start(ctx);
    ctx.progress.step(service.name, `ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  };
  for (const service of toStart) started.set(service.name, startOne(service));
  const results = await Promise.allSettled(started.values());
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    const text = failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n\n');
    throw new Error(`infra up failed:\n${text}`);
  }
}

async function writeEnv(ctx: HarnessContext, services: readonly Service[]): Promise<Record<string, string>> {
  const env: Record<string, string> = { LMO_INFRA_RUN: ctx.paths.run };
  for (const service of services) Object.assign(env, service.env(ctx));
  await writeFile(envFile(ctx.paths), `${JSON.stringify(env, null, 2)}\n`);
  return env;
}

/**
 * Stops services, dependents first: the named ones, or all of them, in which
 * case the run directory goes too, so nothing is left behind.
 */
export async function down(names: readonly string[] = [], options: HarnessOptions = {}): Promise<void> {
  const { ctx, services } = context(options);
  const selected = names.length === 0 ? services : services.filter((s) => names.includes(s.name));
  for (const service of [...selected].reverse()) {
    await service.stop(ctx);
  }
  if (names.length === 0) {
    await rm(ctx.paths.run, { recursive: true, force: true });
    ctx.progress.step('all', `stopped; removed ${ctx.paths.run}`);
  }
}

/** One line per service: whether it answers now. */
export async function status(
  options: HarnessOptions = {},
): Promise<{ name: string; description: string; running: boolean }[]> {
  const { ctx, services } = context(options);
  return Promise.all(
    services.map(async (s) => ({ name: s.name, description: s.description, running: await s.running(ctx) })),
  );
}

/**
 * The connection settings written by the last `up`.
 * @throws Error telling to run `make infra-up` when the harness is not up.
 */
export async function readEnv(paths: HarnessPaths = resolvePaths()): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(envFile(paths), 'utf8')) as Record<string, string>;
  } catch {
    throw new Error(`the harness is not up (no ${envFile(paths)}): run \`make infra-up\``);
  }
}
