/**
 * The plumbing shared by the fake OpenAI and Anthropic servers: a `node:http` server on
 * 127.0.0.1, port 0, that records every request (headers, JSON body, whether the client went away
 * before the answer ended), and applies the knobs common to both (injected failures, delays,
 * hanging). The provider-specific files add the wire formats.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** An HTTP failure to answer with, in the provider's own error format. */
export interface FakeFailure {
  /** 401, 429, 500, 529, ... */
  readonly status: number;
  /** Sent as `retry-after` (seconds, fractions allowed: the SDKs honour them). */
  readonly retryAfterSeconds?: number;
}

/** One message of a conversation as the fake server read it (system prompts included). */
export interface FakeMessage {
  readonly role: string;
  readonly content: string;
}

/** Knobs of a fake provider server; `configure()` changes them between requests (undefined unsets). */
export interface FakeServerOptions {
  /** The answer: fixed text, or a function of the conversation. */
  readonly reply?: string | ((messages: readonly FakeMessage[]) => string) | undefined;
  /** Token usage to report instead of the default count (words in, stream pieces out). */
  readonly usage?: { readonly input: number; readonly output: number } | undefined;
  /** The key the server accepts; any other gets the provider's 401. Unset: every key passes. */
  readonly apiKey?: string | undefined;
  /** Answers for the next requests, in order; normal answers resume afterwards. */
  readonly failures?: readonly FakeFailure[] | undefined;
  /** Answer every request with this failure (after `failures`). */
  readonly failAlways?: FakeFailure | undefined;
  /** Streams break after their first piece of text with this failure as an error event. */
  readonly failMidStream?: FakeFailure | undefined;
  /** Wait before the response headers. */
  readonly headersDelayMs?: number | undefined;
  /** Wait before each streamed event. */
  readonly chunkDelayMs?: number | undefined;
  /** Never finish: before the headers, or in a stream right after its first piece of text. */
  readonly hang?: 'before-headers' | 'mid-stream' | undefined;
}

/** What the fake server saw of one request. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The `Authorization` header (OpenAI's bearer key). */
  readonly authorization: string | undefined;
  /** The `x-api-key` header (Anthropic's key before SDK 1.x). */
  readonly apiKey: string | undefined;
  /** The provider key the request carried: the `Authorization` bearer token, else `x-api-key`. */
  readonly key: string | undefined;
  /** The parsed JSON body (undefined when there was none). */
  body: unknown;
  readonly receivedAt: number;
  /** When the client closed the connection before the answer was complete. */
  abortedAt: number | undefined;
  /** True once the whole answer was sent. */
  completed: boolean;
}

/** One request as a provider-specific route handler sees it. */
export interface FakeExchange<O extends FakeServerOptions = FakeServerOptions> {
  readonly record: FakeRequest;
  readonly body: Record<string, unknown>;
  readonly options: O;
  readonly res: ServerResponse;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** The request id the server answers with (`x-request-id` / `request-id`). */
  readonly requestId: string;
}

/** One server-sent event, already formatted; `text` marks the events that carry answer text. */
export interface FakeSseEvent {
  readonly frame: string;
  readonly text?: boolean;
}

/** The provider-specific part of a fake server. */
export interface FakeProviderSpec<O extends FakeServerOptions = FakeServerOptions> {
  /** Handlers by `"METHOD /path"`. */
  readonly routes: Readonly<Record<string, (exchange: FakeExchange<O>) => Promise<void>>>;
  /** The provider's error response for a failure: headers and JSON body. */
  readonly errorResponse: (failure: FakeFailure, exchange: FakeExchange) => FakeErrorResponse;
  /** Checks the credentials and headers; returns the failure to answer with, if any. */
  readonly authenticate: (exchange: FakeExchange) => FakeFailure | undefined;
}

/** An error answer. */
export interface FakeErrorResponse {
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** A running fake provider server. */
export interface FakeProviderServer<O extends FakeServerOptions = FakeServerOptions> {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request received, oldest first. */
  readonly requests: readonly FakeRequest[];
  /** Changes knobs for the next requests. */
  configure(options: O): void;
  /** Queues failures for the next requests. */
  failNext(...failures: FakeFailure[]): void;
  /** Resolves once the client closed request `index` (default: the latest) before its answer ended. */
  clientAborted(index?: number): Promise<FakeRequest>;
  /** Stops the server, cutting open connections. */
  close(): Promise<void>;
}

/** Word-sized pieces of `text` (each word with the spaces after it); they concatenate to `text`. */
export function fakePieces(text: string): string[] {
  const leading = /^\s+/.exec(text)?.[0] ?? '';
  const words = text.slice(leading.length).match(/\S+\s*/g) ?? [];
  return leading === '' ? words : [leading, ...words];
}

/** The reply to `messages` under `options`. */
export function fakeReply(
  options: FakeServerOptions,
  messages: readonly FakeMessage[],
  fallback: string,
): string {
  const { reply } = options;
  return typeof reply === 'function' ? reply(messages) : (reply ?? fallback);
}

/** Text of a message content: a string, or the text blocks of an array. */
export function fakeText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) => (block as { text?: unknown }).text)
    .filter((text): text is string => typeof text === 'string')
    .join('');
}

