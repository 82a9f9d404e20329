import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How to start one long-running service process. */
export interface DaemonSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly asUser?: string;
}

const pidFile = (runDir: string, name: string): string => join(runDir, 'pids', `${name}.pid`);
export const logFile = (runDir: string, name: string): string => join(runDir, 'logs', `${name}.log`);

/**
 * Starts a detached process in its own process group, with stdout and stderr
 * in the service's log file, and records its pid. The process outlives the
 * caller, so `infra up` can return and `infra down` can stop it later.
 */
export async function startDaemon(runDir: string, spec: DaemonSpec): Promise<number> {
  const [cmd, argv] = spec.asUser
    ? ['runuser', ['-u', spec.asUser, '--', spec.command, ...spec.args]]
    : [spec.command, spec.args];
  const fd = openSync(logFile(runDir, spec.name), 'a');
  try {
    const child = spawn(cmd, argv, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => {
        resolve(child.pid ?? -1);
      });
    });
    child.unref();
    await writeFile(pidFile(runDir, spec.name), `${pid}\n`);
    return pid;
  } finally {
    closeSync(fd);
  }
}

/** The recorded pid of a service when that process is still alive. */
export async function runningPid(runDir: string, name: string): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number.parseInt(await readFile(pidFile(runDir, name), 'utf8'), 10);
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops a service's whole process group: SIGTERM, then SIGKILL after `graceMs`.
 * Returns whether something was running.
 */
export async function stopDaemon(runDir: string, name: string, graceMs = 10_000): Promise<boolean> {
  const pid = await runningPid(runDir, name);
  await rm(pidFile(runDir, name), { force: true });
  if (pid === undefined) return false;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
