// Child entry: the floors of the added-latency comparison. A bare pass-through proxy on node:http:
// it reads each request's body and sends the same request (method, path, body) to the fake
// provider with undici over keep-alive connections, then answers with the provider's status and
// body. No auth, Redis, Kafka or SDK: what one extra HTTP hop through any Node process costs on
// this machine, the part of the runtime's added latency no code of its own can remove.
//
// With `--required-io` (and `--redis-url`, `--run`, `--dir`) it also does the I/O the issue
// requires of every request, and nothing else (floor-required-io.ts): before forwarding, one Redis
// script call shaped like the runtime's rate-limit check (429 if it says no, which it never does
// here); after the provider answered and before replying, one ~300-byte usage line appended with
// O_DSYNC to `<dir>/usage.jsonl`. Prints `{"port": N}` once listening; stops on SIGTERM.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { openRequiredIo, usageLine, type RequiredIo } from './floor-required-io.ts';

const { values } = parseArgs({
  options: {
    'provider-origin': { type: 'string' },
    connections: { type: 'string', default: '200' },
    'required-io': { type: 'boolean', default: false },
    'redis-url': { type: 'string' },
    run: { type: 'string' },
    dir: { type: 'string' },
  },
});
const providerOrigin = values['provider-origin'];
if (providerOrigin === undefined) throw new Error('--provider-origin is required');

/** The required I/O, with `--required-io`. */
async function requiredIo(): Promise<RequiredIo | undefined> {
  if (!values['required-io']) return undefined;
  const { 'redis-url': redisUrl, run, dir } = values;
  if (redisUrl === undefined || run === undefined || dir === undefined)
    throw new Error('--required-io needs --redis-url, --run and --dir');
  return openRequiredIo({ redisUrl, run, dir });
}
const io = await requiredIo();

// As many connections as the load generator has clients, like the runtime's own dispatcher.
const provider = new Pool(providerOrigin, {
  connections: Number(values.connections),
  pipelining: 1,
  keepAliveTimeout: 60_000,
  keepAliveMaxTimeout: 60_000,
});

let requests = 0;

/** Sends `body` on to the provider and its answer back (with the required I/O around it, if on). */
async function forward(request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
  try {
    const started = performance.now();
    if (io !== undefined && !(await io.admit())) {
      response.writeHead(429, { 'content-type': 'text/plain' });
      response.end('rate limited');
      return;
    }
    const answer = await provider.request({
      method: request.method === 'GET' ? 'GET' : 'POST',
      path: request.url ?? '/',
      headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
      body,
    });
    const text = Buffer.from(await answer.body.arrayBuffer());
    if (io !== undefined) {
      const fields = { run: values.run ?? '', n: requests++, status: answer.statusCode };
      await io.record(usageLine({ ...fields, latencyMs: performance.now() - started, at: Date.now() }));
    }
    const type = answer.headers['content-type'];
    response.writeHead(answer.statusCode, {
      'content-type': typeof type === 'string' ? type : 'application/json',
      'content-length': text.length,
    });
    response.end(text);
  } catch (error) {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(error instanceof Error ? error.message : String(error));
  }
}

const http = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void forward(request, Buffer.concat(chunks), response);
  });
});
http.keepAliveTimeout = 65_000;
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
});
process.once('SIGTERM', () => {
  http.closeAllConnections();
  http.close(() => {
    void Promise.all([provider.close(), io?.close()]).then(() => process.exit(0));
  });
});