/** Default input token count: the words of all messages. */
export function fakeInputTokens(messages: readonly FakeMessage[]): number {
  return messages.reduce((sum, message) => sum + (message.content.match(/\S+/g)?.length ?? 0), 0);
}

/** Answers with JSON. */
export function sendJson(exchange: FakeExchange, status: number, body: unknown, headers = {}): void {
  exchange.res
    .writeHead(status, { 'content-type': 'application/json', ...headers, ...requestIdHeaders(exchange) })
    .end(JSON.stringify(body));
}

function requestIdHeaders(exchange: FakeExchange): Record<string, string> {
  return { 'x-request-id': exchange.requestId, 'request-id': exchange.requestId };
}

/**
 * Streams `events` as `text/event-stream`, honouring `chunkDelayMs`, `hang: 'mid-stream'` and
 * `failMidStream`, which act right after the first event that carries text.
 */
export async function sendSse(
  exchange: FakeExchange,
  events: readonly FakeSseEvent[],
  streamError: (failure: FakeFailure) => string,
): Promise<void> {
  const { res, options, signal } = exchange;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...requestIdHeaders(exchange),
  });
  for (const event of events) {
    if (options.chunkDelayMs !== undefined) await sleep(options.chunkDelayMs, undefined, { signal });
    res.write(event.frame);
    if (event.text === true && options.hang === 'mid-stream') {
      await never(signal);
    }
    if (event.text === true && options.failMidStream !== undefined) {
      res.end(streamError(options.failMidStream));
      return;
    }
  }
  res.end();
}

/** Waits until `signal` aborts, then rejects. */
async function never(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => {
      reject(signal.reason as Error);
    });
  });
}

/** Answers with the provider's error response for `failure`, with `retry-after` when asked. */
function answerFailure<O extends FakeServerOptions>(
  spec: FakeProviderSpec<O>,
  exchange: FakeExchange<O>,
  failure: FakeFailure,
): void {
  const answer = spec.errorResponse(failure, exchange);
  const retryAfter =
    failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
  sendJson(exchange, failure.status, answer.body, { ...retryAfter, ...answer.headers });
}

/** Starts a fake provider server with the provider-specific `spec`. */
export async function startFakeProviderServer<O extends FakeServerOptions>(
  spec: FakeProviderSpec<O>,
  initial: O,
): Promise<FakeProviderServer<O>> {
  let options = initial;
  const queued: FakeFailure[] = [...(initial.failures ?? [])];
  const requests: FakeRequest[] = [];
  const abortWaiters = new Map<FakeRequest, (() => void)[]>();

  const server = createServer((req, res) => {
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const record: FakeRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://fake').pathname,
      headers: req.headers,
      authorization: header('authorization'),
      apiKey: header('x-api-key'),
      key: /^Bearer (.+)$/.exec(header('authorization') ?? '')?.[1] ?? header('x-api-key'),
      body: undefined,
      receivedAt: Date.now(),
      abortedAt: undefined,
      completed: false,
    };
    requests.push(record);
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) {
        record.abortedAt = Date.now();
        for (const wake of abortWaiters.get(record) ?? []) wake();
      }
      controller.abort(new Error('the client went away'));
    });
    res.on('finish', () => {
      record.completed = true;
    });
    const requestId = `req_fake_${String(requests.length).padStart(6, '0')}`;
    const context = { record, res, signal: controller.signal, requestId };
    handle(req, context).catch((error: unknown) => {
      if (!controller.signal.aborted) res.destroy(error as Error);
    });
  });

  const handle = async (
    req: AsyncIterable<Buffer>,
    context: Omit<FakeExchange<O>, 'body' | 'options'>,
  ): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    context.record.body = text === '' ? undefined : (JSON.parse(text) as unknown);
    const body = (context.record.body ?? {}) as Record<string, unknown>;
    const exchange: FakeExchange<O> = { ...context, body, options };
    const { signal } = exchange;
    if (options.headersDelayMs !== undefined) await sleep(options.headersDelayMs, undefined, { signal });
    if (options.hang === 'before-headers') await never(signal);
    const route = spec.routes[`${exchange.record.method} ${exchange.record.path}`];
    const failure = queued.shift() ?? options.failAlways ?? spec.authenticate(exchange);
    const problem = failure ?? (route === undefined ? { status: 404 } : undefined);
    if (problem !== undefined) {
      answerFailure(spec, exchange, problem);
      return;
    }
    await route?.(exchange);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    configure(next) {
      options = { ...options, ...next };
      queued.push(...(next.failures ?? []));
    },
    failNext(...failures) {
      queued.push(...failures);
    },
    clientAborted(index = requests.length - 1) {
      const record = requests[index];
      if (record === undefined) return Promise.reject(new Error(`no request #${index}`));
      if (record.abortedAt !== undefined) return Promise.resolve(record);
      return new Promise((resolve) => {
        const wake = (): void => {
          resolve(record);
        };
        abortWaiters.set(record, [...(abortWaiters.get(record) ?? []), wake]);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
