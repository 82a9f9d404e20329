/**
 * Two MCP transports the SDK does not ship for servers any more: the 2024-11-05 HTTP+SSE transport
 * (a GET stream that announces a POST endpoint) for old clients, and WebSocket, a compatibility
 * transport outside the specification. Both carry one JSON-RPC message per frame or event.
 */
import type { ServerResponse } from 'node:http';
import type { AuthInfo, JSONRPCMessage, Transport } from '@modelcontextprotocol/server';
import { parseJSONRPCMessage } from '@modelcontextprotocol/server';
import type { WebSocket } from 'ws';

/** HTTP+SSE (2024-11-05): messages to the client as `event: message`, from it by POST. */
export class SseServerTransport implements Transport {
  readonly sessionId: string;
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: Transport['onmessage'];
  readonly #response: ServerResponse;
  readonly #endpoint: string;
  #closed = false;

  /** @param endpoint the POST URL announced to the client, including `?sessionId=`. */
  constructor(response: ServerResponse, sessionId: string, endpoint: string) {
    this.#response = response;
    this.sessionId = sessionId;
    this.#endpoint = endpoint;
    response.on('close', () => {
      void this.close();
    });
  }

  start(): Promise<void> {
    this.#response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    this.#response.write(`event: endpoint\ndata: ${this.#endpoint}\n\n`);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (!this.#closed) this.#response.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
    return Promise.resolve();
  }

  /** Hands over one POSTed message. @throws when it is not a JSON-RPC message. */
  receive(body: unknown, authInfo: AuthInfo): void {
    const message = parseJSONRPCMessage(body);
    this.onmessage?.(message, { authInfo });
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    this.#response.end();
    this.onclose?.();
    return Promise.resolve();
  }
}

/** WebSocket: one JSON-RPC message per text frame, both ways. */
export class WebSocketServerTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: Transport['onmessage'];
  readonly #socket: WebSocket;
  readonly #authInfo: AuthInfo;

  constructor(socket: WebSocket, authInfo: AuthInfo) {
    this.#socket = socket;
    this.#authInfo = authInfo;
  }

  start(): Promise<void> {
    this.#socket.on('message', (data, isBinary) => {
      if (isBinary) {
        this.#socket.close(1003, 'text frames only');
        return;
      }
      const bytes = Buffer.isBuffer(data)
        ? data
        : Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.from(data);
      this.#receive(bytes.toString('utf8'));
    });
    this.#socket.on('close', () => this.onclose?.());
    this.#socket.on('error', (error) => this.onerror?.(error));
    return Promise.resolve();
  }

  #receive(text: string): void {
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(JSON.parse(text));
    } catch {
      this.#socket.send(
        JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }),
      );
      return;
    }
    this.onmessage?.(message, { authInfo: this.#authInfo });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#socket.send(JSON.stringify(message), (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  close(): Promise<void> {
    this.#socket.close(1000);
    return Promise.resolve();
  }
}
