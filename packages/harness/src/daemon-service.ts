import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { logFile, runningPid, startDaemon, stopDaemon, type DaemonSpec } from './daemon.ts';
import { tail } from './exec.ts';
import type { HarnessContext, Service } from './service.ts';
import { waitUntilReady, type Probe } from './wait.ts';

/** The parts that differ between services that run as one background process. */
export interface DaemonServiceDefinition {
  readonly name: string;
  readonly description: string;
  readonly dependsOn?: readonly string[];
  /** Seconds to wait for readiness after start. */
  readonly readyWithinSeconds: number;
  install(ctx: HarnessContext): Promise<void>;
  /** Prepares data directories and config files, then says how to launch. */
  prepare(ctx: HarnessContext, dataDir: string): Promise<Omit<DaemonSpec, 'name'>>;
  probe(ctx: HarnessContext): Probe;
  /** Runs once after the service is ready, e.g. to create a node or a database. */
  afterStart?(ctx: HarnessContext): Promise<void>;
  env(ctx: HarnessContext): Record<string, string>;
}

/**
 * Makes a `Service` out of a daemon definition: start in the background,
 * wait for the probe with a deadline, and on failure stop it and report the
 * tail of its log.
 */
export function daemonService(def: DaemonServiceDefinition): Service {
  const dataDir = (ctx: HarnessContext): string => join(ctx.paths.run, 'data', def.name);
  const alive = async (ctx: HarnessContext): Promise<boolean> =>
    (await runningPid(ctx.paths.run, def.name)) !== undefined;
  return {
    name: def.name,
    description: def.description,
    dependsOn: def.dependsOn ?? [],
    install: (ctx) => def.install(ctx),
    running: async (ctx) =>
      (await alive(ctx)) &&
      (await def
        .probe(ctx)()
        .catch(() => false)),
    async start(ctx) {
      await mkdir(dataDir(ctx), { recursive: true });
      const spec = await def.prepare(ctx, dataDir(ctx));
      await startDaemon(ctx.paths.run, { name: def.name, ...spec });
      try {
        await waitUntilReady(def.name, def.probe(ctx), {
          deadlineMs: def.readyWithinSeconds * 1000,
          alive: () => alive(ctx),
        });
        await def.afterStart?.(ctx);
      } catch (error) {
        await stopDaemon(ctx.paths.run, def.name, 2000);
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${reason}\n${await tail(logFile(ctx.paths.run, def.name))}`, { cause: error });
      }
    },
    async stop(ctx) {
      await stopDaemon(ctx.paths.run, def.name);
    },
    env: (ctx) => def.env(ctx),
  };
}
