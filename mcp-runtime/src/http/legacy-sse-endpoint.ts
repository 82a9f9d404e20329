/**
 * The 2024-11-05 HTTP+SSE transport for old clients: `GET <path>/sse` opens the stream and announces
 * `<path>/messages?sessionId=…`, where the client POSTs its messages. A session belongs to the key
 * that opened it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LmoError } from '@lmo/contracts';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/api-key-auth.ts';
import { authInfoOf, hijackKeepingHeaders, type EndpointContext } from './endpoint-context.ts';
import { SseServerTransport } from './message-transports.ts';

interface SseSession {
  readonly transport: SseServerTransport;
  readonly keyId: string;
}

/** Registers `/sse` and `/messages`; returns a function that closes every stream. */
export function registerLegacySseEndpoint(
  app: FastifyInstance,
  context: EndpointContext,
  gatePrincipal: (raw: IncomingMessage) => Principal,
  basePath: string,
): () => Promise<void> {
  const sessions = new Map<string, SseSession>();

  app.get('/sse', async (request, reply) => {
    const principal = gatePrincipal(request.raw);
    const sessionId = randomUUID();
    const transport = new SseServerTransport(
      hijackKeepingHeaders(reply),
      sessionId,
      `${basePath}messages?sessionId=${sessionId}`,
    );
    const server = context.createServer(principal, 'sse');
    sessions.set(sessionId, { transport, keyId: principal.keyId });
    transport.onclose = () => {
      sessions.delete(sessionId);
      void server.close().catch(() => undefined);
    };
    await server.connect(transport);
  });

  app.post<{ Querystring: { sessionId?: string } }>('/messages', async (request, reply) => {
    const principal = gatePrincipal(request.raw);
    const session = sessions.get(request.query.sessionId ?? '');
    if (session?.keyId !== principal.keyId) {
      throw new LmoError(
        'LMO_SESSION_NOT_FOUND',
        'No such SSE session for this key; open a new one with GET /sse.',
      );
    }
    try {
      session.transport.receive(request.body, authInfoOf(principal));
    } catch {
      throw new LmoError('LMO_BAD_REQUEST', 'The body is not a JSON-RPC message.');
    }
    return reply.code(202).send();
  });

  return async () => {
    await Promise.all([...sessions.values()].map((s) => s.transport.close()));
  };
}
