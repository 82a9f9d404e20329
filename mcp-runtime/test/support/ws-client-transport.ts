// A client-side WebSocket transport with an Authorization header (browsers' WebSocket cannot send
// one; the `ws` package can), framing one JSON-RPC message per text frame like the runtime.
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import { WebSocket } from 'ws';

export class WsClientTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;
  readonly #url: string;
  readonly #headers: Record<string, string>;
  #socket: WebSocket | undefined;

  constructor(url: string, headers: Record<string, string>) {
    this.#url = url;
    this.#headers = headers;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.#url, 'mcp', { headers: this.#headers });
      this.#socket = socket;
      socket.once('open', () => {
        resolve();
      });
      socket.once('unexpected-response', (_req, res) => {
        reject(new Error(`upgrade refused: ${String(res.statusCode)}`));
      });
      socket.once('error', reject);
      socket.on('message', (data: Buffer) =>
        this.onmessage?.(JSON.parse(data.toString('utf8')) as JSONRPCMessage),
      );
      socket.on('close', () => this.onclose?.());
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    this.#socket?.send(JSON.stringify(message));
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#socket?.close();
    return Promise.resolve();
  }
}
