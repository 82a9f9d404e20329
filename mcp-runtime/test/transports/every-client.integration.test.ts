// Every transport and protocol revision against one real runtime: the v2 client pinned to
// 2026-07-28, in auto and legacy modes; the v1 client on 2025-11-25 and 2025-06-18; the 2024-11-05
// HTTP+SSE transport; WebSocket; stdio.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Client,
  StreamableHTTPClientTransport,
  type VersionNegotiationMode,
} from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport as V1StreamableTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport as V1Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage as V1Message } from '@modelcontextprotocol/sdk/types.js';
import { startTestRuntime, type TestRuntime } from '../support/runtime-fixture.ts';
import { WsClientTransport } from '../support/ws-client-transport.ts';

const SPEC = {
  promptTemplates: [
    {
      name: 'summarize',
      description: 'Summarize a text',
      template: 'Summarize this in {{style}} style: {{text}}',
      arguments: [
        { name: 'text', required: true },
        { name: 'style', required: false },
      ],
    },
  ],
};

let rt: TestRuntime;
const auth = (): Record<string, string> => ({ authorization: `Bearer ${rt.key}` });

beforeAll(async () => {
  rt = await startTestRuntime({ spec: SPEC });
}, 30_000);

afterAll(async () => {
  await rt.stop();
}, 30_000);

function textOf(result: unknown): string {
  const content = (result as { content?: unknown }).content as { type: string; text?: string }[] | undefined;
  return content?.map((c) => c.text ?? '').join('') ?? '';
}

/** Rewrites the initialize request's version, as a 2025-06-18 client sends it. */
function pinVersion(inner: V1Transport, version: string): V1Transport {
  const send = inner.send.bind(inner);
  inner.send = (message: V1Message, options) => {
    const m = message as { method?: string; params?: { protocolVersion?: string } };
    if (m.method === 'initialize' && m.params) m.params.protocolVersion = version;
    return send(message, options);
  };
  return inner;
}

describe('the v2 client over Streamable HTTP', () => {
  it.each<[string, VersionNegotiationMode]>([
    ['pinned to 2026-07-28', { pin: '2026-07-28' }],
    ['in auto mode', 'auto'],
    ['in legacy mode', 'legacy'],
  ])('lists the tools and calls ask (%s)', async (_label, mode) => {
    const client = new Client({ name: 'test', version: '1.0.0' }, { versionNegotiation: { mode } });
    await client.connect(new StreamableHTTPClientTransport(rt.mcpUrl, { requestInit: { headers: auth() } }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        'ask',
        'chat',
        'embed',
        'prompt_summarize',
        'search_knowledge',
      ]);
      const result = await client.callTool({ name: 'ask', arguments: { prompt: 'hello over v2' } });
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toContain('hello over v2');
      expect(textOf(result).toLowerCase()).toContain('echo');
    } finally {
      await client.close();
    }
  });
});

describe('the v1 client (@modelcontextprotocol/sdk)', () => {
  it.each(['2025-11-25', '2025-06-18'])(
    'negotiates %s over Streamable HTTP and calls tools',
    async (version) => {
      const client = new V1Client({ name: 'v1', version: '1.0.0' });
      const transport = new V1StreamableTransport(rt.mcpUrl, { requestInit: { headers: auth() } });
      await client.connect(pinVersion(transport, version));
      try {
        expect(transport.protocolVersion).toBe(version);
        expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
        const result = await client.callTool({ name: 'ask', arguments: { prompt: `v1 ${version}` } });
        expect(textOf(result)).toContain(`v1 ${version}`);
        const prompt = await client.getPrompt({
          name: 'summarize',
          arguments: { text: 'abc', style: 'terse' },
        });
        expect(JSON.stringify(prompt.messages)).toContain('Summarize this in terse style: abc');
      } finally {
        await transport.terminateSession();
        await client.close();
      }
    },
  );

  it('uses the 2024-11-05 HTTP+SSE transport', async () => {
    const client = new V1Client({ name: 'old', version: '1.0.0' });
    // The deprecated transport is the point: old clients still use it.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const transport = new SSEClientTransport(new URL('sse', rt.base), {
      requestInit: { headers: auth() },
      eventSourceInit: {
        fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...auth() } }),
      },
    });
    await client.connect(pinVersion(transport, '2024-11-05'));
    try {
      const result = await client.callTool({ name: 'ask', arguments: { prompt: 'over sse' } });
      expect(textOf(result)).toContain('over sse');
    } finally {
      await client.close();
    }
  });
});

describe('compatibility transports', () => {
  it('serves MCP over WebSocket, one message per text frame', async () => {
    const client = new Client({ name: 'ws', version: '1.0.0' });
    const url = `${rt.base.replace('http:', 'ws:')}ws`;
    await client.connect(new WsClientTransport(url, auth()));
    try {
      const result = await client.callTool({ name: 'ask', arguments: { prompt: 'over websocket' } });
      expect(textOf(result)).toContain('over websocket');
    } finally {
      await client.close();
    }
  });

  it('refuses a WebSocket upgrade without a key', async () => {
    const url = `${rt.base.replace('http:', 'ws:')}ws`;
    await expect(new WsClientTransport(url, {}).start()).rejects.toThrow('401');
  });

  it('serves one tenant over stdio', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['mcp-runtime/src/main.ts', '--stdio', '--config', rt.tenant.dir, '--log-level', 'silent'],
      stderr: 'pipe',
    });
    const client = new Client({ name: 'stdio', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name)).toEqual(['summarize']);
      const result = await client.callTool({ name: 'ask', arguments: { prompt: 'over stdio' } });
      expect(textOf(result)).toContain('over stdio');
    } finally {
      await client.close();
    }
  }, 30_000);
});
