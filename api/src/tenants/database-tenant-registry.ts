import { LmoError, type TenantSpec, type TenantStatus } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { Clock } from '../clock.ts';
import { UPDATE_ATTEMPTS, withPhase, type TenantRecord, type TenantRegistry } from './tenant-registry.ts';

interface TenantRow {
  name: string;
  spec: TenantSpec;
  status: TenantStatus;
  generation: number;
  version: number;
  created_at: Date;
}

const toRecord = (row: TenantRow): TenantRecord => ({
  name: row.name,
  spec: row.spec,
  status: withPhase(row.status, row.spec, false),
  generation: row.generation,
  createdAt: new Date(row.created_at),
});

const notFound = (name: string): LmoError => new LmoError('LMO_NOT_FOUND', `Tenant ${name} not found`);

/**
 * Standalone tenants, in the `tenants` table. The local supervisor (the standalone operator)
 * reports what it observes through {@link DatabaseTenantRegistry.recordStatus}.
 */
export class DatabaseTenantRegistry implements TenantRegistry {
  readonly kind = 'database';
  readonly #db: Knex;
  readonly #clock: Clock;

  constructor(db: Knex, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async create(name: string, spec: TenantSpec): Promise<TenantRecord> {
    const now = this.#clock.now();
    const row = { name, spec, status: {}, generation: 1, version: 1, created_at: now };
    const inserted = await this.#db('tenants')
      .insert({ ...row, spec: JSON.stringify(spec), status: JSON.stringify({}), updated_at: now })
      .onConflict('name')
      .ignore()
      .returning('name');
    if (inserted.length === 0) throw new LmoError('LMO_CONFLICT', `A tenant named ${name} already exists`);
    return toRecord(row);
  }

  async get(name: string): Promise<TenantRecord | undefined> {
    const row = await this.#db<TenantRow>('tenants').where({ name }).first();
    return row === undefined ? undefined : toRecord(row);
  }

  async list(): Promise<TenantRecord[]> {
    const rows = await this.#db<TenantRow>('tenants').orderBy('name');
    return rows.map(toRecord);
  }

  async update(name: string, change: (current: TenantSpec) => TenantSpec): Promise<TenantRecord> {
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const row = await this.#db<TenantRow>('tenants').where({ name }).first();
      if (row === undefined) throw notFound(name);
      const spec = change(row.spec);
      const changed = JSON.stringify(spec) !== JSON.stringify(row.spec);
      const next = { ...row, spec, generation: row.generation + (changed ? 1 : 0), version: row.version + 1 };
      const count = await this.#db('tenants')
        .where({ name, version: row.version })
        .update({
          spec: JSON.stringify(spec),
          generation: next.generation,
          version: next.version,
          updated_at: this.#clock.now(),
        });
      if (count === 1) return toRecord(next);
    }
    throw new LmoError('LMO_CONFLICT', `Tenant ${name} is changing too often; try again`);
  }

  async delete(name: string): Promise<void> {
    const count = await this.#db('tenants').where({ name }).delete();
    if (count === 0) throw notFound(name);
  }

  async ping(): Promise<void> {
    await this.#db.raw('select 1');
  }

  /**
   * Stores what the standalone supervisor observed (phase, conditions, endpoint), as the operator
   * writes a Tenant's status in a cluster. Unknown tenants are ignored (deleted meanwhile).
   */
  async recordStatus(name: string, status: TenantStatus): Promise<void> {
    await this.#db('tenants')
      .where({ name })
      .update({ status: JSON.stringify(status), updated_at: this.#clock.now() });
  }
}
