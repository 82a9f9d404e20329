/**
 * `/mcp`, Streamable HTTP for every revision on one URL: requests of the 2026-07-28 revision go to
 * the SDK's stateless per-request handler; 2025-era requests (no per-request envelope) go to
 * {@link LegacySessions}, which keeps real sessions with GET streams and `Last-Event-ID` resumption.
 */
import type { IncomingMessage } from 'node:http';
import { toNodeHandler, type NodeIncomingMessageLike } from '@modelcontextprotocol/node';
import {
  createMcpHandler,
  isLegacyRequest,
  type AuthInfo,
  type McpHandlerRequestOptions,
} from '@modelcontextprotocol/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/api-key-auth.ts';
import { authInfoOf, hijackKeepingHeaders, principalOf, type EndpointContext } from './endpoint-context.ts';
import { LegacySessions } from './legacy-sessions.ts';

/** The `/mcp` routes and what they hold (sessions), for shutdown. */
export interface McpEndpoint {
  readonly sessions: LegacySessions;
  close(): Promise<void>;
}

/** Registers GET, POST and DELETE `/mcp` on `app` (already prefixed with the tenant path). */
export function registerMcpEndpoint(
  app: FastifyInstance,
  context: EndpointContext,
  gatePrincipal: (raw: IncomingMessage) => Principal,
): McpEndpoint {
  const tenant = (): string => context.snapshot().config.tenant.name;
  const onerror = (error: Error): void => {
    context.logger.debug({ err: error }, 'mcp transport error');
  };
  const modern = createMcpHandler(
    (ctx) => {
      const principal = principalOf(ctx.authInfo, tenant());
      if (principal === undefined) throw new Error('unauthenticated request reached the MCP handler');
      return context.createServer(principal, 'streamable-http');
    },
    { legacy: 'reject', maxRequestBodySize: context.bodyLimit, onerror },
  );
  const sessions = new LegacySessions({
    createServer: (keyId) => context.createServer({ tenant: tenant(), keyId }, 'streamable-http'),
    maxRequestBodySize: context.bodyLimit,
    onError: onerror,
  });
  const handler = toNodeHandler(
    {
      fetch: async (request: Request, options?: McpHandlerRequestOptions): Promise<Response> => {
        const keyId = options?.authInfo?.clientId ?? '';
        const legacy = await isLegacyRequest(request, options?.parsedBody, {
          maxRequestBodySize: context.bodyLimit,
        });
        return legacy ? sessions.fetch(request, keyId, options ?? {}) : modern.fetch(request, options);
      },
    },
    { onerror, maxRequestBodySize: context.bodyLimit },
  );

  const serve = async (request: FastifyRequest, reply: FastifyReply, body: unknown): Promise<void> => {
    const raw: IncomingMessage & { auth?: AuthInfo } = request.raw;
    raw.auth = authInfoOf(gatePrincipal(raw));
    const response = hijackKeepingHeaders(reply);
    // IncomingMessage declares `method?: string | undefined`; the handler's type omits `| undefined`.
    await handler(raw as NodeIncomingMessageLike, response, body);
  };
  app.post('/mcp', async (request, reply) => serve(request, reply, request.body));
  app.get('/mcp', async (request, reply) => serve(request, reply, undefined));
  app.delete('/mcp', async (request, reply) => serve(request, reply, undefined));
  return {
    sessions,
    close: async () => {
      await Promise.all([modern.close(), sessions.close()]);
    },
  };
}
