/**
 * Stateful Streamable HTTP sessions for 2025-11-25 and 2025-06-18 clients: `initialize` opens a
 * session (its id in `Mcp-Session-Id`), GET opens the session's server-to-client stream, DELETE ends
 * it, and SSE streams are resumable with `Last-Event-ID`. A session belongs to the API key that
 * opened it: another key presenting its id is told the session does not exist.
 */
import { randomUUID } from 'node:crypto';
import {
  WebStandardStreamableHTTPServerTransport,
  type McpHandlerRequestOptions,
  type McpServer,
} from '@modelcontextprotocol/server';
import { SessionEventStore } from './session-event-store.ts';

interface Session {
  readonly transport: WebStandardStreamableHTTPServerTransport;
  readonly server: McpServer;
  readonly keyId: string;
  lastSeen: number;
}

/** How sessions are kept. */
export interface LegacySessionOptions {
  /** Builds a server for a new session of `keyId`. */
  readonly createServer: (keyId: string) => McpServer;
  /** Sessions idle longer than this are closed. @default 30 minutes */
  readonly idleTimeoutMs?: number;
  /** Most open sessions per runtime; `initialize` beyond it is refused with 503. @default 10000 */
  readonly maxSessions?: number;
  readonly maxRequestBodySize: number;
  readonly onError?: (error: Error) => void;
}

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', id: null, error: { code, message } }, { status });
}

/** The sessionful leg of `/mcp`. */
export class LegacySessions {
  readonly #sessions = new Map<string, Session>();
  readonly #options: LegacySessionOptions;
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: LegacySessionOptions) {
    this.#options = options;
    this.#sweeper = setInterval(() => void this.#sweep(), 60_000);
    this.#sweeper.unref();
  }

  /** Open sessions. */
  get size(): number {
    return this.#sessions.size;
  }

  /** Serves one 2025-era request of the key `keyId`. */
  async fetch(request: Request, keyId: string, options: McpHandlerRequestOptions): Promise<Response> {
    const sessionId = request.headers.get('mcp-session-id');
    if (sessionId !== null) {
      const session = this.#sessions.get(sessionId);
      // Another key's session is answered exactly like an unknown one.
      if (session?.keyId !== keyId) return jsonRpcError(404, -32001, 'Session not found');
      session.lastSeen = Date.now();
      return session.transport.handleRequest(request, options);
    }
    if (request.method !== 'POST')
      return jsonRpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required');
    if (this.#sessions.size >= (this.#options.maxSessions ?? 10_000)) {
      return jsonRpcError(503, -32000, 'Too many open sessions; try again later');
    }
    return this.#open(request, keyId, options);
  }

  async #open(request: Request, keyId: string, options: McpHandlerRequestOptions): Promise<Response> {
    const server = this.#options.createServer(keyId);
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      eventStore: new SessionEventStore(),
      maxRequestBodySize: this.#options.maxRequestBodySize,
      onsessioninitialized: (id) => {
        this.#sessions.set(id, { transport, server, keyId, lastSeen: Date.now() });
      },
      onsessionclosed: (id) => {
        this.#sessions.delete(id);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) this.#sessions.delete(transport.sessionId);
      void server.close().catch(() => undefined);
    };
    if (this.#options.onError !== undefined) transport.onerror = this.#options.onError;
    await server.connect(transport);
    const response = await transport.handleRequest(request, options);
    // A request that did not open a session (not an initialize) leaves nothing behind.
    if (transport.sessionId === undefined) await server.close().catch(() => undefined);
    return response;
  }

  async #sweep(): Promise<void> {
    const deadline = Date.now() - (this.#options.idleTimeoutMs ?? 30 * 60_000);
    const idle = [...this.#sessions].filter(([, s]) => s.lastSeen < deadline);
    await Promise.all(idle.map(([, s]) => s.transport.close().catch(() => undefined)));
  }

  /** Closes every session (shutdown). */
  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    const sessions = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.all(sessions.map((s) => s.transport.close().catch(() => undefined)));
  }
}
