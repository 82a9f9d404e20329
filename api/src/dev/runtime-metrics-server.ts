/**
 * `make dev` bills from the runtimes' own metrics instead of Prometheus. Their ports change with
 * every (re)start, so the billing job reads one stable loopback URL, and this server answers it with
 * the `/metrics` text of every runtime that is ready, one after the other (each runtime exposes only
 * its own tenant's series, so nothing collides).
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** A running metrics server. */
export interface RuntimeMetricsServer {
  /** `http://127.0.0.1:<port>/metrics`. */
  readonly url: string;
  close(): Promise<void>;
}

async function scrape(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok ? await response.text() : '';
  } catch {
    return ''; // a runtime restarting meanwhile: its samples are taken at the next tick
  }
}

/** Serves the concatenated metrics of `targets()` on a free loopback port. */
export async function startRuntimeMetricsServer(
  targets: () => readonly string[],
): Promise<RuntimeMetricsServer> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    Promise.all(targets().map(scrape)).then(
      (texts) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(texts.join('\n'));
      },
      () => response.writeHead(500).end(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/metrics`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
