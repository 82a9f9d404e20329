/**
 * Starts one tenant's runtime: loads the mounted configuration, wires the pipeline to its services
 * (Redis, Kafka, or their in-process stand-ins), serves HTTP and metrics, and stops gracefully —
 * readiness off first, then open streams get the grace period, then usage events are flushed.
 */
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Transport as TransportName } from '@lmo/contracts';
import type { Logger } from 'pino';
import type { Principal } from './auth/api-key-auth.ts';
import { loadTenantState, type TenantSnapshot, type TenantState } from './config/tenant-state.ts';
import { buildRuntimeApp } from './http/runtime-app.ts';
import { cachedOriginPolicy } from './http/origin-policy.ts';
import { ArgumentHistory } from './mcp/argument-history.ts';
import { buildMcpServer } from './mcp/server-factory.ts';
import type { ToolDeps } from './mcp/tool-deps.ts';
import { createLlmGateway } from './pipeline/llm-gateway.ts';
import type { LlmGateway } from './pipeline/llm-call.ts';
import { providerRegistry } from './pipeline/provider-registry.ts';
import type { RuntimeOptions } from './runtime-options.ts';
import { createRuntimeServices, type RuntimeServices, type ServiceOverrides } from './runtime-services.ts';

/** The runtime's version, as MCP clients see it. */
export const RUNTIME_VERSION = '0.1.0';

/** A running runtime. */
export interface RunningRuntime {
  /** The MCP/REST port actually bound. */
  readonly port: number;
  readonly metricsPort: number;
  readonly state: TenantState;
  readonly services: RuntimeServices;
  /** Stops: readiness off, streams drained (up to the grace period), events flushed. */
  stop(): Promise<void>;
}

/** The runtime's core, shared by HTTP and stdio. */
export interface RuntimeCore {
  readonly state: TenantState;
  readonly services: RuntimeServices;
  readonly gateway: LlmGateway;
  /** An MCP server instance for one caller over one transport. */
  createServer(principal: Principal, transport: TransportName): ReturnType<typeof buildMcpServer>;
  close(): Promise<void>;
}

/** Loads configuration and connects the services. */
export async function createRuntimeCore(
  options: RuntimeOptions,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Promise<RuntimeCore> {
  let zeroTokenSeries: (snapshot: TenantSnapshot) => void = () => undefined;
  const state = await loadTenantState({
    configDir: options.configDir,
    secretsDir: options.secretsDir,
    pollIntervalMs: options.reloadIntervalMs,
    onChange: (s) => {
      logger.info({ generation: s.generation, keys: s.secrets.keyHashes.size }, 'configuration reloaded');
      zeroTokenSeries(s);
    },
    onReloadError: (error) => {
      logger.warn({ err: error }, 'configuration reload failed; keeping the last good one');
    },
  });
  const services = await createRuntimeServices(options, state, logger, overrides);
  // Billing reads increase(lmo_tokens_total): a series must exist at 0 before its first tokens, or
  // Prometheus never sees them counted. So the tenant's model series start at 0.
  zeroTokenSeries = (snapshot) => {
    const { tenant, model } = snapshot.config;
    services.metrics.recordTokens({ tenant: tenant.name, model: model.model }, { tokensIn: 0, tokensOut: 0 });
  };
  zeroTokenSeries(state.current());
  const gateway = createLlmGateway({
    snapshot: () => state.current(),
    provider: providerRegistry(
      {
        timeoutMs: options.providerTimeoutMs,
        maxRetries: options.providerMaxRetries,
        allowPrivateNetworks: options.allowPrivateProviderUrls,
      },
      { logger },
    ),
    quota: services.quota,
    cache: services.cache,
    meter: services.meter,
    ...(options.logPrompts
      ? {
          promptLog: (entry) => {
            logger.info(entry, 'llm call text (--log-prompts is on)');
          },
        }
      : {}),
  });
  const argumentHistory = new ArgumentHistory();
  const createServer = (
    principal: Principal,
    transport: TransportName,
  ): ReturnType<typeof buildMcpServer> => {
    const deps: ToolDeps = {
      gateway,
      conversations: services.conversations,
      knowledge: services.knowledge,
      snapshot: () => state.current(),
      argumentHistory,
      callContext: (ctx, tool) => ({
        principal,
        transport,
        tool,
        requestId: randomUUID(),
        signal: ctx.mcpReq.signal,
      }),
    };
    return buildMcpServer(deps, RUNTIME_VERSION);
  };
  return {
    state,
    services,
    gateway,
    createServer,
    close: async () => {
      state.close();
      await services.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the HTTP runtime. */
export async function startRuntime(
  options: RuntimeOptions,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Promise<RunningRuntime> {
  const core = await createRuntimeCore(options, logger, overrides);
  const { state, services } = core;
  let draining = false;
  const config = state.current().config;
  const originPolicy = cachedOriginPolicy(options);
  const runtimeApp = await buildRuntimeApp({
    snapshot: () => state.current(),
    gateway: core.gateway,
    conversations: services.conversations,
    createServer: (principal, transport) => core.createServer(principal, transport),
    logger,
    bodyLimit: options.bodyLimitBytes,
    gate: {
      snapshot: () => state.current(),
      admission: services.admission,
      originPolicy: () => originPolicy(state.current().config),
      resourceMetadataUrl: (host) =>
        `${options.publicBaseUrl ?? (host === undefined ? `https://${config.endpoint.host}` : `http://${host}`)}${config.endpoint.path}.well-known/oauth-protected-resource`,
    },
    publicBaseUrl: (host) =>
      options.publicBaseUrl ?? (host === undefined ? `https://${config.endpoint.host}` : `http://${host}`),
    isReady: () => !draining,
  });
  const { app } = runtimeApp;
  await app.listen({ port: options.port ?? config.ports.mcp, host: options.host });
  const port = (app.server.address() as AddressInfo).port;
  const metricsServer = createHttpServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    services.metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': services.metrics.registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  const metricsPort = await listen(metricsServer, options.metricsPort ?? config.ports.metrics, options.host);
  logger.info(
    { tenant: config.tenant.name, port, metricsPort, path: config.endpoint.path },
    'runtime listening',
  );

  return {
    port,
    metricsPort,
    state,
    services,
    stop: async () => {
      const started = performance.now();
      const phase = (name: string): void => {
        logger.debug({ ms: Math.round(performance.now() - started) }, `stop: ${name}`);
      };
      draining = true;
      const closed = app.close();
      const grace = new Promise((resolve) => setTimeout(resolve, options.shutdownGraceMs).unref());
      await Promise.race([closed, grace]);
      phase('requests drained or grace over');
      await runtimeApp.closeSessions();
      // Whatever is still open after the grace period (idle keep-alives, stuck clients) is cut.
      app.server.closeAllConnections();
      await closed;
      phase('http closed');
      metricsServer.closeAllConnections();
      await new Promise((resolve) => metricsServer.close(resolve));
      await core.close();
      phase('services closed');
    },
  };
}
