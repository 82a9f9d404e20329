import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { AnthropicProvider } from '../../src/providers/anthropic-provider.ts';
import { createProvider, type ProviderSettings } from '../../src/providers/create-provider.ts';
import { EchoProvider } from '../../src/providers/echo-provider.ts';
import type { CompletionRequest } from '../../src/providers/llm-provider.ts';
import { OpenAiProvider } from '../../src/providers/openai-provider.ts';
import type { HostLookup } from '../../src/providers/provider-url-guard.ts';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../support/fake-anthropic-server.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { lmoFailure } from './provider-test-support.ts';

const KEY = 'sk-tenant-key-from-the-secret';

const chat: CompletionRequest = {
  model: 'some-model',
  messages: [{ role: 'user', content: 'Hello' }],
  temperature: 0,
  maxTokens: 50,
};

function settings(overrides: Partial<ProviderSettings>): ProviderSettings {
  return { provider: 'echo', timeoutMs: 5_000, maxRetries: 0, allowPrivateNetworks: false, ...overrides };
}

let openai: FakeOpenAiServer;
let anthropic: FakeAnthropicServer;

beforeEach(async () => {
  openai = await startFakeOpenAiServer({ apiKey: KEY });
  anthropic = await startFakeAnthropicServer({ apiKey: KEY });
});

afterEach(async () => {
  await openai.close();
  await anthropic.close();
});

describe('createProvider', () => {
  it('builds the echo provider without credentials or network', async () => {
    const provider = await createProvider(settings({ provider: 'echo' }));

    expect(provider).toBeInstanceOf(EchoProvider);
    expect((await provider.complete({ ...chat, model: 'echo-1' })).text).toBe('Echo (echo-1): Hello');
  });

  it('builds the official providers with their public default URLs', async () => {
    const fromOpenAi = await createProvider(settings({ provider: 'openai', apiKey: KEY }));
    const fromAnthropic = await createProvider(settings({ provider: 'anthropic', apiKey: KEY }));

    expect(fromOpenAi).toBeInstanceOf(OpenAiProvider);
    expect(fromOpenAi.name).toBe('openai');
    expect(fromAnthropic).toBeInstanceOf(AnthropicProvider);
  });

  it.each(['openai', 'anthropic'] as const)('refuses %s without a key', async (provider) => {
    for (const apiKey of [undefined, '', '  \n']) {
      const error = await lmoFailure(createProvider(settings({ provider, apiKey })));
      expect(error.code).toBe('LMO_PROVIDER_CREDENTIALS_INVALID');
      expect(error.message).toBe(
        `The ${provider} provider needs an API key: the tenant's provider Secret has none`,
      );
    }
  });

  it('refuses openai-compatible without a base URL', async () => {
    const error = await lmoFailure(createProvider(settings({ provider: 'openai-compatible' })));

    expect(error.code).toBe('LMO_PROVIDER_REJECTED');
  });

  it('refuses a loopback base URL unless private networks are allowed', async () => {
    const forbidden = await lmoFailure(
      createProvider(settings({ provider: 'openai-compatible', baseUrl: openai.url })),
    );
    const proxied = await lmoFailure(
      createProvider(settings({ provider: 'openai', apiKey: KEY, baseUrl: openai.url })),
    );

    expect(forbidden.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(proxied.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(openai.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const lookup: HostLookup = () => Promise.resolve(['10.20.30.40']);

    const error = await lmoFailure(
      createProvider(
        settings({ provider: 'openai-compatible', baseUrl: 'https://llm.internal.example/v1' }),
        {
          lookup,
        },
      ),
    );

    expect(error.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(error.details).toEqual({ host: 'llm.internal.example', range: 'private' });
  });

  it('serves openai-compatible on a private network when allowed, with the trimmed tenant key', async () => {
    const provider = await createProvider(
      settings({
        provider: 'openai-compatible',
        baseUrl: openai.url,
        apiKey: `${KEY}\n`,
        allowPrivateNetworks: true,
      }),
    );

    const completion = await provider.complete(chat);

    expect(provider.name).toBe('openai-compatible');
    expect(completion.text).toBe('Hello from the fake OpenAI server.');
    expect(openai.requests[0]?.authorization).toBe(`Bearer ${KEY}`);
  });

  it('points openai and anthropic at an explicit base URL (a proxy) with the tenant key', async () => {
    const viaOpenAi = await createProvider(
      settings({ provider: 'openai', apiKey: KEY, baseUrl: openai.url, allowPrivateNetworks: true }),
    );
    const viaAnthropic = await createProvider(
      settings({ provider: 'anthropic', apiKey: KEY, baseUrl: anthropic.url, allowPrivateNetworks: true }),
    );

    await viaOpenAi.complete(chat, () => undefined);
    await viaAnthropic.complete(chat, () => undefined);

    expect(openai.requests[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(anthropic.requests[0]?.key).toBe(KEY);
  });

  it('refuses at connect time a name that resolved to a public address first (DNS rebinding)', async () => {
    const answers = [['93.184.215.14'], ['127.0.0.1']];
    const lookup: HostLookup = () => Promise.resolve(answers.shift() ?? ['127.0.0.1']);
    const port = new URL(openai.url).port;
    const provider = await createProvider(
      settings({ provider: 'openai-compatible', baseUrl: `http://llm.rebinding.example:${port}/v1` }),
      { lookup },
    );

    const error = await lmoFailure(provider.complete(chat));

    expect(error.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(error.details).toEqual({ host: 'llm.rebinding.example', range: 'loopback' });
    expect(openai.requests).toHaveLength(0);
  });
});

describe('providers and redirects', () => {
  let redirector: Server;

  beforeEach(async () => {
    redirector = createServer((_req, res) => {
      res.writeHead(307, { location: `${openai.url}/chat/completions` }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    redirector.closeAllConnections();
    await new Promise((resolve) => redirector.close(resolve));
  });

  it('does not follow a redirect, which could lead past the URL guard', async () => {
    const { port } = redirector.address() as AddressInfo;
    const provider = await createProvider(
      settings({
        provider: 'openai-compatible',
        baseUrl: `http://127.0.0.1:${port}/v1`,
        allowPrivateNetworks: true,
      }),
    );

    const error = await lmoFailure(provider.complete(chat));

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(openai.requests).toHaveLength(0);
  });
});
