// When is a tenant "applied", "converged" and "ready"? Watched, not polled:
// informers (list, then watch) on every child kind and on the bench's
// Tenants record the moment each tenant reaches each state, at no more cost
// to the apiserver than a second operator's watches.
//
// - applied:   every object the operator renders for the tenant exists
//              (counted per tenant from the `lmo.dev/tenant` label);
// - converged: applied, and the Tenant's status.observedGeneration equals its
//              metadata.generation (the operator finished and recorded a
//              reconcile of the current spec);
// - ready:     the Tenant's Ready condition is True (the whole control plane:
//              ReplicaSets, scheduling, kwok marking the pod Ready).
import type { KubeConfig } from '@kubernetes/client-node';
import { TENANT_LABEL } from '@lmo/cdk8s';
import { collectionPath, ObjectInformer, resourceType, type KubeObject, type KubeRest } from '@lmo/kube';
import type { ExpectedObjects } from './tenant-demand.ts';

export const MANAGED_SELECTOR = 'app.kubernetes.io/managed-by=lmo-operator';

const splitKind = (key: string): [string, string] => {
  const at = key.lastIndexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** Counts so far, and when (ms after `markStart`) each "all N" milestone was reached. */
export interface ConvergenceState {
  readonly tenantsSeen: number;
  readonly applied: number;
  readonly observed: number;
  readonly converged: number;
  readonly ready: number;
  readonly objects: number;
  readonly allAppliedAt: number | undefined;
  readonly allConvergedAt: number | undefined;
  readonly allReadyAt: number | undefined;
}

interface TenantObject extends KubeObject {
  status?: { observedGeneration?: number; conditions?: { type: string; status: string }[] };
}

export class ConvergenceTracker {
  readonly #tenants: number;
  readonly #prefix: string;
  readonly #expected: ExpectedObjects;
  readonly #informers: ObjectInformer[] = [];
  readonly #tenantInformer: ObjectInformer;
  readonly #seenObjects = new Set<string>();
  readonly #objectsPerTenant = new Map<string, number>();
  readonly #appliedAt = new Map<string, number>();
  readonly #observedAt = new Map<string, number>();
  readonly #readyAt = new Map<string, number>();
  #t0 = performance.now();

  /** Tracks `tenants` Tenants named `<prefix>…`, labelled `tenantSelector`. */
  constructor(
    kc: KubeConfig,
    rest: KubeRest,
    options: { tenants: number; prefix: string; tenantSelector: string; expected: ExpectedObjects },
  ) {
    this.#tenants = options.tenants;
    this.#prefix = options.prefix;
    this.#expected = options.expected;
    for (const key of Object.keys(options.expected.byKind)) {
      const informer = new ObjectInformer(kc, rest, resourceType(...splitKind(key)), {
        labelSelector: MANAGED_SELECTOR,
      });
      informer.on('add', (o) => {
        this.#onChild(key, o);
      });
      informer.on('update', (o) => {
        this.#onChild(key, o);
      });
      this.#informers.push(informer);
    }
    this.#tenantInformer = new ObjectInformer(kc, rest, resourceType('lmo.dev/v1alpha1', 'Tenant'), {
      labelSelector: options.tenantSelector,
    });
    this.#tenantInformer.on('add', (t) => {
      this.#onTenant(t);
    });
    this.#tenantInformer.on('update', (t) => {
      this.#onTenant(t);
    });
  }

  /** Fills the caches (before the run, so they start empty of its objects). */
  async start(): Promise<void> {
    await Promise.all([this.#tenantInformer.start(), ...this.#informers.map((i) => i.start())]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.#tenantInformer.stop(), ...this.#informers.map((i) => i.stop())]);
  }

  /** Time zero of every figure: the first create. */
  markStart(): void {
    this.#t0 = performance.now();
  }

  /** Bench Tenants that still exist (cleanup waits for none). */
  get tenantsLeft(): number {
    return this.#tenantInformer.list().length;
  }

  get state(): ConvergenceState {
    const converged = [...this.#appliedAt.keys()].filter((t) => this.#observedAt.has(t));
    const all = (n: number, at: () => number): number | undefined => (n >= this.#tenants ? at() : undefined);
    const latest = (m: Map<string, number>, keys: Iterable<string> = m.keys()): number =>
      Math.max(...[...keys].map((k) => m.get(k) ?? 0));
    return {
      tenantsSeen: this.#tenantInformer.list().length,
      applied: this.#appliedAt.size,
      observed: this.#observedAt.size,
      converged: converged.length,
      ready: this.#readyAt.size,
      objects: this.#seenObjects.size,
      allAppliedAt: all(this.#appliedAt.size, () => latest(this.#appliedAt)),
      allConvergedAt: all(converged.length, () =>
        Math.max(latest(this.#appliedAt), latest(this.#observedAt, converged)),
      ),
      allReadyAt: all(this.#readyAt.size, () => latest(this.#readyAt)),
    };
  }

  /** Per tenant, ms from the start until it was applied (sorted). */
  appliedTimes(): number[] {
    return [...this.#appliedAt.values()].sort((a, b) => a - b);
  }

  #onChild(kind: string, o: KubeObject): void {
    const tenant = o.metadata.labels?.[TENANT_LABEL];
    if (!tenant?.startsWith(this.#prefix)) return;
    const key = `${kind}|${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (this.#seenObjects.has(key)) return;
    this.#seenObjects.add(key);
    const count = (this.#objectsPerTenant.get(tenant) ?? 0) + 1;
    this.#objectsPerTenant.set(tenant, count);
    if (count === this.#expected.perTenant) this.#appliedAt.set(tenant, performance.now() - this.#t0);
  }

  #onTenant(t: TenantObject): void {
    const name = t.metadata.name;
    const now = performance.now() - this.#t0;
    if (!this.#observedAt.has(name) && t.status?.observedGeneration === t.metadata.generation) {
      this.#observedAt.set(name, now);
    }
    const ready = t.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    if (ready && !this.#readyAt.has(name)) this.#readyAt.set(name, now);
  }
}

/** One LIST per kind: how many of the bench's objects exist, by kind (the check of "applied"). */
export async function countObjects(
  rest: KubeRest,
  prefix: string,
  kinds: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const key of kinds) {
    const list = await rest.get<{ items: KubeObject[] }>(collectionPath(resourceType(...splitKind(key))), {
      query: { labelSelector: MANAGED_SELECTOR },
    });
    counts[key] = list.items.filter((o) => o.metadata.labels?.[TENANT_LABEL]?.startsWith(prefix)).length;
  }
  return counts;
}
