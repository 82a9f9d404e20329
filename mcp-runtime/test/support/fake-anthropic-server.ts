/**
 * A fake Anthropic Messages API on 127.0.0.1 speaking the real wire format, for the providers'
 * tests, the runtime's integration tests and benchmarks:
 *
 * - `POST /v1/messages` (needs `anthropic-version`; the key as `Authorization: Bearer`, which SDK
 *   1.x sends, or as `x-api-key`): a `message` object, or with `stream: true` the
 *   SSE events `message_start` (input usage), `content_block_start`, `ping`, one
 *   `content_block_delta`/`text_delta` per word, `content_block_stop`, `message_delta` (stop reason,
 *   output usage) and `message_stop`. `max_tokens` cuts the answer (one token per word) with
 *   `stop_reason: "max_tokens"`. The `system` prompt reaches `reply` functions as a first message
 *   with role `system`.
 * - Errors as `{ type: "error", error: { type, message }, request_id }` with Anthropic's error
 *   types (401 `authentication_error`, 429 `rate_limit_error`, 500 `api_error`, 529
 *   `overloaded_error`, ...); a broken stream ends with an `error` event.
 */
import {
  fakeInputTokens,
  fakePieces,
  fakeReply,
  fakeText,
  sendJson,
  sendSse,
  startFakeProviderServer,
  type FakeExchange,
  type FakeFailure,
  type FakeMessage,
  type FakeProviderServer,
  type FakeServerOptions,
  type FakeSseEvent,
} from './fake-provider-server.ts';

export type { FakeFailure, FakeMessage, FakeRequest, FakeServerOptions } from './fake-provider-server.ts';

/** A running fake Anthropic server; `url` is the base URL to give the SDK. */
export interface FakeAnthropicServer extends FakeProviderServer {
  readonly url: string;
}

/** The answer when no `reply` knob is set. */
export const FAKE_ANTHROPIC_REPLY = 'Hello from the fake Anthropic server.';

const ERRORS: Readonly<Record<number, { type: string; message: string }>> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: {
    type: 'permission_error',
    message: 'Your API key does not have permission to use the specified resource.',
  },
  404: { type: 'not_found_error', message: 'The requested resource could not be found.' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'Number of requests has exceeded your per-minute rate limit.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

function errorOf(failure: FakeFailure): { type: string; message: string } {
  return ERRORS[failure.status] ?? { type: 'api_error', message: 'Unexpected error.' };
}

function messagesOf(body: Record<string, unknown>): FakeMessage[] {
  const system = fakeText(body['system']);
  const messages = Array.isArray(body['messages']) ? (body['messages'] as Record<string, unknown>[]) : [];
  return [
    ...(system === '' ? [] : [{ role: 'system', content: system }]),
    ...messages.map((message) => ({ role: String(message['role']), content: fakeText(message['content']) })),
  ];
}

const frame = (type: string, data: Record<string, unknown>): string =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

async function createMessage(exchange: FakeExchange): Promise<void> {
  const messages = messagesOf(exchange.body);
  const all = fakePieces(fakeReply(exchange.options, messages, FAKE_ANTHROPIC_REPLY));
  const pieces = all.slice(0, Number(exchange.body['max_tokens'] ?? Infinity));
  const stopReason = pieces.length < all.length ? 'max_tokens' : 'end_turn';
  const input = exchange.options.usage?.input ?? fakeInputTokens(messages);
  const output = exchange.options.usage?.output ?? pieces.length;
  const usage = (outputTokens: number): Record<string, unknown> => ({
    input_tokens: input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    service_tier: 'standard',
  });
  const message = {
    id: `msg_${exchange.requestId}`,
    type: 'message',
    role: 'assistant',
    model: exchange.body['model'],
    stop_sequence: null,
  };
  if (exchange.body['stream'] !== true) {
    sendJson(exchange, 200, {
      ...message,
      content: [{ type: 'text', text: pieces.join('') }],
      stop_reason: stopReason,
      usage: usage(output),
    });
    return;
  }
  const events: FakeSseEvent[] = [
    {
      frame: frame('message_start', {
        message: { ...message, content: [], stop_reason: null, usage: usage(1) },
      }),
    },
    { frame: frame('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }) },
    { frame: frame('ping', {}) },
    ...pieces.map((text) => ({
      frame: frame('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
      text: true,
    })),
    { frame: frame('content_block_stop', { index: 0 }) },
    {
      frame: frame('message_delta', {
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: output },
      }),
    },
    { frame: frame('message_stop', {}) },
  ];
  await sendSse(exchange, events, (failure) => frame('error', { error: errorOf(failure) }));
}

/**
 * Starts a fake Anthropic server on 127.0.0.1, port 0. Give `server.url` to the SDK as `baseURL`;
 * `server.requests` tells what arrived (with the key seen) and whether the client
 * went away early.
 */
export async function startFakeAnthropicServer(
  options: FakeServerOptions = {},
): Promise<FakeAnthropicServer> {
  const server = await startFakeProviderServer(
    {
      routes: { 'POST /v1/messages': createMessage },
      authenticate: (exchange) => {
        if (exchange.record.headers['anthropic-version'] === undefined) return { status: 400 };
        const expected = exchange.options.apiKey;
        return expected === undefined || exchange.record.key === expected ? undefined : { status: 401 };
      },
      errorResponse: (failure, exchange) => ({
        body: { type: 'error', error: errorOf(failure), request_id: exchange.requestId },
      }),
    },
    options,
  );
  return Object.assign(server, { url: server.origin });
}
