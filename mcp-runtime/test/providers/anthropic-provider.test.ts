import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AnthropicProvider,
  anthropicParams,
  type AnthropicProviderOptions,
} from '../../src/providers/anthropic-provider.ts';
import type { CompletionRequest } from '../../src/providers/llm-provider.ts';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../support/fake-anthropic-server.ts';
import { everythingVisible, lmoFailure, withEnv } from './provider-test-support.ts';

const KEY = 'sk-ant-tenant-key-71c0d3b5e2';

let server: FakeAnthropicServer;

beforeEach(async () => {
  server = await startFakeAnthropicServer({ apiKey: KEY });
});

afterEach(async () => {
  await server.close();
});

function anthropic(options: Partial<AnthropicProviderOptions> = {}): AnthropicProvider {
  return new AnthropicProvider({
    apiKey: KEY,
    baseUrl: server.url,
    timeoutMs: 5_000,
    maxRetries: 2,
    ...options,
  });
}

function chat(overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    model: 'claude-sonnet-4-5',
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'Name a colour' },
      { role: 'assistant', content: 'Blue.' },
      { role: 'user', content: 'Another one' },
    ],
    temperature: 0.7,
    maxTokens: 200,
    ...overrides,
  };
}

describe('anthropicParams', () => {
  it('moves system messages to `system` and keeps the rest in order, without temperature', () => {
    const twoSystems = chat({
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });

    expect(anthropicParams(chat())).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 200,
      system: 'Answer briefly.',
      messages: [
        { role: 'user', content: 'Name a colour' },
        { role: 'assistant', content: 'Blue.' },
        { role: 'user', content: 'Another one' },
      ],
    });
    expect(anthropicParams(twoSystems).system).toBe('Be kind.\n\nBe brief.');
    expect(anthropicParams(chat({ messages: [{ role: 'user', content: 'Hi' }] }))).not.toHaveProperty(
      'system',
    );
  });
});

describe('AnthropicProvider, completions', () => {
  it('answers without streaming, with the usage Anthropic reports', async () => {
    server.configure({ reply: 'Green.', usage: { input: 17, output: 2 } });

    const completion = await anthropic().complete(chat());

    expect(completion).toEqual({
      text: 'Green.',
      model: 'claude-sonnet-4-5',
      usage: { tokensIn: 17, tokensOut: 2 },
      finishReason: 'end_turn',
    });
    expect(server.requests[0]?.path).toBe('/v1/messages');
    expect(server.requests[0]?.body).toEqual(anthropicParams(chat()));
  });

  it('sends the tenant key, and nothing from the runtime environment', async () => {
    const provider = withEnv(
      { ANTHROPIC_API_KEY: 'sk-ant-runtime-env', ANTHROPIC_AUTH_TOKEN: 'runtime-token' },
      () => anthropic(),
    );

    await provider.complete(chat());

    const [request] = server.requests;
    expect(request?.key).toBe(KEY);
    expect(request?.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['anthropic-version']).toBeDefined();
  });

  it('hands the system prompt and the conversation to the server', async () => {
    server.configure({
      reply: (messages) => messages.map((message) => `${message.role}:${message.content}`).join(' | '),
    });

    const completion = await anthropic().complete(chat());

    expect(completion.text).toBe(
      'system:Answer briefly. | user:Name a colour | assistant:Blue. | user:Another one',
    );
  });

  it('streams deltas that add up to the answer, with usage from the stream events', async () => {
    server.configure({ reply: 'Red, orange and yellow.', usage: { input: 11, output: 6 } });
    const deltas: string[] = [];

    const completion = await anthropic().complete(chat(), (delta) => deltas.push(delta));

    expect(deltas).toEqual(['Red, ', 'orange ', 'and ', 'yellow.']);
    expect(completion).toEqual({
      text: 'Red, orange and yellow.',
      model: 'claude-sonnet-4-5',
      usage: { tokensIn: 11, tokensOut: 6 },
      finishReason: 'end_turn',
    });
    expect(server.requests[0]?.body).toMatchObject({ stream: true, system: 'Answer briefly.' });
  });

  it('reports stop reason max_tokens when max tokens cut the answer', async () => {
    server.configure({ reply: 'a b c d e' });

    const completion = await anthropic().complete(chat({ maxTokens: 2 }), () => undefined);

    expect(completion).toMatchObject({ text: 'a b ', finishReason: 'max_tokens' });
  });
});

