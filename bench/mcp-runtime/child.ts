// The benchmark's child processes (the runtime, the fake provider, the bare SDK server), each a
// `node` of its own so that no two share an event loop with the load generator.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A running child. */
export interface Child {
  readonly pid: number;
  readonly process: ChildProcess;
  /** The last 4 KiB of its stderr (for error messages). */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

/** The repository root (two levels above this file). */
export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

/** A free loopback port (closed again at once: a tiny race, fine for a benchmark). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function wrap(child: ChildProcess, tail: () => string): Child {
  return {
    pid: child.pid ?? 0,
    process: child,
    stderrTail: tail,
    stop: async (graceMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts `node <nodeArgs> <args>` in the repository root; stdout piped or to a file descriptor, stderr kept. */
export function spawnNode(
  nodeArgs: readonly string[],
  args: readonly string[],
  stdout: 'pipe' | number,
): Child {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', stdout, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  return wrap(child, () => stderr);
}

/**
 * Starts a child that prints one JSON line on stdout once it is ready (the bench's own child
 * entries do), and returns that line parsed with the child.
 */
export async function spawnJsonChild(
  script: string,
  args: readonly string[],
): Promise<{ child: Child; ready: Record<string, unknown> }> {
  const child = spawnNode([], [script, ...args], 'pipe');
  const stdout = child.process.stdout;
  if (stdout === null) throw new Error(`${script}: no stdout`);
  const lines = createInterface({ input: stdout });
  const line = await new Promise<string>((resolve, reject) => {
    const early = (): void => {
      reject(new Error(`${script} exited before it was ready: ${child.stderrTail()}`));
    };
    child.process.once('exit', early);
    lines.once('line', (text) => {
      child.process.off('exit', early);
      resolve(text);
    });
  });
  // Keep draining stdout so the child never blocks on a full pipe.
  lines.on('line', () => undefined);
  return { child, ready: JSON.parse(line) as Record<string, unknown> };
}

/** Polls `url` until it answers 200 or `child` exits or the time is up. */
export async function waitUntilReady(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null)
      throw new Error(`exited ${String(child.process.exitCode)}: ${child.stderrTail()}`);
    const ready = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline)
      throw new Error(`not ready after ${String(timeoutMs)} ms: ${child.stderrTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
