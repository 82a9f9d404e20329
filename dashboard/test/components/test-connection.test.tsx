// The connection test and the snippets of the Connect page, as pure functions: a fake fetch and clock.
import { describe, expect, it } from '@jest/globals';
import { mcpClientConfig as devBannerConfig } from '../../../api/src/dev/dev-banner.ts';
import {
  curlCommand,
  KEY_PLACEHOLDER,
  mcpClientConfig,
  pythonClient,
  snippetsFor,
  typescriptClient,
} from '../../src/pages/tenant/connect/snippets.ts';
import {
  retryAfterText,
  testConnection,
  type ConnectionTestDeps,
} from '../../src/pages/tenant/connect/test-connection.ts';

const URL_ = 'https://lmo.example.com/t/acme/v1/query';
const KEY = 'lmo_abc123_secret';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch answering `response` (or throwing) and a clock that advances 40 ms per reading. */
function fakes(response: Response | Error): { deps: ConnectionTestDeps; sent: Sent[] } {
  const sent: Sent[] = [];
  let clock = 1000;
  return {
    sent,
    deps: {
      fetch: (url, init) => {
        sent.push({ url, init });
        return response instanceof Error ? Promise.reject(response) : Promise.resolve(response);
      },
      now: () => {
        clock += 40;
        return clock;
      },
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

const lmo = (code: string, message: string): unknown => ({ error: { code, message } });

describe('testConnection', () => {
  it('posts the prompt with the key as a Bearer token and reports the answer, tokens and latency', async () => {
    const { deps, sent } = fakes(
      json(200, {
        answer: 'Hello from echo',
        model: 'echo-1',
        usage: { tokensIn: 3, tokensOut: 9 },
        cached: false,
        finishReason: 'stop',
        requestId: 'r-1',
      }),
    );
    const result = await testConnection({ url: URL_, apiKey: ` ${KEY} `, prompt: 'Say hello' }, deps);
    expect(result).toEqual({
      ok: true,
      answer: 'Hello from echo',
      model: 'echo-1',
      tokensIn: 3,
      tokensOut: 9,
      cached: false,
      latencyMs: 40,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(URL_);
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.credentials).toBe('omit');
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe(`Bearer ${KEY}`);
    expect(new Headers(sent[0]?.init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(sent[0]?.init.body as string)).toEqual({ prompt: 'Say hello' });
  });

  it('says a 401 means a wrong or revoked key', async () => {
    const { deps } = fakes(json(401, lmo('LMO_UNAUTHENTICATED', 'A valid API key is required')));
    const result = await testConnection({ url: URL_, apiKey: KEY, prompt: 'hi' }, deps);
    expect(result).toMatchObject({ ok: false, status: 401, code: 'LMO_UNAUTHENTICATED' });
    expect(result.ok ? '' : result.advice).toContain('wrong or has been revoked');
    expect(result.ok ? '' : result.message).toBe('A valid API key is required');
  });

  it('says when to retry after a 429', async () => {
    const { deps } = fakes(json(429, lmo('LMO_RATE_LIMITED', 'Too many requests'), { 'retry-after': '7' }));
    const result = await testConnection({ url: URL_, apiKey: KEY, prompt: 'hi' }, deps);
    expect(result).toMatchObject({ ok: false, status: 429, code: 'LMO_RATE_LIMITED' });
    expect(result.ok ? '' : result.advice).toContain('Try again in 7 seconds');
  });

  it.each([
    [403, 'LMO_ORIGIN_FORBIDDEN', 'does not accept requests from this page'],
    [403, 'LMO_TENANT_SUSPENDED', 'suspended'],
    [402, 'LMO_QUOTA_EXCEEDED', 'Billing page'],
    [503, 'LMO_TENANT_NOT_READY', 'starting or restarting'],
    [500, 'LMO_INTERNAL', 'not ready or failed'],
  ])('explains HTTP %i %s', async (status, code, advice) => {
    const { deps } = fakes(json(status, lmo(code, 'refused')));
    const result = await testConnection({ url: URL_, apiKey: KEY, prompt: 'hi' }, deps);
    expect(result).toMatchObject({ ok: false, status, code });
    expect(result.ok ? '' : result.advice).toContain(advice);
  });

  it('reports a 502 without a JSON body by its status', async () => {
    const { deps } = fakes(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const result = await testConnection({ url: URL_, apiKey: KEY, prompt: 'hi' }, deps);
    expect(result).toMatchObject({ ok: false, status: 502, code: undefined });
    expect(result.ok ? '' : result.message).toBe('The endpoint answered HTTP 502 Bad Gateway.');
  });

  it('reports a network failure as status 0 without throwing', async () => {
    const { deps } = fakes(new TypeError('Failed to fetch'));
    const result = await testConnection({ url: URL_, apiKey: KEY, prompt: 'hi' }, deps);
    expect(result).toMatchObject({ ok: false, status: 0, latencyMs: 40 });
    expect(result.ok ? '' : result.message).toContain('could not be reached');
  });

  it('does not take a 200 that is not a query answer (a page served instead) for success', async () => {
    const { deps } = fakes(
      new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const result = await testConnection({ url: URL_, apiKey: KEY, prompt: 'hi' }, deps);
    expect(result).toMatchObject({ ok: false, status: 200 });
  });
});

describe('retryAfterText', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterText('1')).toBe('1 second');
    expect(retryAfterText('30')).toBe('30 seconds');
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterText('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe('5 seconds');
    expect(retryAfterText(null)).toBeUndefined();
    expect(retryAfterText('soon')).toBeUndefined();
  });
});

describe('the snippets', () => {
  const input = {
    tenant: 'acme',
    mcpUrl: 'https://lmo.example.com/t/acme/mcp',
    queryUrl: 'https://lmo.example.com/t/acme/v1/query',
    apiKey: KEY_PLACEHOLDER,
  };

  it('configure an MCP client exactly as make dev prints it', () => {
    expect(mcpClientConfig({ ...input, apiKey: KEY })).toBe(
      devBannerConfig('https://lmo.example.com', 'acme', KEY),
    );
    expect(JSON.parse(mcpClientConfig(input))).toEqual({
      mcpServers: {
        'lmo-acme': {
          type: 'http',
          url: 'https://lmo.example.com/t/acme/mcp',
          headers: { Authorization: 'Bearer <your API key>' },
        },
      },
    });
  });

  it('quote the key for the shell in curl', () => {
    const curl = curlCommand({ ...input, apiKey: "it's" });
    expect(curl).toContain(`curl -sS 'https://lmo.example.com/t/acme/v1/query'`);
    expect(curl).toContain(`-H 'Authorization: Bearer it'\\''s'`);
    expect(curl).toContain(`-d '{"prompt":"Say hello"}'`);
  });

  it('call ask from the TypeScript and Python SDKs with the key as a Bearer token', () => {
    const ts = typescriptClient(input);
    expect(ts).toContain("from '@modelcontextprotocol/client'");
    expect(ts).toContain('new StreamableHTTPClientTransport(new URL("https://lmo.example.com/t/acme/mcp")');
    expect(ts).toContain('Authorization: "Bearer <your API key>"');
    expect(ts).toContain("name: 'ask'");
    const py = pythonClient(input);
    expect(py).toContain('from mcp.client.streamable_http import streamable_http_client');
    expect(py).toContain('API_KEY = "<your API key>"');
    expect(py).toContain('session.call_tool("ask", {"prompt": "Say hello"})');
    expect(snippetsFor(input).map((s) => s.label)).toEqual(['MCP client', 'curl', 'TypeScript', 'Python']);
  });
});
