/**
 * A fake OpenAI API on 127.0.0.1 speaking the real wire format, for the providers' tests, the
 * runtime's integration tests and benchmarks:
 *
 * - `POST /v1/chat/completions`: a `chat.completion` object, or with `stream: true` an SSE stream of
 *   `chat.completion.chunk` objects (role chunk, one chunk per word, a chunk with `finish_reason`,
 *   with `stream_options.include_usage` a last chunk with empty `choices` and the usage, and
 *   `usage: null` on the others), ended by `data: [DONE]`. `max_completion_tokens`/`max_tokens`
 *   cut the answer (one token per word) with `finish_reason: "length"`.
 * - `POST /v1/embeddings`: `echoEmbedding` vectors (1536 dimensions unless `dimensions` or the
 *   `embeddingDimensions` knob say otherwise), as floats or base64 float32 (`encoding_format`).
 * - Errors as `{ error: { message, type, param, code } }` with OpenAI's types and codes. The 401
 *   message quotes the key it got, unmasked (OpenAI masks the middle): stricter for tests that
 *   check that no key leaks into LMO's errors.
 */
import { echoEmbedding } from '@lmo/contracts';
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

/** Knobs of the fake OpenAI server. */
export interface FakeOpenAiOptions extends FakeServerOptions {
  /** Leave usage out of answers, like some OpenAI-compatible servers. */
  readonly omitUsage?: boolean | undefined;
  /** Embedding dimensions when the request names none (default 1536, like text-embedding-3-small). */
  readonly embeddingDimensions?: number | undefined;
}

/** A running fake OpenAI server; `url` is the base URL to give the SDK (`.../v1`). */
export interface FakeOpenAiServer extends FakeProviderServer<FakeOpenAiOptions> {
  readonly url: string;
}

/** The answer when no `reply` knob is set. */
export const FAKE_OPENAI_REPLY = 'Hello from the fake OpenAI server.';

const ERRORS: Readonly<Record<number, { type: string; code: string | null; message: string }>> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: '' },
  403: {
    type: 'invalid_request_error',
    code: 'unsupported_country_region_territory',
    message: 'Country, region, or territory not supported',
  },
  404: {
    type: 'invalid_request_error',
    code: 'model_not_found',
    message: 'The model does not exist or you do not have access to it.',
  },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests. Please try again later.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  503: {
    type: 'server_error',
    code: null,
    message: 'The engine is currently overloaded, please try again later',
  },
};

function errorBody(failure: FakeFailure, exchange: FakeExchange): { error: Record<string, unknown> } {
  const known = ERRORS[failure.status] ?? { type: 'server_error', code: null, message: 'Unexpected error.' };
  const key = exchange.record.key ?? '';
  const message =
    failure.status === 401
      ? `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`
      : known.message;
  return { error: { message, type: known.type, param: null, code: known.code } };
}

function messagesOf(body: Record<string, unknown>): FakeMessage[] {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as Record<string, unknown>[]) : [];
  return messages.map((message) => ({
    role: String(message['role']),
    content: fakeText(message['content']),
  }));
}

/** The answer pieces after the max-tokens cut, the finish reason and the usage. */
function answerOf(exchange: FakeExchange): {
  pieces: string[];
  finishReason: 'stop' | 'length';
  usage: Record<string, unknown>;
} {
  const messages = messagesOf(exchange.body);
  const all = fakePieces(fakeReply(exchange.options, messages, FAKE_OPENAI_REPLY));
  const limit = Number(exchange.body['max_completion_tokens'] ?? exchange.body['max_tokens'] ?? Infinity);
  const pieces = all.slice(0, limit);
  const input = exchange.options.usage?.input ?? fakeInputTokens(messages);
  const output = exchange.options.usage?.output ?? pieces.length;
  const usage = {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  };
  return { pieces, finishReason: pieces.length < all.length ? 'length' : 'stop', usage };
}

function envelope(exchange: FakeExchange, object: string): Record<string, unknown> {
  return {
    id: `chatcmpl-${exchange.requestId}`,
    object,
    created: Math.floor(exchange.record.receivedAt / 1000),
    model: exchange.body['model'],
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

async function chatCompletions(exchange: FakeExchange, omitUsage: boolean): Promise<void> {
  const { pieces, finishReason, usage } = answerOf(exchange);
  if (exchange.body['stream'] !== true) {
    sendJson(exchange, 200, {
      ...envelope(exchange, 'chat.completion'),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: pieces.join(''), refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      ...(omitUsage ? {} : { usage }),
    });
    return;
  }
  const streamOptions = exchange.body['stream_options'] as { include_usage?: boolean } | undefined;
  const withUsage = streamOptions?.include_usage === true && !omitUsage;
  const base = envelope(exchange, 'chat.completion.chunk');
  const frame = (
    choices: unknown[],
    extra: Record<string, unknown> = withUsage ? { usage: null } : {},
  ): string => `data: ${JSON.stringify({ ...base, choices, ...extra })}\n\n`;
  const choice = (delta: Record<string, unknown>, finish: string | null = null): unknown => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finish,
  });
  const events: FakeSseEvent[] = [
    { frame: frame([choice({ role: 'assistant', content: '', refusal: null })]) },
    ...pieces.map((piece) => ({ frame: frame([choice({ content: piece })]), text: true })),
    { frame: frame([choice({}, finishReason)]) },
    ...(withUsage ? [{ frame: frame([], { usage }) }] : []),
    { frame: 'data: [DONE]\n\n' },
  ];
  await sendSse(exchange, events, (failure) => `data: ${JSON.stringify(errorBody(failure, exchange))}\n\n`);
}

function embeddings(exchange: FakeExchange, defaultDimensions: number): void {
  const { body } = exchange;
  const rawInput = body['input'];
  const inputs = (Array.isArray(rawInput) ? rawInput : [rawInput]).map((item) =>
    typeof item === 'string' ? item : JSON.stringify(item),
  );
  const dims = typeof body['dimensions'] === 'number' ? body['dimensions'] : defaultDimensions;
  const base64 = body['encoding_format'] === 'base64';
  const data = inputs.map((text, index) => {
    const vector = echoEmbedding(text, dims);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens =
    exchange.options.usage?.input ?? fakeInputTokens(inputs.map((content) => ({ role: 'user', content })));
  sendJson(exchange, 200, {
    object: 'list',
    data,
    model: body['model'],
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

/**
 * Starts a fake OpenAI server on 127.0.0.1, port 0. Give `server.url` to the SDK as `baseURL`;
 * `server.requests` tells what arrived (with the `Authorization` header seen) and whether the client
 * went away early.
 */
export async function startFakeOpenAiServer(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
  const server = await startFakeProviderServer<FakeOpenAiOptions>(
    {
      routes: {
        'POST /v1/chat/completions': (exchange) =>
          chatCompletions(exchange, exchange.options.omitUsage === true),
        'POST /v1/embeddings': (exchange) => {
          embeddings(exchange, exchange.options.embeddingDimensions ?? 1536);
          return Promise.resolve();
        },
      },
      authenticate: (exchange) => {
        const expected = exchange.options.apiKey;
        return expected === undefined || exchange.record.authorization === `Bearer ${expected}`
          ? undefined
          : { status: 401 };
      },
      errorResponse: (failure, exchange) => ({
        body: errorBody(failure, exchange),
        ...(failure.status === 429 ? { headers: { 'x-ratelimit-remaining-requests': '0' } } : {}),
      }),
    },
    options,
  );
  return Object.assign(server, { url: `${server.origin}/v1` });
}
