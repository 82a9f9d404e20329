/**
 * How `startApi` runs tenants standalone: the runtime supervisor, the tenant registry that tells
 * it about changes, and the `/t/<tenant>/` proxy (routes and WebSocket upgrades) in front of it.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { RouteModule } from '../app.ts';
import type { Clock } from '../clock.ts';
import { attachUpgradeProxy, tenantProxyRoutes } from '../http/tenant-proxy.ts';
import { DatabaseTenantRegistry } from '../tenants/database-tenant-registry.ts';
import type { TenantRegistry } from '../tenants/tenant-registry.ts';
import { NotifyingTenantRegistry } from './notifying-tenant-registry.ts';
import { RuntimeSupervisor, type RuntimeSupervisorOptions } from './runtime-supervisor.ts';

/** The supervisor's knobs that `startApi`'s caller chooses (the rest comes from the API). */
export type SupervisorSettings = Omit<
  RuntimeSupervisorOptions,
  'registry' | 'tenantsDir' | 'logger' | 'clock'
>;

/** The standalone runtimes of one API process. */
export interface StandaloneRuntimes {
  readonly supervisor: RuntimeSupervisor;
  /** The registry the app must be built with: it notifies the supervisor of every change. */
  readonly registry: TenantRegistry;
  /** The `/t/<tenant>/*` proxy routes, for `buildApp`'s `routes`. */
  readonly routes: RouteModule;
  /** After `listen`: proxies upgrades on the app's server and starts supervising. */
  start(app: FastifyInstance, url: string): Promise<void>;
  /** Stops every runtime, then cuts the WebSocket tunnels still open. */
  stop(): Promise<void>;
}

/** What the runtimes are made from. */
export interface StandaloneDeps {
  readonly registry: TenantRegistry;
  readonly tenantsDir: string;
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * Wires the supervisor over the database registry.
 * @throws {Error} when the registry is not the database one (in a cluster, the operator runs tenants).
 */
export function createStandaloneRuntimes(
  deps: StandaloneDeps,
  settings: SupervisorSettings,
): StandaloneRuntimes {
  const inner = deps.registry;
  if (!(inner instanceof DatabaseTenantRegistry)) {
    throw new Error(
      'The runtime supervisor needs the database tenant registry (LMO_TENANT_REGISTRY=database)',
    );
  }
  const supervisor = new RuntimeSupervisor({
    ...settings,
    registry: inner,
    tenantsDir: deps.tenantsDir,
    logger: deps.logger.child({ component: 'supervisor' }),
    clock: deps.clock,
  });
  const proxyDeps = { runtimes: supervisor, registry: inner };
  let cutTunnels: (() => void) | undefined;
  return {
    supervisor,
    registry: new NotifyingTenantRegistry(inner, (name) => {
      supervisor.notify(name);
    }),
    routes: (app) => tenantProxyRoutes(app, proxyDeps),
    start: async (app, url) => {
      cutTunnels = attachUpgradeProxy(app.server, proxyDeps);
      await supervisor.start(url);
    },
    stop: async () => {
      await supervisor.stop();
      cutTunnels?.();
    },
  };
}
