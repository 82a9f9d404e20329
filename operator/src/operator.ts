import type { Server } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeEventRecorder, KubeRest, LeaderElector, resourceOfPath } from '@lmo/kube';
import type { Logger } from 'pino';
import { httpCleanup, noExternalCleanup } from './external-cleanup.ts';
import { startHealthServer } from './health-server.ts';
import type { OperatorConfig } from './operator-config.ts';
import { createOperatorMetrics, type OperatorMetrics } from './operator-metrics.ts';
import { TenantController } from './tenant-controller.ts';

/** A running operator: stop it gracefully, read its port and metrics. */
export interface RunningOperator {
  readonly httpPort: number;
  readonly metrics: OperatorMetrics;
  /** Whether this replica currently acts (holds the lease, or election is off). */
  isLeader(): boolean;
  /** Enqueue every Tenant now, as the periodic resync does. */
  resyncAll(): void;
  stop(): Promise<void>;
}

export interface OperatorDeps {
  readonly kc: KubeConfig;
  readonly config: OperatorConfig;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/**
 * Starts the operator: health and metrics at once; then, when elected (or
 * with election off), the Tenant controller. Losing the lease stops the
 * controller and campaigns again, so a replica never acts without the lease.
 */
export async function startOperator(deps: OperatorDeps): Promise<RunningOperator> {
  const { config, logger } = deps;
  const metrics = createOperatorMetrics();
  const rest = await KubeRest.fromKubeConfig(deps.kc, (verb, path) => {
    metrics.apiWrites.inc({ verb, resource: resourceOfPath(path) });
  });
  const settings = { ...config.platform, serviceMonitor: await serviceMonitorEnabled(rest, config) };
  let controller: TenantController | undefined;
  const state = { stopping: false };
  const makeController = (): TenantController =>
    new TenantController({
      kc: deps.kc,
      rest,
      settings,
      events: kubeEventRecorder(rest, {
        controller: 'lmo.dev/operator',
        instance: config.leaderElection.identity,
        onError: (err: unknown) => {
          logger.warn({ err }, 'could not record an event');
        },
      }),
      cleanup: config.cleanupUrl ? httpCleanup(config.cleanupUrl) : noExternalCleanup,
      logger,
      metrics,
      workers: config.workers,
      tenantSelector: config.tenantSelector,
      resyncMs: config.resyncSeconds * 1000,
      ...(deps.now ? { now: deps.now } : {}),
    });
  const lead = async (): Promise<void> => {
    controller = makeController();
    await controller.start();
    logger.info({ workers: config.workers }, 'Tenant controller started');
  };
  const elector = config.leaderElection.enabled
    ? new LeaderElector(rest, {
        namespace: config.platform.platformNamespace,
        name: config.leaderElection.leaseName,
        identity: config.leaderElection.identity,
        onError: (err) => {
          logger.warn({ err }, 'leader election: lease update failed');
        },
      })
    : undefined;
  const campaign = async (): Promise<void> => {
    while (elector && !state.stopping) {
      logger.info({ identity: config.leaderElection.identity }, 'Waiting to be elected leader');
      await elector.run(() => {
        logger.info('Elected leader');
        void lead();
      });
      // `stop()` may have run while we awaited the election.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (state.stopping) break;
      logger.warn('Lost the leader lease; stopping the controller');
      await controller?.stop();
      controller = undefined;
    }
  };
  const campaigning = elector ? campaign() : lead();
  const health = await startHealthServer(
    config.http.host,
    config.http.port,
    {
      live: () => true,
      ready: () =>
        elector ? !elector.isLeader || (controller?.synced ?? false) : (controller?.synced ?? false),
    },
    metrics.registry,
  );
  return {
    httpPort: health.port,
    metrics,
    isLeader: () => (elector ? elector.isLeader : true),
    resyncAll: () => controller?.resyncAll(),
    async stop() {
      state.stopping = true;
      elector?.stop();
      await controller?.stop();
      await campaigning.catch(() => undefined);
      await closeServer(health.server);
      logger.info('Operator stopped');
    },
  };
}

async function serviceMonitorEnabled(rest: KubeRest, config: OperatorConfig): Promise<boolean> {
  if (config.serviceMonitor !== 'auto') return config.serviceMonitor === 'true';
  try {
    await rest.get(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/servicemonitors.monitoring.coreos.com',
    );
    return true;
  } catch {
    return false;
  }
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
