import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { echoEmbedding } from '@lmo/contracts';
import type { CompletionRequest } from '../../src/providers/llm-provider.ts';
import { OpenAiProvider, type OpenAiProviderOptions } from '../../src/providers/openai-provider.ts';
import { countTokens } from '../../src/providers/token-count.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { everythingVisible, lmoFailure, withEnv } from './provider-test-support.ts';

const KEY = 'sk-tenant-provider-key-4f1c2a9e7b';

let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY });
});

afterEach(async () => {
  await server.close();
});

function openai(options: Partial<OpenAiProviderOptions> = {}): OpenAiProvider {
  return new OpenAiProvider({
    name: 'openai',
    apiKey: KEY,
    baseUrl: server.url,
    timeoutMs: 5_000,
    maxRetries: 2,
    ...options,
  });
}

function chat(overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'Say hello to the team' },
    ],
    temperature: 0.2,
    maxTokens: 100,
    ...overrides,
  };
}

describe('OpenAiProvider, completions', () => {
  it('answers without streaming, with the usage OpenAI reports', async () => {
    server.configure({ reply: 'Hello, team!', usage: { input: 21, output: 4 } });

    const completion = await openai().complete(chat());

    expect(completion).toEqual({
      text: 'Hello, team!',
      model: 'gpt-4o-mini',
      usage: { tokensIn: 21, tokensOut: 4 },
      finishReason: 'stop',
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Say hello to the team' },
      ],
      temperature: 0.2,
      max_completion_tokens: 100,
    });
  });

  it('sends the tenant provider key, and nothing from the runtime environment', async () => {
    const provider = withEnv(
      { OPENAI_API_KEY: 'sk-runtime-env', OPENAI_ORG_ID: 'org-runtime', OPENAI_PROJECT_ID: 'proj-runtime' },
      () => openai(),
    );

    await provider.complete(chat());

    const [request] = server.requests;
    expect(request?.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['openai-organization']).toBeUndefined();
    expect(request?.headers['openai-project']).toBeUndefined();
  });

  it('answers with a function of the conversation', async () => {
    server.configure({ reply: (messages) => `You said: ${messages.at(-1)?.content ?? ''}` });

    const completion = await openai().complete(chat());

    expect(completion.text).toBe('You said: Say hello to the team');
  });

  it('streams deltas that add up to the answer, and gets the usage from the last chunk', async () => {
    server.configure({ reply: 'One two three four five.', usage: { input: 9, output: 5 } });
    const deltas: string[] = [];

    const completion = await openai().complete(chat(), (delta) => deltas.push(delta));

    expect(deltas.length).toBe(5);
    expect(deltas.join('')).toBe('One two three four five.');
    expect(completion).toEqual({
      text: 'One two three four five.',
      model: 'gpt-4o-mini',
      usage: { tokensIn: 9, tokensOut: 5 },
      finishReason: 'stop',
    });
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('reports finish reason "length" when max tokens cut the answer', async () => {
    server.configure({ reply: 'a b c d e f' });

    const completion = await openai().complete(chat({ maxTokens: 3 }), () => undefined);

    expect(completion.text).toBe('a b c ');
    expect(completion.finishReason).toBe('length');
  });
});

describe('OpenAiProvider, failures', () => {
  it('retries a 429 after the retry-after pause and then succeeds', async () => {
    server.failNext({ status: 429, retryAfterSeconds: 0.05 });

    const completion = await openai().complete(chat());

    expect(completion.text).toBe('Hello from the fake OpenAI server.');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('gives up on a lasting 429 with LMO_PROVIDER_RATE_LIMITED and the retry-after', async () => {
    server.configure({ failAlways: { status: 429, retryAfterSeconds: 0.01 } });

    const error = await lmoFailure(openai({ maxRetries: 1 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_RATE_LIMITED');
    expect(error.details).toMatchObject({ provider: 'openai', status: 429, retryAfterSeconds: 1 });
    expect(error.details).toMatchObject({
      providerErrorType: 'requests',
      providerErrorCode: 'rate_limit_exceeded',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('fails with LMO_PROVIDER_ERROR after retrying a lasting 500 with backoff', async () => {
    server.configure({ failAlways: { status: 500 } });

    const error = await lmoFailure(openai({ maxRetries: 2 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(error.message).toBe('The model provider failed: OpenAI answered HTTP 500');
    expect(server.requests).toHaveLength(3);
  });

  it('fails with LMO_PROVIDER_CREDENTIALS_INVALID on a 401, without retrying and without the key', async () => {
    const wrongKey = 'sk-wrong-key-do-not-leak-8d2e61';

    const error = await lmoFailure(openai({ apiKey: wrongKey }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_CREDENTIALS_INVALID');
    expect(error.details).toMatchObject({ status: 401, providerErrorCode: 'invalid_api_key' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.authorization).toBe(`Bearer ${wrongKey}`);
    // The fake quotes the key in its 401 message: the kept cause shows it was scrubbed.
    expect((error.cause as Error).message).toContain('Incorrect API key provided: [redacted]');
    expect(everythingVisible(error)).not.toContain(wrongKey);
    expect(everythingVisible(error)).not.toContain('Say hello to the team');
  });

  it('maps a 404 (unknown model) to LMO_PROVIDER_REJECTED without retrying', async () => {
    server.failNext({ status: 404 });

    const error = await lmoFailure(openai().complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_REJECTED');
    expect(error.details).toMatchObject({ providerErrorCode: 'model_not_found' });
    expect(server.requests).toHaveLength(1);
  });

  it('times out with LMO_PROVIDER_TIMEOUT when the headers are late, and drops the request', async () => {
    server.configure({ headersDelayMs: 2_000 });

    const error = await lmoFailure(openai({ timeoutMs: 100, maxRetries: 1 }).complete(chat()));

    expect(error.code).toBe('LMO_PROVIDER_TIMEOUT');
    expect(server.requests).toHaveLength(2);
    await server.clientAborted(0);
    await server.clientAborted(1);
  });

  it('times out with LMO_PROVIDER_TIMEOUT when a stream stalls, and closes it', async () => {
    server.configure({ hang: 'mid-stream' });
    const deltas: string[] = [];

    const error = await lmoFailure(
      openai({ timeoutMs: 150 }).complete(chat(), (delta) => deltas.push(delta)),
    );

    expect(error.code).toBe('LMO_PROVIDER_TIMEOUT');
    expect(deltas).toEqual(['Hello ']);
    await server.clientAborted();
  });

  it('fails with LMO_PROVIDER_ERROR when the stream carries an error, without retrying', async () => {
    server.configure({ failMidStream: { status: 500 } });

    const error = await lmoFailure(openai().complete(chat(), () => undefined));

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(server.requests).toHaveLength(1);
  });
});

describe('OpenAiProvider, cancellation', () => {
  it('stops the request when aborted mid-stream and rejects with the abort reason', async () => {
    server.configure({ chunkDelayMs: 30 });
    const controller = new AbortController();
    const reason = new Error('the MCP client went away');
    const deltas: string[] = [];

    const outcome = openai()
      .complete(chat({ signal: controller.signal }), (delta) => {
        deltas.push(delta);
        controller.abort(reason);
      })
      .catch((error: unknown) => error);

    expect(await outcome).toBe(reason);
    expect(deltas).toEqual(['Hello ']);
    const request = await server.clientAborted();
    expect(request.completed).toBe(false);
  });

  it('stops the request when aborted before the answer starts', async () => {
    server.configure({ hang: 'before-headers' });
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const before = server.requests.length;
    const outcome = openai()
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

  it('sends nothing when the signal is already aborted', async () => {
    const reason = new Error('already gone');

    await expect(openai().complete(chat({ signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('rethrows what onDelta throws, and stops the stream', async () => {
    server.configure({ chunkDelayMs: 30 });
    const failure = new Error('the transport is closed');

    const outcome = openai()
      .complete(chat(), () => {
        throw failure;
      })
      .catch((error: unknown) => error);

    expect(await outcome).toBe(failure);
    await server.clientAborted();
  });
});

describe('OpenAiProvider, embeddings', () => {
  it('embeds through OpenAI (base64 on the wire) in input order, with usage', async () => {
    const input = ['refund policy', 'shipping times to Canada'];

    const embeddings = await openai().embed({ input, model: 'text-embedding-3-small' });

    expect(embeddings.model).toBe('text-embedding-3-small');
    expect(embeddings.usage).toEqual({ tokensIn: 6, tokensOut: 0 });
    expect(embeddings.vectors).toHaveLength(2);
    embeddings.vectors.forEach((vector, i) => {
      const expected = echoEmbedding(input[i] ?? '', 1536);
      expect(vector).toHaveLength(1536);
      vector.forEach((value, d) => {
        expect(value).toBeCloseTo(expected[d] ?? NaN, 6);
      });
    });
    expect(server.requests[0]?.body).toMatchObject({ encoding_format: 'base64', input });
    expect(server.requests[0]?.authorization).toBe(`Bearer ${KEY}`);
  });

  it('uses text-embedding-3-small when no model is named', async () => {
    await openai().embed({ input: ['x'] });

    expect(server.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-small' });
  });

  it('maps embedding failures like completion failures', async () => {
    const error = await lmoFailure(openai({ apiKey: 'sk-other' }).embed({ input: ['x'] }));

    expect(error.code).toBe('LMO_PROVIDER_CREDENTIALS_INVALID');
  });
});

describe('OpenAiProvider as openai-compatible', () => {
  const compatible = (options: Partial<OpenAiProviderOptions> = {}): OpenAiProvider =>
    openai({ name: 'openai-compatible', apiKey: undefined, ...options });

  it('sends no Authorization header without a key, and max_tokens', async () => {
    server.configure({ apiKey: undefined });
    const provider = withEnv({ OPENAI_API_KEY: 'sk-runtime-env' }, () => compatible());

    const completion = await provider.complete(chat({ model: 'llama3.1:8b' }));

    expect(provider.name).toBe('openai-compatible');
    expect(completion.model).toBe('llama3.1:8b');
    expect(server.requests[0]?.authorization).toBeUndefined();
    expect(server.requests[0]?.body).toMatchObject({ max_tokens: 100 });
    expect(server.requests[0]?.body).not.toHaveProperty('max_completion_tokens');
  });

  it('estimates usage with LMO’s tokenizer when the server reports none', async () => {
    server.configure({ apiKey: undefined, omitUsage: true, reply: 'Hi, all!' });

    const streamed = await compatible().complete(chat(), () => undefined);
    const whole = await compatible().complete(chat());

    const tokensIn = countTokens('Answer briefly.') + countTokens('Say hello to the team');
    expect(streamed.usage).toEqual({ tokensIn, tokensOut: countTokens('Hi, all!') });
    expect(whole.usage).toEqual(streamed.usage);
  });

  it('embeds with float encoding and needs a model', async () => {
    server.configure({ apiKey: undefined });

    const embeddings = await compatible().embed({ input: ['local model'], model: 'nomic-embed-text' });
    const error = await lmoFailure(compatible().embed({ input: ['local model'] }));

    expect(embeddings.vectors[0]).toEqual(echoEmbedding('local model', 1536));
    expect(server.requests[0]?.body).toMatchObject({ encoding_format: 'float', model: 'nomic-embed-text' });
    expect(error.code).toBe('LMO_PROVIDER_REJECTED');
    expect(server.requests).toHaveLength(1);
  });

  it('names the compatible server in its errors', async () => {
    server.configure({ apiKey: undefined, failAlways: { status: 503 } });

    const error = await lmoFailure(compatible({ maxRetries: 0 }).complete(chat()));

    expect(error.message).toBe('The model provider failed: the OpenAI-compatible server answered HTTP 503');
    expect(error.details).toMatchObject({ provider: 'openai-compatible', status: 503 });
  });
});
