/**
 * WebSocket, a compatibility transport outside the MCP specification: `GET <path>/ws` upgraded with
 * subprotocol `mcp`; every text frame carries one JSON-RPC message, both ways (see the README).
 * The gate runs on the upgrade request, so the API key goes in its `Authorization` header.
 */
import type { IncomingMessage } from 'node:http';
import type {} from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Principal } from '../auth/api-key-auth.ts';
import { authInfoOf, type EndpointContext } from './endpoint-context.ts';
import { WebSocketServerTransport } from './message-transports.ts';

/** Registers `/ws` (needs @fastify/websocket registered on the root instance). */
export function registerWebSocketEndpoint(
  app: FastifyInstance,
  context: EndpointContext,
  gatePrincipal: (raw: IncomingMessage) => Principal,
): void {
  app.get('/ws', { websocket: true }, (socket: WebSocket, request) => {
    const principal = gatePrincipal(request.raw);
    const transport = new WebSocketServerTransport(socket, authInfoOf(principal));
    const server = context.createServer(principal, 'websocket');
    transport.onclose = () => void server.close().catch(() => undefined);
    void server.connect(transport).catch((error: unknown) => {
      context.logger.warn({ err: error }, 'websocket session failed to start');
      socket.close(1011);
    });
  });
}
