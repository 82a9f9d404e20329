// The endpoint's gate and HTTP hardening against a real runtime: API keys (missing, wrong, another
// tenant's, revoked), RFC 9728 metadata, Origin and Host validation, content types, body size,
// malformed JSON-RPC, unsupported protocol versions, sessions bound to their key.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestRuntime, type TestRuntime } from '../support/runtime-fixture.ts';
import { eventually, initializeBody, post, rpcHeaders } from '../support/http.ts';

let a: TestRuntime;
let b: TestRuntime;

beforeAll(async () => {
  [a, b] = await Promise.all([
    startTestRuntime({ flags: { 'body-limit': '65536', 'allowed-origins': 'https://app.example.com' } }),
    startTestRuntime(),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
}, 30_000);

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { code?: string | number } };
  return typeof body.error?.code === 'string' ? body.error.code : undefined;
}

describe('API keys', () => {
  it('answers 401 with a Bearer challenge that points at the RFC 9728 metadata', async () => {
    const response = await post(a.mcpUrl, initializeBody(), rpcHeaders(undefined));
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
    expect(metadataUrl).toBeDefined();
    const metadata = (await (await fetch(metadataUrl ?? '')).json()) as Record<string, unknown>;
    expect(metadata['resource']).toBe(a.mcpUrl.href);
    expect(metadata['bearer_methods_supported']).toEqual(['header']);
    expect(await errorCode(response)).toBe('LMO_UNAUTHENTICATED');
  });

  it('refuses a malformed key, a wrong secret and another tenant key alike', async () => {
    const wrongSecret = `${a.key.slice(0, -4)}AAAA`;
    for (const key of ['not-a-key', wrongSecret, b.key]) {
      const response = await post(a.mcpUrl, initializeBody(), rpcHeaders(key));
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(text).not.toContain(key);
    }
  });

  it('stops accepting a revoked key within seconds, without a restart', async () => {
    const extra = await a.tenant.createKey();
    await eventually(
      'the new key to work',
      async () => (await post(a.mcpUrl, initializeBody(), rpcHeaders(extra.key))).ok,
    );
    await a.tenant.revokeKey(extra.keyId);
    const revokedAt = Date.now();
    await eventually(
      'the revoked key to be refused',
      async () => (await post(a.mcpUrl, initializeBody(), rpcHeaders(extra.key))).status === 401,
      5000,
    );
    expect(Date.now() - revokedAt).toBeLessThan(5000);
  });

  it('binds a 2025 session to the key that opened it', async () => {
    const opened = await post(a.mcpUrl, initializeBody(), rpcHeaders(a.key));
    const session = opened.headers.get('mcp-session-id') ?? '';
    expect(session).not.toBe('');
    const other = await a.tenant.createKey();
    await eventually(
      'the second key',
      async () => (await post(a.mcpUrl, initializeBody(), rpcHeaders(other.key))).ok,
    );
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };
    const stolen = await post(
      a.mcpUrl,
      list,
      rpcHeaders(other.key, { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' }),
    );
    expect(stolen.status).toBe(404);
    const own = await post(
      a.mcpUrl,
      list,
      rpcHeaders(a.key, { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' }),
    );
    expect(own.status).toBe(200);
  });
});

describe('Origin and Host', () => {
  it('answers 403 to a browser origin that is not allowed, and serves an allowed one', async () => {
    const bad = await post(a.mcpUrl, initializeBody(), rpcHeaders(a.key, { origin: 'https://evil.example' }));
    expect(bad.status).toBe(403);
    expect(await errorCode(bad)).toBe('LMO_ORIGIN_FORBIDDEN');
    const good = await post(
      a.mcpUrl,
      initializeBody(),
      rpcHeaders(a.key, { origin: 'https://app.example.com' }),
    );
    expect(good.status).toBe(200);
  });

  it('answers 403 to a Host that does not name the endpoint (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        a.mcpUrl,
        { method: 'POST', headers: { ...rpcHeaders(a.key), host: 'attacker.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(initializeBody()));
    });
    expect(status).toBe(403);
  });
});

describe('malformed requests', () => {
  it('refuses a body that is not JSON', async () => {
    const response = await post(a.mcpUrl, '{"jsonrpc": "2.0", ', rpcHeaders(a.key));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('LMO_BAD_REQUEST');
  });

  it('refuses a wrong content type with 415', async () => {
    const response = await post(a.mcpUrl, 'hello', rpcHeaders(a.key, { 'content-type': 'text/plain' }));
    expect(response.status).toBe(415);
    expect(await errorCode(response)).toBe('LMO_UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an oversized body with 413', async () => {
    const big = { ...initializeBody(), padding: 'x'.repeat(70_000) };
    const response = await post(a.mcpUrl, big, rpcHeaders(a.key));
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('LMO_PAYLOAD_TOO_LARGE');
  });

  it('answers a JSON body that is not JSON-RPC with a JSON-RPC error', async () => {
    const response = await post(a.mcpUrl, { hello: 'world' }, rpcHeaders(a.key));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error?: { code?: number } };
    expect(typeof body.error?.code).toBe('number');
  });

  it('refuses an unsupported MCP-Protocol-Version within a session', async () => {
    const opened = await post(a.mcpUrl, initializeBody(), rpcHeaders(a.key));
    const session = opened.headers.get('mcp-session-id') ?? '';
    const response = await post(
      a.mcpUrl,
      { jsonrpc: '2.0', id: 3, method: 'tools/list' },
      rpcHeaders(a.key, { 'mcp-protocol-version': '1999-01-01', 'mcp-session-id': session }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/protocol version/i);
  });

  it('answers an unknown route with LMO_NOT_FOUND', async () => {
    const response = await fetch(new URL('nope', a.base), { headers: { authorization: `Bearer ${a.key}` } });
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('LMO_NOT_FOUND');
  });
});
