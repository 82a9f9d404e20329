// A runtime as a separate OS process (`node mcp-runtime/src/main.ts`), for tests where two
// replicas must share Redis the way two pods do.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A runtime child process. */
export interface RuntimeProcess {
  readonly port: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  server.close();
  return port;
}

/** Starts `main.ts` with `flags` and waits for /readyz. */
export async function startRuntimeProcess(flags: Record<string, string>): Promise<RuntimeProcess> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const args = Object.entries({
    ...flags,
    host: '127.0.0.1',
    port: String(port),
    'metrics-port': String(metricsPort),
  }).flatMap(([k, v]) => [`--${k}`, v]);
  const child = spawn(process.execPath, ['mcp-runtime/src/main.ts', ...args, '--log-level', 'warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`runtime exited ${String(child.exitCode)}: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${String(port)}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`runtime not ready: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
