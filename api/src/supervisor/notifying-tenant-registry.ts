import type { TenantSpec } from '@lmo/contracts';
import type { TenantRecord, TenantRegistry } from '../tenants/tenant-registry.ts';

/**
 * A tenant registry that tells `onChange(name)` after every successful create, update (settings,
 * suspend, resume) and delete, so the standalone supervisor reacts at once instead of at its next
 * resync. Reads pass straight through; a failed write tells nobody.
 */
export class NotifyingTenantRegistry implements TenantRegistry {
  readonly #inner: TenantRegistry;
  readonly #onChange: (name: string) => void;

  constructor(inner: TenantRegistry, onChange: (name: string) => void) {
    this.#inner = inner;
    this.#onChange = onChange;
  }

  get kind(): TenantRegistry['kind'] {
    return this.#inner.kind;
  }

  async create(name: string, spec: TenantSpec): Promise<TenantRecord> {
    const record = await this.#inner.create(name, spec);
    this.#onChange(name);
    return record;
  }

  get(name: string): Promise<TenantRecord | undefined> {
    return this.#inner.get(name);
  }

  list(): Promise<TenantRecord[]> {
    return this.#inner.list();
  }

  async update(name: string, change: (current: TenantSpec) => TenantSpec): Promise<TenantRecord> {
    const record = await this.#inner.update(name, change);
    this.#onChange(name);
    return record;
  }

  async delete(name: string): Promise<void> {
    await this.#inner.delete(name);
    this.#onChange(name);
  }

  ping(): Promise<void> {
    return this.#inner.ping();
  }
}
