/**
 * `make dev` for end-to-end tests: `node api/src/dev.ts` on a fresh data directory and a free
 * port, as a person starts it; resolves once it printed its banner, stops with Ctrl-C (SIGINT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEV = fileURLToPath(new URL('../../../api/src/dev.ts', import.meta.url));

/** A running `make dev`. */
export interface DevPlatform {
  /** The API's (and the dashboard's) URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl-C, then waits for the exit; removes the data directory. Resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `make dev` with `env` added; rejects with its output when no banner comes in time. */
export async function startDevPlatform(
  env: Readonly<Record<string, string>>,
  timeoutMs = 90_000,
): Promise<DevPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lmo-dashboard-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [DEV, '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null) child.kill('SIGINT');
    const code = await exited;
    await rm(dataDir, { recursive: true, force: true });
    return code;
  };
  const deadline = Date.now() + timeoutMs;
  while (!printed.includes('Press Ctrl-C to stop everything.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`make dev did not come up:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const url = /^\s*URL\s+(http:\/\/\S+)/m.exec(printed)?.[1];
  if (url === undefined) {
    await stop();
    throw new Error(`make dev printed no URL:\n${printed}`);
  }
  return { url, output: () => printed, stop };
}
