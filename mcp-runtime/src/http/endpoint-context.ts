/**
 * What the endpoint routes share: the tenant state, the gate, the server factory and the logger.
 */
import type { AuthInfo, McpServer } from '@modelcontextprotocol/server';
import type { Transport as TransportName } from '@lmo/contracts';
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { Principal } from '../auth/api-key-auth.ts';
import type { TenantSnapshot } from '../config/tenant-state.ts';
import type { LlmGateway } from '../pipeline/llm-call.ts';
import type { GateDeps } from './endpoint-gate.ts';

/** Shared by every endpoint route. */
export interface EndpointContext {
  readonly snapshot: () => TenantSnapshot;
  readonly gate: GateDeps;
  readonly gateway: LlmGateway;
  /** A server instance for one caller over one transport. */
  readonly createServer: (principal: Principal, transport: TransportName) => McpServer;
  /** A pino logger (Fastify's logger type, so the app takes it as is). */
  readonly logger: FastifyBaseLogger;
  /** Largest request body, in bytes. */
  readonly bodyLimit: number;
}

/** The `AuthInfo` handed to the SDK: the key id, never the key. */
export function authInfoOf(principal: Principal): AuthInfo {
  return { token: 'redacted', clientId: principal.keyId, scopes: [], extra: { tenant: principal.tenant } };
}

/** The principal carried by an `AuthInfo` built with {@link authInfoOf}. */
export function principalOf(authInfo: AuthInfo | undefined, tenant: string): Principal | undefined {
  if (authInfo === undefined) return undefined;
  return { tenant, keyId: authInfo.clientId };
}

/**
 * Hands the response over to a transport that writes the raw Node response itself, keeping the
 * headers Fastify already holds for it (the gate's `RateLimit-*`), which `reply.hijack()` alone
 * would drop: they go onto the raw response, where the transport's `writeHead` merges them.
 */
export function hijackKeepingHeaders(reply: FastifyReply): ServerResponse {
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  reply.hijack();
  return reply.raw;
}
