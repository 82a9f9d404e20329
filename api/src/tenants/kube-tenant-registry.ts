import {
  LmoError,
  TENANT_API_VERSION,
  TENANT_KIND,
  TENANT_PLURAL,
  TENANT_GROUP,
  TENANT_VERSION,
  type Tenant,
  type TenantSpec,
} from '@lmo/contracts';
import { isConflict, isNotFound, type KubeRest } from '@lmo/kube';
import { fromKubeError } from '../kube/kube-errors.ts';
import { UPDATE_ATTEMPTS, withPhase, type TenantRecord, type TenantRegistry } from './tenant-registry.ts';

const COLLECTION = `/apis/${TENANT_GROUP}/${TENANT_VERSION}/${TENANT_PLURAL}`;
const pathOf = (name: string): string => `${COLLECTION}/${encodeURIComponent(name)}`;

/** The label every Tenant the API creates carries, beside the configured ones. */
export const MANAGED_BY_LABEL = { 'app.kubernetes.io/managed-by': 'lmo-api' } as const;

const toRecord = (tenant: Tenant): TenantRecord => ({
  name: tenant.metadata.name,
  spec: tenant.spec,
  status: withPhase(tenant.status, tenant.spec, tenant.metadata.deletionTimestamp !== undefined),
  generation: tenant.metadata.generation ?? 1,
  createdAt: new Date(tenant.metadata.creationTimestamp ?? 0),
});

/**
 * Tenants as `Tenant` resources (lmo.dev/v1alpha1, cluster-scoped), written and read with the
 * API's own least-privilege identity (api/deploy/rbac.yaml). The resource is the truth: settings
 * are read back from it and its status is the operator's. `labels` are stamped on every Tenant the
 * API creates and required of every Tenant it shows, so several APIs (or tests) can share a cluster.
 */
export class KubeTenantRegistry implements TenantRegistry {
  readonly kind = 'kubernetes';
  readonly #rest: KubeRest;
  readonly #labels: Readonly<Record<string, string>>;

  constructor(rest: KubeRest, labels: Readonly<Record<string, string>> = {}) {
    this.#rest = rest;
    this.#labels = labels;
  }

  async create(name: string, spec: TenantSpec): Promise<TenantRecord> {
    const body = {
      apiVersion: TENANT_API_VERSION,
      kind: TENANT_KIND,
      metadata: { name, labels: { ...MANAGED_BY_LABEL, ...this.#labels } },
      spec,
    };
    try {
      return toRecord(await this.#rest.request<Tenant>('POST', COLLECTION, { body }));
    } catch (error) {
      if (isConflict(error)) throw new LmoError('LMO_CONFLICT', `A tenant named ${name} already exists`);
      throw fromKubeError(error, `Tenant ${name}`);
    }
  }

  async get(name: string): Promise<TenantRecord | undefined> {
    const tenant = await this.#read(name);
    return tenant === undefined ? undefined : toRecord(tenant);
  }

  async list(): Promise<TenantRecord[]> {
    const labelSelector = Object.entries(this.#labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    try {
      const answer = await this.#rest.get<{ items: Tenant[] }>(COLLECTION, {
        query: { labelSelector: labelSelector === '' ? undefined : labelSelector },
      });
      return answer.items.map(toRecord).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      throw fromKubeError(error, 'Tenants');
    }
  }

  async update(name: string, change: (current: TenantSpec) => TenantSpec): Promise<TenantRecord> {
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const current = await this.#read(name);
      if (current === undefined) throw new LmoError('LMO_NOT_FOUND', `Tenant ${name} not found`);
      const next = { ...current, spec: change(current.spec) };
      try {
        // A PUT carrying the read resourceVersion: a concurrent writer makes it fail with 409.
        return toRecord(await this.#rest.request<Tenant>('PUT', pathOf(name), { body: next }));
      } catch (error) {
        if (!isConflict(error)) throw fromKubeError(error, `Tenant ${name}`);
      }
    }
    throw new LmoError('LMO_CONFLICT', `Tenant ${name} is changing too often; try again`);
  }

  async delete(name: string): Promise<void> {
    if ((await this.#read(name)) === undefined) {
      throw new LmoError('LMO_NOT_FOUND', `Tenant ${name} not found`);
    }
    try {
      // No DeleteOptions body (a uid precondition): the apiserver answers a DELETE with a chunked
      // body before reading it, and the next request on the kept-alive connection then fails.
      await this.#rest.request('DELETE', pathOf(name));
    } catch (error) {
      throw fromKubeError(error, `Tenant ${name}`);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.#rest.get(COLLECTION, { query: { limit: 1 } });
    } catch (error) {
      throw fromKubeError(error, 'Tenants');
    }
  }

  /** The Tenant if it exists and carries this API's labels. */
  async #read(name: string): Promise<Tenant | undefined> {
    try {
      const tenant = await this.#rest.get<Tenant>(pathOf(name));
      const labels = tenant.metadata.labels ?? {};
      return Object.entries(this.#labels).every(([key, value]) => labels[key] === value) ? tenant : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw fromKubeError(error, `Tenant ${name}`);
    }
  }
}
