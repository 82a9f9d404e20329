// 2025-11-25 Streamable HTTP sessions as the v1 client (`@modelcontextprotocol/sdk`) opens them,
// in raw requests: `initialize` (the session id comes back in `Mcp-Session-Id`), then the
// `notifications/initialized` notification, calls carrying the session id and the negotiated
// version, and DELETE to end the session.
import type { Pool } from 'undici';

/** The session revision. */
export const SESSION_REVISION = '2025-11-25';

/** Where and as whom. */
export interface SessionTarget {
  readonly pool: Pool;
  /** The MCP path, `/t/<tenant>/mcp`. */
  readonly mcpPath: string;
  readonly key: string;
}

function headers(target: SessionTarget, sessionId?: string, body = true): Record<string, string> {
  return {
    ...(body ? { 'content-type': 'application/json' } : {}),
    accept: 'application/json, text/event-stream',
    authorization: `Bearer ${target.key}`,
    ...(sessionId === undefined
      ? {}
      : { 'mcp-session-id': sessionId, 'mcp-protocol-version': SESSION_REVISION }),
  };
}

async function post(
  target: SessionTarget,
  body: unknown,
  sessionId?: string,
): Promise<{ status: number; text: string; sessionId: string | undefined }> {
  const response = await target.pool.request({
    method: 'POST',
    path: target.mcpPath,
    headers: headers(target, sessionId),
    body: JSON.stringify(body),
  });
  const text = await response.body.text();
  const id = response.headers['mcp-session-id'];
  return { status: response.statusCode, text, sessionId: typeof id === 'string' ? id : undefined };
}

/** Opens a session; returns its id. */
export async function openSession(target: SessionTarget): Promise<string> {
  const init = await post(target, {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: {
      protocolVersion: SESSION_REVISION,
      capabilities: {},
      clientInfo: { name: 'lmo-bench', version: '1.0.0' },
    },
  });
  if (init.status !== 200 || init.sessionId === undefined)
    throw new Error(`initialize answered ${String(init.status)}: ${init.text.slice(0, 200)}`);
  const ack = await post(target, { jsonrpc: '2.0', method: 'notifications/initialized' }, init.sessionId);
  if (ack.status !== 202) throw new Error(`notifications/initialized answered ${String(ack.status)}`);
  return init.sessionId;
}

/** Calls `ask` in a session; throws unless the answer is a result that is not a tool error. */
export async function askInSession(
  target: SessionTarget,
  sessionId: string,
  id: number,
  prompt: string,
): Promise<void> {
  const answer = await post(
    target,
    { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'ask', arguments: { prompt } } },
    sessionId,
  );
  if (answer.status !== 200 || !answer.text.includes('"result"') || answer.text.includes('"isError":true')) {
    throw new Error(`tools/call answered ${String(answer.status)}: ${answer.text.slice(0, 200)}`);
  }
}

/** Ends a session (DELETE). */
export async function closeSession(target: SessionTarget, sessionId: string): Promise<void> {
  // No content-type: a DELETE has no body, and a JSON content-type without one is a 400.
  const response = await target.pool.request({
    method: 'DELETE',
    path: target.mcpPath,
    headers: headers(target, sessionId, false),
  });
  const text = await response.body.text();
  if (response.statusCode !== 200)
    throw new Error(`DELETE answered ${String(response.statusCode)}: ${text.slice(0, 200)}`);
}

/** Runs `task` for 0..count-1 with at most `limit` at a time. */
export async function inBatches<T>(
  count: number,
  limit: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
