import type { Progress } from './log.ts';
import type { HarnessPaths } from './settings.ts';

/** What every service step gets: where to put things, and how to report. */
export interface HarnessContext {
  readonly paths: HarnessPaths;
  readonly progress: Progress;
  /** Environment for child processes (PATH includes the cached toolchains). */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * One real service of the harness. `install` builds or fetches what is
 * missing into the cache (skipped when the right version is there); `start`
 * launches it and returns once it answers; `running` tells whether it already
 * runs, so a second `up` returns at once.
 */
export interface Service {
  readonly name: string;
  /** What it is, with its version, for `status`. */
  readonly description: string;
  /** Services that must run before this one starts. */
  readonly dependsOn: readonly string[];
  install(ctx: HarnessContext): Promise<void>;
  /** Whether it is up and answering. */
  running(ctx: HarnessContext): Promise<boolean>;
  start(ctx: HarnessContext): Promise<void>;
  stop(ctx: HarnessContext): Promise<void>;
  /** Connection settings it contributes to `infra env`. */
  env(ctx: HarnessContext): Record<string, string>;
}
