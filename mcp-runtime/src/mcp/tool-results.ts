/**
 * How failures leave an MCP tool: errors the model can act on (a provider hiccup, bad tool input)
 * become `isError` results with a hint; everything else (limits, quota, auth, internal) becomes a
 * JSON-RPC error with the catalogue's code, which clients surface to the user.
 */
import { ERROR_CATALOGUE, toLmoError } from '@lmo/contracts';
import { ProtocolError, type CallToolResult } from '@modelcontextprotocol/server';

/** Turns a failure inside a tool into a tool result, or rethrows it as a protocol error. */
export function toolFailure(error: unknown): CallToolResult {
  const lmo = toLmoError(error);
  if (ERROR_CATALOGUE[lmo.code].mcp === 'tool-error') {
    const result = lmo.toToolResult();
    return { isError: true, content: [...result.content] };
  }
  const rpc = lmo.toJsonRpc();
  throw new ProtocolError(rpc.code, rpc.message, rpc.data);
}

/** A plain text result with structured content. */
export function textResult(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}
