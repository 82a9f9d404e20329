import { isConflict, isNotFound, type KubeRest } from './kube-rest.ts';

/** A coordination.k8s.io/v1 Lease, as far as leader election reads it. */
interface Lease {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: { name: string; namespace: string; resourceVersion?: string };
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

export interface LeaderElectionOptions {
  readonly namespace: string;
  readonly name: string;
  /** This process's identity, unique among the replicas (e.g. the pod name). */
  readonly identity: string;
  readonly leaseDurationSeconds?: number;
  readonly retryPeriodMs?: number;
  readonly now?: () => Date;
  readonly onError?: (error: unknown) => void;
}

/** What to do with a lease we read, given who we are and the time. Pure. */
export function leaseDecision(
  lease: Lease['spec'] | undefined,
  identity: string,
  now: Date,
): 'create' | 'renew' | 'take-over' | 'wait' {
  if (!lease) return 'create';
  if (lease.holderIdentity === identity) return 'renew';
  const renewed = lease.renewTime ? Date.parse(lease.renewTime) : 0;
  const expires = renewed + (lease.leaseDurationSeconds ?? 15) * 1000;
  return !lease.holderIdentity || expires < now.getTime() ? 'take-over' : 'wait';
}

/**
 * Leader election through a Lease, in the manner of client-go's: every retry
 * period the candidate reads the lease and creates, renews or takes it over
 * when expired, using the resourceVersion so two candidates never both win.
 * `run` resolves when leadership is lost (or `stop` is called) after having
 * been held; callers stop acting then.
 */
export class LeaderElector {
  readonly #rest: KubeRest;
  readonly #o: Required<Omit<LeaderElectionOptions, 'onError'>> & Pick<LeaderElectionOptions, 'onError'>;
  #stopped = false;
  #leading = false;

  constructor(rest: KubeRest, options: LeaderElectionOptions) {
    this.#rest = rest;
    this.#o = {
      leaseDurationSeconds: 15,
      retryPeriodMs: 2000,
      now: () => new Date(),
      ...options,
    };
  }

  get isLeader(): boolean {
    return this.#leading;
  }

  /**
   * Campaigns until elected, calls `onStartedLeading`, then keeps renewing.
   * Resolves once leadership is lost or `stop()` was called.
   */
  async run(onStartedLeading: () => void): Promise<void> {
    // Like client-go's renew deadline: a leader that cannot reach the
    // apiserver keeps acting until two thirds of the lease have passed.
    const renewDeadlineMs = (this.#o.leaseDurationSeconds * 1000 * 2) / 3;
    let lastRenewed = 0;
    while (!this.#stopped) {
      const outcome = await this.#tryAcquireOrRenew();
      const now = this.#o.now().getTime();
      if (outcome === 'held') lastRenewed = now;
      const held =
        outcome === 'held' || (outcome === 'error' && this.#leading && now - lastRenewed < renewDeadlineMs);
      if (held && !this.#leading) {
        this.#leading = true;
        onStartedLeading();
      } else if (!held && this.#leading) {
        this.#leading = false;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.#o.retryPeriodMs));
    }
    if (this.#leading) await this.#release();
    this.#leading = false;
  }

  stop(): void {
    this.#stopped = true;
  }

  get #path(): string {
    return `/apis/coordination.k8s.io/v1/namespaces/${this.#o.namespace}/leases`;
  }

  async #tryAcquireOrRenew(): Promise<'held' | 'not-held' | 'error'> {
    try {
      const lease = await this.#read();
      const now = this.#o.now();
      const decision = leaseDecision(lease?.spec, this.#o.identity, now);
      if (decision === 'wait') return 'not-held';
      const body = this.#nextLease(lease, decision, now);
      if (decision === 'create') await this.#rest.request('POST', this.#path, { body });
      else await this.#rest.request('PUT', `${this.#path}/${this.#o.name}`, { body });
      return 'held';
    } catch (error) {
      if (isConflict(error)) return 'not-held';
      this.#o.onError?.(error);
      return 'error';
    }
  }

  #nextLease(lease: Lease | undefined, decision: 'create' | 'renew' | 'take-over', now: Date): Lease {
    const stamp = now.toISOString().replace(/Z$/, '000Z');
    const metadata: Lease['metadata'] = { name: this.#o.name, namespace: this.#o.namespace };
    if (lease?.metadata.resourceVersion) metadata.resourceVersion = lease.metadata.resourceVersion;
    const spec: Lease['spec'] = {
      holderIdentity: this.#o.identity,
      leaseDurationSeconds: this.#o.leaseDurationSeconds,
      renewTime: stamp,
      acquireTime: decision === 'renew' ? (lease?.spec.acquireTime ?? stamp) : stamp,
      leaseTransitions: (lease?.spec.leaseTransitions ?? 0) + (decision === 'take-over' ? 1 : 0),
    };
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata, spec };
  }

  async #read(): Promise<Lease | undefined> {
    try {
      return await this.#rest.get<Lease>(`${this.#path}/${this.#o.name}`);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Gives the lease up on a clean stop, so a standby takes over at once. */
  async #release(): Promise<void> {
    try {
      const lease = await this.#read();
      if (lease?.spec.holderIdentity !== this.#o.identity) return;
      const spec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1 };
      await this.#rest.request('PUT', `${this.#path}/${this.#o.name}`, { body: { ...lease, spec } });
    } catch (error) {
      this.#o.onError?.(error);
    }
  }
}
