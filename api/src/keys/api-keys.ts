import { API_KEY_PREFIX, apiKeyDisplayPrefix, formatApiKeyHash, LmoError } from '@lmo/contracts';
import type { Knex } from 'knex';
import { randomId, randomSecret, sha256Hex } from '../auth/secrets.ts';
import type { Clock } from '../clock.ts';
import type { KeyHashSink } from './key-hash-sink.ts';

/** A tenant's app API key as listed; the key itself is shown only once, at creation. */
export interface ApiKey {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  /** `lmo_<keyId>`: recognisable, useless to authenticate. */
  readonly prefix: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  tenant: string;
  name: string;
  prefix: string;
  hash: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  tenant: row.tenant,
  name: row.name,
  prefix: row.prefix,
  createdAt: new Date(row.created_at),
  lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
});

/**
 * Tenants' app API keys (`lmo_<keyId>_<secret>`): the database keeps the name, display prefix and
 * `sha256:<hex>` entry; the {@link KeyHashSink} carries the entries to the tenant's runtime. Every
 * change holds a per-tenant PostgreSQL advisory lock from the database write to the end of the
 * sink's sync and commits only after the sync succeeded, so the runtime's entries always equal the
 * live keys, and two API replicas never race each other's syncs.
 */
export class ApiKeyService {
  readonly #db: Knex;
  readonly #sink: KeyHashSink;
  readonly #clock: Clock;

  constructor(db: Knex, sink: KeyHashSink, clock: Clock) {
    this.#db = db;
    this.#sink = sink;
    this.#clock = clock;
  }

  /**
   * Creates a key; `key` in the result is the only time its plaintext exists.
   * @throws {LmoError} what the sink throws (`LMO_TENANT_NOT_READY`, ...); nothing is kept then.
   */
  async create(tenant: string, name: string, createdBy: string | null): Promise<ApiKey & { key: string }> {
    const id = randomId();
    const key = `${API_KEY_PREFIX}${id}_${randomSecret()}`;
    const row: ApiKeyRow = {
      id,
      tenant,
      name,
      prefix: apiKeyDisplayPrefix(id),
      hash: formatApiKeyHash(sha256Hex(key)),
      created_by: createdBy,
      created_at: this.#clock.now(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.#changeAndSync(tenant, (trx) => trx('api_keys').insert(row));
    return { ...toKey(row), key };
  }

  /** The tenant's live keys, newest first. */
  async list(tenant: string): Promise<ApiKey[]> {
    const rows = await this.#db<ApiKeyRow>('api_keys')
      .where({ tenant })
      .whereNull('revoked_at')
      .orderBy([{ column: 'created_at', order: 'desc' }, 'id']);
    return rows.map(toKey);
  }

  /**
   * Revokes a key: its entry leaves the runtime's store before the revocation is committed.
   * @throws {LmoError} `LMO_NOT_FOUND` when the tenant has no such live key (another tenant's key
   *   id reads as not found).
   */
  async revoke(tenant: string, id: string): Promise<void> {
    await this.#changeAndSync(tenant, async (trx) => {
      const count = await trx('api_keys')
        .where({ tenant, id })
        .whereNull('revoked_at')
        .update({ revoked_at: this.#clock.now() });
      if (count === 0) throw new LmoError('LMO_NOT_FOUND', 'No such API key');
    });
  }

  /**
   * Revokes every key of a tenant (the tenant is being deleted), then clears its entries. The
   * revocation is committed even when the sink fails (its error is rethrown), so keys of a deleted
   * tenant can never come back with a new tenant of the same name.
   */
  async revokeAll(tenant: string): Promise<void> {
    await this.#db('api_keys')
      .where({ tenant })
      .whereNull('revoked_at')
      .update({ revoked_at: this.#clock.now() });
    await this.resync(tenant);
  }

  /** Re-applies the tenant's live entries to the sink (repairs drift; idempotent). */
  async resync(tenant: string): Promise<void> {
    await this.#changeAndSync(tenant, () => Promise.resolve());
  }

  /** Records that a key was used (from usage events); only ever moves the time forward. */
  async markUsed(id: string, at: Date): Promise<void> {
    await this.#db('api_keys')
      .where({ id })
      .andWhere((q) => {
        void q.whereNull('last_used_at').orWhere('last_used_at', '<', at);
      })
      .update({ last_used_at: at });
  }

  async #changeAndSync(tenant: string, change: (trx: Knex.Transaction) => Promise<unknown>): Promise<void> {
    await this.#db.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`lmo-api-keys:${tenant}`]);
      await change(trx);
      const live = await trx<ApiKeyRow>('api_keys')
        .where({ tenant })
        .whereNull('revoked_at')
        .select('id', 'hash');
      await this.#sink.sync(tenant, new Map(live.map((row) => [row.id, row.hash])));
    });
  }
}
