import type { UsageEventV1 } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { Clock } from '../clock.ts';
import {
  distinctByRequestId,
  lastUseByKey,
  mergeDeltas,
  rollupDeltas,
  type RollupDelta,
} from './usage-fold.ts';

/** What a fold did. */
export interface FoldResult {
  /** Events counted now. */
  readonly counted: number;
  /** Events whose request id was already counted (re-sends, replays). */
  readonly duplicates: number;
}

/** Records that an API key was used at a time (`ApiKeyService.markUsed`). */
export type KeyUseRecorder = (keyId: string, at: Date) => Promise<void>;

const ROLLUP_KEY = ['tenant', 'granularity', 'bucket', 'key_id', 'model'];
const SUMMED = ['tokens_in', 'tokens_out', 'requests', 'cached', 'errors', 'latency_ms_sum'] as const;

const rollupRow = (d: RollupDelta): Record<string, unknown> => ({
  tenant: d.tenant,
  granularity: d.granularity,
  bucket: d.bucket,
  key_id: d.keyId,
  model: d.model,
  tokens_in: d.tokensIn,
  tokens_out: d.tokensOut,
  requests: d.requests,
  cached: d.cached,
  errors: d.errors,
  latency_ms_sum: d.latencyMsSum,
  latency_ms_max: d.latencyMsMax,
});

/** Rows per INSERT. */
const BATCH = 500;

/**
 * Folds usage events into PostgreSQL, exactly once in effect whatever the delivery: in one
 * transaction each event's request id goes into `usage_requests` (`ON CONFLICT DO NOTHING`), and
 * only the events whose id was new add to the hour and day rollups. A source commits its own
 * position (Kafka offsets after, a file offset inside through `within`), so a crash anywhere means
 * events are delivered again and counted once.
 */
export class UsageStore {
  readonly #db: Knex;
  readonly #clock: Clock;
  readonly #markUsed: KeyUseRecorder | undefined;

  constructor(db: Knex, clock: Clock, markUsed?: KeyUseRecorder) {
    this.#db = db;
    this.#clock = clock;
    this.#markUsed = markUsed;
  }

  /**
   * Folds `events` in one transaction; `within` runs in it too (a source's offset update). Then
   * moves the keys' last-used times forward (best effort: a failure there is not a lost event).
   */
  async fold(
    events: readonly UsageEventV1[],
    within?: (trx: Knex.Transaction) => Promise<void>,
  ): Promise<FoldResult> {
    const distinct = distinctByRequestId(events);
    const counted = await this.#db.transaction(async (trx) => {
      const fresh = await this.#recordRequests(trx, distinct);
      const deltas = mergeDeltas(fresh.flatMap(rollupDeltas));
      for (let start = 0; start < deltas.length; start += BATCH) {
        await trx('usage_rollups')
          .insert(deltas.slice(start, start + BATCH).map(rollupRow))
          .onConflict(ROLLUP_KEY)
          .merge({
            ...Object.fromEntries(SUMMED.map((c) => [c, trx.raw(`usage_rollups.${c} + excluded.${c}`)])),
            latency_ms_max: trx.raw('greatest(usage_rollups.latency_ms_max, excluded.latency_ms_max)'),
          });
      }
      await within?.(trx);
      return fresh;
    });
    if (this.#markUsed !== undefined) {
      for (const [keyId, at] of lastUseByKey(counted)) await this.#markUsed(keyId, at);
    }
    return { counted: counted.length, duplicates: events.length - counted.length };
  }

  /** Inserts the request rows; answers the events whose request id was new. */
  async #recordRequests(trx: Knex.Transaction, events: readonly UsageEventV1[]): Promise<UsageEventV1[]> {
    const receivedAt = this.#clock.now();
    const inserted = new Set<string>();
    for (let start = 0; start < events.length; start += BATCH) {
      const rows = events.slice(start, start + BATCH).map((e) => ({
        request_id: e.requestId,
        tenant: e.tenant,
        key_id: e.keyId,
        model: e.model,
        provider: e.provider,
        status: e.status,
        error_code: e.errorCode ?? null,
        tokens_in: e.tokensIn,
        tokens_out: e.tokensOut,
        cached: e.cached,
        latency_ms: e.latencyMs,
        transport: e.transport,
        tool: e.tool ?? null,
        time: new Date(e.time),
        received_at: receivedAt,
      }));
      const ids = await trx('usage_requests')
        .insert(rows)
        .onConflict('request_id')
        .ignore()
        .returning<{ request_id: string }[]>('request_id');
      for (const { request_id } of ids) inserted.add(request_id);
    }
    return events.filter((event) => inserted.has(event.requestId));
  }

  /** Forgets a deleted tenant's request log and rollups. */
  async deleteTenant(tenant: string): Promise<void> {
    await this.#db('usage_requests').where({ tenant }).delete();
    await this.#db('usage_rollups').where({ tenant }).delete();
  }

  /** Forgets request rows older than `before` (their rollups stay); answers how many. */
  async pruneRequests(before: Date): Promise<number> {
    return this.#db('usage_requests').where('time', '<', before).delete();
  }
}
