import { derivePhase, type TenantSpec, type TenantStatus } from '@lmo/contracts';

/** A tenant as a registry holds it: the desired spec and the observed status. */
export interface TenantRecord {
  readonly name: string;
  /** The defaulted spec (every default filled in). */
  readonly spec: TenantSpec;
  /** Always has a `phase`: the operator's (or supervisor's), or one derived from the conditions. */
  readonly status: TenantStatus & { readonly phase: NonNullable<TenantStatus['phase']> };
  /** Bumped on every spec change; `status.observedGeneration` catches up when it is reconciled. */
  readonly generation: number;
  readonly createdAt: Date;
}

/**
 * Where tenants live. Two implementations pass the same test suite: {@link DatabaseTenantRegistry}
 * (standalone, `make dev`) and {@link KubeTenantRegistry} (a cluster: `Tenant` resources, which are
 * the truth for settings and status). Neither checks who is asking: that is the TenantService's job.
 * Errors are {@link LmoError}s: `LMO_CONFLICT`, `LMO_NOT_FOUND`, `LMO_VALIDATION_FAILED`,
 * `LMO_DEPENDENCY_UNAVAILABLE`.
 */
export interface TenantRegistry {
  /** Which implementation this is, for `/readyz` and logs. */
  readonly kind: 'database' | 'kubernetes';
  /**
   * Creates a tenant with a spec already validated by `validateTenantSpec`.
   * @throws {LmoError} `LMO_CONFLICT` when the name is taken.
   */
  create(name: string, spec: TenantSpec): Promise<TenantRecord>;
  /** The tenant, or `undefined` when there is none (or it is not this API's to see). */
  get(name: string): Promise<TenantRecord | undefined>;
  /** Every tenant this API manages, by name. */
  list(): Promise<TenantRecord[]>;
  /**
   * Replaces the spec with `change(current)` (read-modify-write, retried when someone else wrote
   * in between). `change` may throw to abort; it must be pure, as it may run more than once.
   * @throws {LmoError} `LMO_NOT_FOUND` when the tenant does not exist.
   */
  update(name: string, change: (current: TenantSpec) => TenantSpec): Promise<TenantRecord>;
  /**
   * Deletes the tenant (in a cluster, the operator's finalizer then cleans up).
   * @throws {LmoError} `LMO_NOT_FOUND` when the tenant does not exist.
   */
  delete(name: string): Promise<void>;
  /** Resolves when the backing store answers; for `/readyz`. */
  ping(): Promise<void>;
}

/** The status to show: the stored one, with a phase derived from its conditions when it has none. */
export function withPhase(
  status: TenantStatus | undefined,
  spec: TenantSpec,
  deleting: boolean,
): TenantRecord['status'] {
  const conditions = status?.conditions ?? [];
  return {
    ...status,
    conditions,
    phase: status?.phase ?? derivePhase(conditions, { suspended: spec.suspended, deleting }),
  };
}

/** How many times `update` re-reads and re-applies after a concurrent write. */
export const UPDATE_ATTEMPTS = 5;
