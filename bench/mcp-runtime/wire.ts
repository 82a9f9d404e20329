// The requests the benchmark sends, byte for byte what real clients send: the REST API's JSON,
// a 2026-07-28 MCP `tools/call` exactly as the v2 client (`@modelcontextprotocol/client` pinned
// to 2026-07-28) sends it — captured from a real client: the `Mcp-Method`/`Mcp-Name` headers and
// the per-request `_meta` envelope, no session — and the provider's chat-completions request.
import type { LoadRequest, ResponseCheck } from './load-generator.ts';

/** The modern MCP revision, stateless. */
export const MODERN_REVISION = '2026-07-28';

/** The model name in the bench tenant's configuration. */
export const BENCH_MODEL = 'bench-model';

/** Tuning of one call (the REST body's and the `ask` tool's optional fields). */
export interface Tuning {
  readonly temperature?: number;
}

const json = { 'content-type': 'application/json' } as const;
const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

/** `POST <path>v1/query` with a prompt. */
export function restQuery(path: string, key: string, prompt: string, tuning: Tuning = {}): LoadRequest {
  return {
    path: `${path}v1/query`,
    headers: { ...json, ...bearer(key) },
    body: JSON.stringify({ prompt, ...tuning }),
  };
}

/** `POST <path>v1/stream` with a prompt. */
export function restStream(path: string, key: string, prompt: string, tuning: Tuning = {}): LoadRequest {
  return {
    path: `${path}v1/stream`,
    headers: { ...json, ...bearer(key) },
    body: JSON.stringify({ prompt, ...tuning }),
  };
}

/** The headers the v2 client sends with a 2026-07-28 request. */
export function modernHeaders(method: string, name?: string): Record<string, string> {
  return {
    'mcp-protocol-version': MODERN_REVISION,
    'mcp-method': method,
    ...(name === undefined ? {} : { 'mcp-name': name }),
    ...json,
    accept: 'application/json, text/event-stream',
  };
}

/** Where an MCP request goes: the MCP path (`/t/<tenant>/mcp`, or `/mcp`) and the API key, if any. */
export interface McpTarget {
  readonly path: string;
  readonly key?: string;
}

/** A 2026-07-28 `tools/call` of `ask`. */
export function mcpAsk(target: McpTarget, id: number, prompt: string, tuning: Tuning = {}): LoadRequest {
  const body = {
    method: 'tools/call',
    params: {
      name: 'ask',
      arguments: { prompt, ...tuning },
      _meta: {
        'io.modelcontextprotocol/protocolVersion': MODERN_REVISION,
        'io.modelcontextprotocol/clientInfo': { name: 'lmo-bench', version: '1.0.0' },
        'io.modelcontextprotocol/clientCapabilities': {},
      },
    },
    jsonrpc: '2.0',
    id,
  };
  const auth = target.key === undefined ? {} : bearer(target.key);
  return {
    path: target.path,
    headers: { ...modernHeaders('tools/call', 'ask'), ...auth },
    body: JSON.stringify(body),
  };
}

/** The chat-completions request the runtime sends the provider for one prompt (same fields). */
export function providerChat(
  prompt: string,
  options: { stream?: boolean; temperature?: number } = {},
): LoadRequest {
  const stream = options.stream === true ? { stream: true, stream_options: { include_usage: true } } : {};
  const body = {
    model: BENCH_MODEL,
    messages: [{ role: 'user', content: prompt }],
    temperature: options.temperature ?? 0.7,
    max_tokens: 1024,
    ...stream,
  };
  return { path: '/v1/chat/completions', headers: json, body: JSON.stringify(body) };
}

/** A REST answer with an `answer` field. */
export const restAnswered: ResponseCheck = (status, body) => status === 200 && body.includes('"answer"');

/** A JSON-RPC result that is not a tool error. */
export const mcpAnswered: ResponseCheck = (status, body) =>
  status === 200 && body.includes('"result"') && !body.includes('"isError":true');

/** A chat completion. */
export const providerAnswered: ResponseCheck = (status, body) => status === 200 && body.includes('"choices"');

/** A REST answer served from the cache. */
export const restCached: ResponseCheck = (status, body) => status === 200 && body.includes('"cached":true');
