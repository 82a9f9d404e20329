/**
 * Ready-to-copy snippets for a tenant's endpoint: an MCP client configuration (the same shape
 * `make dev` prints, `api/src/dev/dev-banner.ts`), `curl` of the REST query, the TypeScript MCP SDK
 * (v2, `@modelcontextprotocol/client`) and the official Python `mcp` SDK, each calling `ask`. Pure.
 */

/** What goes where the key would be when none is chosen. */
export const KEY_PLACEHOLDER = '<your API key>';

/** What every snippet needs. */
export interface SnippetInput {
  readonly tenant: string;
  /** The MCP endpoint, `https://…/t/<tenant>/mcp`. */
  readonly mcpUrl: string;
  /** The REST query URL, `https://…/t/<tenant>/v1/query`. */
  readonly queryUrl: string;
  /** The API key, or {@link KEY_PLACEHOLDER}. */
  readonly apiKey: string;
}

/** One tab of snippets. */
export interface Snippet {
  readonly id: 'mcp' | 'curl' | 'typescript' | 'python';
  readonly label: string;
  /** One sentence: where it goes, what it needs. */
  readonly intro: string;
  /** An install command to run first, if any. */
  readonly install?: string;
  readonly code: string;
}

/** An MCP client configuration (the `mcpServers` form most clients read): Streamable HTTP with the key. */
export function mcpClientConfig({ tenant, mcpUrl, apiKey }: SnippetInput): string {
  const config = {
    mcpServers: {
      [`lmo-${tenant}`]: { type: 'http', url: mcpUrl, headers: { Authorization: `Bearer ${apiKey}` } },
    },
  };
  return JSON.stringify(config, null, 2);
}

/** A text safe inside single quotes in a POSIX shell. */
const shellQuoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** `curl` of `POST /t/<tenant>/v1/query`, one flag per line. */
export function curlCommand({ queryUrl, apiKey }: SnippetInput): string {
  return [
    `curl -sS ${shellQuoted(queryUrl)} \\`,
    `  -H ${shellQuoted(`Authorization: Bearer ${apiKey}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"prompt":"Say hello"}'`,
  ].join('\n');
}

/** The TypeScript MCP SDK (v2) over Streamable HTTP, calling `ask`. */
export function typescriptClient({ mcpUrl, apiKey }: SnippetInput): string {
  return [
    `import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';`,
    '',
    `const client = new Client({ name: 'my-app', version: '1.0.0' });`,
    `const transport = new StreamableHTTPClientTransport(new URL(${JSON.stringify(mcpUrl)}), {`,
    `  requestInit: { headers: { Authorization: ${JSON.stringify(`Bearer ${apiKey}`)} } },`,
    '});',
    'await client.connect(transport);',
    '',
    `const result = await client.callTool({ name: 'ask', arguments: { prompt: 'Say hello' } });`,
    'for (const part of result.content) {',
    `  if (part.type === 'text') console.log(part.text);`,
    '}',
    'await client.close();',
  ].join('\n');
}

/** The official Python `mcp` SDK's Streamable HTTP client, calling `ask`. */
export function pythonClient({ mcpUrl, apiKey }: SnippetInput): string {
  return [
    'import asyncio',
    '',
    'import httpx',
    'from mcp import ClientSession',
    'from mcp.client.streamable_http import streamable_http_client',
    '',
    `URL = ${JSON.stringify(mcpUrl)}`,
    `API_KEY = ${JSON.stringify(apiKey)}`,
    '',
    '',
    'async def main() -> None:',
    '    headers = {"Authorization": f"Bearer {API_KEY}"}',
    '    async with httpx.AsyncClient(headers=headers, timeout=60) as http:',
    '        async with streamable_http_client(URL, http_client=http) as (read, write, _):',
    '            async with ClientSession(read, write) as session:',
    '                await session.initialize()',
    '                result = await session.call_tool("ask", {"prompt": "Say hello"})',
    '                for part in result.content:',
    '                    if part.type == "text":',
    '                        print(part.text)',
    '',
    '',
    'asyncio.run(main())',
  ].join('\n');
}

/** Every snippet for `input`, in tab order. */
export function snippetsFor(input: SnippetInput): readonly Snippet[] {
  return [
    {
      id: 'mcp',
      label: 'MCP client',
      intro:
        'Paste into your MCP client’s configuration (Claude Desktop, Cursor, VS Code and most others read this form). The transport is Streamable HTTP.',
      code: mcpClientConfig(input),
    },
    {
      id: 'curl',
      label: 'curl',
      intro:
        'The REST endpoint, for apps that do not speak MCP. It answers JSON: { "answer", "model", "usage": { "tokensIn", "tokensOut" }, "cached", "finishReason", "requestId" }.',
      code: curlCommand(input),
    },
    {
      id: 'typescript',
      label: 'TypeScript',
      intro: 'The official MCP TypeScript SDK (v2), in an ES module on Node.js 20 or later.',
      install: 'npm install @modelcontextprotocol/client',
      code: typescriptClient(input),
    },
    {
      id: 'python',
      label: 'Python',
      intro: 'The official MCP Python SDK (version 1.24 or later), with httpx.',
      install: 'pip install "mcp>=1.24" httpx',
      code: pythonClient(input),
    },
  ];
}
