import { connect } from 'node:net';
import { sleep } from './daemon.ts';

/** A readiness probe: resolves true when ready; may throw, which counts as "not yet". */
export type Probe = () => Promise<boolean>;

/** A service did not become ready before its deadline. */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

/**
 * Polls `probe` until it says ready or `deadlineMs` passes; `alive` stops the
 * wait early when the process has already died.
 * @throws NotReadyError with the last probe failure.
 */
export async function waitUntilReady(
  what: string,
  probe: Probe,
  options: { deadlineMs: number; alive?: () => Promise<boolean>; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.deadlineMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (options.alive && !(await options.alive())) throw new NotReadyError(`${what} exited while starting`);
    await sleep(options.intervalMs ?? 250);
  }
  throw new NotReadyError(`${what} was not ready within ${options.deadlineMs / 1000}s (last: ${last})`);
}

/** True when something accepts TCP connections on host:port. */
export function tcpOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => {
      done(false);
    });
    socket.once('connect', () => {
      done(true);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

/** True when GET url answers 2xx. */
export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.ok;
}