describe('AnthropicProvider, failures', () => {
  it('retries a 429 after the retry-after pause and then succeeds', async () => {
    server.failNext({ status: 429, retryAfterSeconds: 0.05 });

    const completion = await anthropic().complete(chat());

    expect(completion.text).toBe('Hello from the fake Anthropic server.');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('retries a streamed call that got a 429 before its stream started', async () => {
    server.failNext({ status: 429, retryAfterSeconds: 0.05 });
    const deltas: string[] = [];

    const completion = await anthropic().complete(chat(), (delta) => deltas.push(delta));

    expect(deltas.join('')).toBe(completion.text);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on lasting overload (529) with LMO_PROVIDER_ERROR after the retries', async () => {
    server.configure({ failAlways: { status: 529, retryAfterSeconds: 0.01 } });

    const error = await lmoFailure(anthropic({ maxRetries: 2 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(error.details).toMatchObject({
      provider: 'anthropic',
      status: 529,
      providerErrorType: 'overloaded_error',
    });
    expect(server.requests).toHaveLength(3);
  });

  it('fails with LMO_PROVIDER_ERROR after retrying a lasting 500 with backoff', async () => {
    server.configure({ failAlways: { status: 500 } });

    const error = await lmoFailure(anthropic({ maxRetries: 1 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(error.message).toBe('The model provider failed: Anthropic answered HTTP 500');
    expect(server.requests).toHaveLength(2);
  });

  it('fails with LMO_PROVIDER_CREDENTIALS_INVALID on a 401, without retrying and without the key', async () => {
    const wrongKey = 'sk-ant-wrong-key-do-not-leak-55';

    const error = await lmoFailure(anthropic({ apiKey: wrongKey }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_CREDENTIALS_INVALID');
    expect(error.details).toMatchObject({ status: 401, providerErrorType: 'authentication_error' });
    expect(server.requests).toHaveLength(1);
    expect(everythingVisible(error)).not.toContain(wrongKey);
    expect(everythingVisible(error)).not.toContain('Name a colour');
  });

  it('maps a rate limit to LMO_PROVIDER_RATE_LIMITED with the retry-after', async () => {
    server.configure({ failAlways: { status: 429, retryAfterSeconds: 7 } });

    const error = await lmoFailure(anthropic({ maxRetries: 0 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_RATE_LIMITED');
    expect(error.details).toMatchObject({ retryAfterSeconds: 7 });
  });

  it('times out with LMO_PROVIDER_TIMEOUT when the headers are late, and drops the request', async () => {
    server.configure({ headersDelayMs: 2_000 });

    const error = await lmoFailure(anthropic({ timeoutMs: 100, maxRetries: 0 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_TIMEOUT');
    expect(server.requests).toHaveLength(1);
    await server.clientAborted();
  });

  it('times out with LMO_PROVIDER_TIMEOUT when a stream stalls, and closes it', async () => {
    server.configure({ hang: 'mid-stream' });
    const deltas: string[] = [];

    const error = await lmoFailure(
      anthropic({ timeoutMs: 150 }).complete(chat(), (delta) => deltas.push(delta)),
    );

    expect(error.code).toBe('LMO_PROVIDER_TIMEOUT');
    expect(deltas).toEqual(['Hello ']);
    await server.clientAborted();
  });

  it('fails with LMO_PROVIDER_ERROR when the stream ends with an error event', async () => {
    server.configure({ failMidStream: { status: 529 } });

    const error = await lmoFailure(anthropic().complete(chat(), () => undefined));

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(server.requests).toHaveLength(1);
  });

  it('has no embeddings', async () => {
    const error = await lmoFailure(anthropic().embed({ input: ['x'] }));

    expect(error.code).toBe('LMO_PROVIDER_REJECTED');
    expect(error.message).toContain('Anthropic has no embeddings API');
    expect(server.requests).toHaveLength(0);
  });
});

describe('AnthropicProvider, cancellation', () => {
  it('stops the request when aborted mid-stream and rejects with the abort reason', async () => {
    server.configure({ chunkDelayMs: 30 });
    const controller = new AbortController();
    const reason = new Error('the MCP client went away');

    const outcome = anthropic()
      .complete(chat({ signal: controller.signal }), () => {
        controller.abort(reason);
      })
      .catch((error: unknown) => error);

    expect(await outcome).toBe(reason);
    const request = await server.clientAborted();
    expect(request.completed).toBe(false);
  });

  it('stops the request when aborted before the answer starts', async () => {
    server.configure({ hang: 'before-headers' });
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const before = server.requests.length;
    const outcome = anthropic()
      .complete(chat({ signal: controller.signal }))
      .catch((error: unknown) => error);
    // Abort once the request has reached the server (a fixed delay races a loaded machine).
    const deadline = Date.now() + 10_000;
    while (server.requests.length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort(reason);

    expect(await outcome).toBe(reason);
    await server.clientAborted();
  });

  it('rethrows what onDelta throws, and stops the stream', async () => {
    server.configure({ chunkDelayMs: 30 });
    const failure = new Error('the transport is closed');

    const outcome = anthropic()
      .complete(chat(), () => {
        throw failure;
      })
      .catch((error: unknown) => error);

    expect(await outcome).toBe(failure);
    await server.clientAborted();
  });
});
