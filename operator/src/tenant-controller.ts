import { TENANT_LABEL, type PlatformSettings } from '@lmo/cdk8s';
import { ObjectInformer, resourceType, WorkQueue, type EventRecorder, type KubeRest } from '@lmo/kube';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { ExternalCleanup } from './external-cleanup.ts';
import type { OperatorMetrics } from './operator-metrics.ts';
import { reconcileTenant, type TenantObject } from './tenant-reconciler.ts';

/** The kinds a tenant owns, watched so that drift (a deleted Deployment, an edited quota) wakes its reconcile. */
const CHILD_KINDS = [
  ['v1', 'Namespace'],
  ['v1', 'ResourceQuota'],
  ['v1', 'LimitRange'],
  ['v1', 'ServiceAccount'],
  ['v1', 'Secret'],
  ['v1', 'ConfigMap'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['networking.k8s.io/v1', 'Ingress'],
] as const;

const MANAGED_SELECTOR = 'app.kubernetes.io/managed-by=lmo-operator';

export interface TenantControllerDeps {
  readonly kc: KubeConfig;
  readonly rest: KubeRest;
  readonly settings: PlatformSettings;
  readonly events: EventRecorder;
  readonly cleanup: ExternalCleanup;
  readonly logger: Logger;
  readonly metrics: OperatorMetrics;
  readonly workers: number;
  readonly resyncMs: number;
  readonly tenantSelector?: string | undefined;
  readonly now?: () => Date;
}

/**
 * The Tenant controller: informers whose handlers only enqueue a tenant
 * name, a work queue, and `reconcileTenant` as the one handler. `start`
 * resolves once the caches are filled and the workers run; `stop` drains.
 */
export class TenantController {
  readonly #deps: TenantControllerDeps;
  readonly #queue: WorkQueue;
  readonly #tenants: ObjectInformer;
  readonly #children = new Map<string, ObjectInformer>();
  #workers: Promise<void> | undefined;
  #resync: NodeJS.Timeout | undefined;
  #synced = false;

  constructor(deps: TenantControllerDeps) {
    this.#deps = deps;
    const onError = (error: unknown): void => {
      deps.logger.warn({ err: error }, 'watch failed; restarting');
    };
    this.#queue = new WorkQueue({
      onError: (key, error, retryInMs) => {
        deps.logger.error({ tenant: key, err: error, retryInMs }, 'reconcile failed');
      },
    });
    this.#tenants = new ObjectInformer(deps.kc, deps.rest, resourceType('lmo.dev/v1alpha1', 'Tenant'), {
      onError,
      ...(deps.tenantSelector ? { labelSelector: deps.tenantSelector } : {}),
    });
    for (const event of ['add', 'update', 'delete'] as const) {
      this.#tenants.on(event, (t) => {
        this.#queue.add(t.metadata.name);
      });
    }
    const kinds = deps.settings.serviceMonitor
      ? [...CHILD_KINDS, ['monitoring.coreos.com/v1', 'ServiceMonitor'] as const]
      : CHILD_KINDS;
    for (const [apiVersion, kind] of kinds) {
      const informer = new ObjectInformer(deps.kc, deps.rest, resourceType(apiVersion, kind), {
        labelSelector: MANAGED_SELECTOR,
        onError,
      });
      for (const event of ['add', 'update', 'delete'] as const) {
        informer.on(event, (o) => {
          const tenant = o.metadata.labels?.[TENANT_LABEL];
          if (tenant) this.#queue.add(tenant);
        });
      }
      this.#children.set(`${apiVersion}/${kind}`, informer);
    }
  }

  /** Whether every cache has its first full list (readiness). */
  get synced(): boolean {
    return this.#synced;
  }

  /** Fills the caches, then runs the workers and the periodic resync. */
  async start(): Promise<void> {
    await Promise.all([this.#tenants.start(), ...[...this.#children.values()].map((i) => i.start())]);
    this.#synced = true;
    const deps = this.#deps;
    const reconcileDeps = {
      rest: deps.rest,
      tenant: (name: string) => this.#tenants.get(name) as TenantObject | undefined,
      cached: (apiVersion: string, kind: string, name: string, namespace?: string) =>
        this.#children.get(`${apiVersion}/${kind}`)?.get(name, namespace),
      settings: deps.settings,
      events: deps.events,
      cleanup: deps.cleanup,
      logger: deps.logger,
      now: deps.now ?? (() => new Date()),
      resyncMs: deps.resyncMs,
    };
    this.#workers = this.#queue.run(deps.workers, async (name) => {
      deps.metrics.queueDepth.set({ controller: 'tenant' }, this.#queue.depth);
      const stopTimer = deps.metrics.reconcileDuration.startTimer({ controller: 'tenant' });
      try {
        const result = await reconcileTenant(reconcileDeps, name);
        deps.metrics.reconciles.inc({ controller: 'tenant', result: 'success' });
        return result;
      } catch (error) {
        deps.metrics.reconciles.inc({ controller: 'tenant', result: 'error' });
        deps.metrics.reconcileErrors.inc({ controller: 'tenant', reason: errorReason(error) });
        throw error;
      } finally {
        stopTimer();
      }
    });
    this.#resync = setInterval(() => {
      this.resyncAll();
    }, deps.resyncMs);
    this.#resync.unref();
    this.resyncAll();
  }

  /** Enqueues every known Tenant now (what the periodic resync does). */
  resyncAll(): void {
    for (const t of this.#tenants.list()) this.#queue.add(t.metadata.name);
  }

  /** Stops the informers and lets the workers finish the reconciles they hold. */
  async stop(): Promise<void> {
    clearInterval(this.#resync);
    this.#queue.shutDown();
    await Promise.all([this.#tenants.stop(), ...[...this.#children.values()].map((i) => i.stop())]);
    await this.#workers;
  }
}

function errorReason(error: unknown): string {
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : 'Error';
}
