import { LmoError } from '@lmo/contracts';
import type { Knex } from 'knex';
import { bucketMs, type Granularity } from './usage-fold.ts';

/** One bucket of a usage series, for the whole tenant or one key or model. */
export interface UsagePoint {
  /** Start of the bucket, ISO 8601. */
  readonly bucket: string;
  readonly keyId?: string;
  readonly model?: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly requests: number;
  readonly cached: number;
  readonly errors: number;
  /** Mean latency of the bucket's requests in milliseconds (0 without requests). */
  readonly avgLatencyMs: number;
  readonly maxLatencyMs: number;
}

/** A usage series query. */
export interface UsageQuery {
  readonly tenant: string;
  readonly from: Date;
  readonly to: Date;
  readonly granularity: Granularity;
  readonly groupBy?: 'key' | 'model' | undefined;
}

/** One request of the recent-requests log. */
export interface RecentRequest {
  readonly requestId: string;
  readonly keyId: string;
  readonly model: string;
  readonly provider: string;
  readonly status: string;
  readonly errorCode: string | null;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly cached: boolean;
  readonly latencyMs: number;
  readonly transport: string;
  readonly tool: string | null;
  readonly time: string;
}

/** A recent-requests query: newest first, optionally filtered. */
export interface RequestsQuery {
  readonly tenant: string;
  readonly limit: number;
  readonly keyId?: string | undefined;
  readonly model?: string | undefined;
  readonly status?: string | undefined;
  /** Only requests that finished before this time (paging back). */
  readonly before?: Date | undefined;
}

/** Most buckets one series may span. */
export const MAX_BUCKETS = 1_000;

const GROUP_COLUMN = { key: 'key_id', model: 'model' } as const;

interface SeriesRow {
  bucket: Date | string;
  group: string | null;
  tokens_in: string | number;
  tokens_out: string | number;
  requests: string | number;
  cached: string | number;
  errors: string | number;
  latency_ms_sum: string | number;
  latency_ms_max: string | number;
}

/** Reads of the usage rollups and the request log, for the usage endpoints and reconciliation. */
export class UsageReports {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * The tenant's usage per bucket in `[from, to)` (buckets are those starting in it), oldest first,
   * per key or model when grouped. Buckets without requests are absent.
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when `to` is not after `from` or the range spans
   *   more than {@link MAX_BUCKETS} buckets.
   */
  async series(query: UsageQuery): Promise<UsagePoint[]> {
    const span = (query.to.getTime() - query.from.getTime()) / bucketMs(query.granularity);
    if (span <= 0) throw new LmoError('LMO_VALIDATION_FAILED', '`to` must be after `from`');
    if (span > MAX_BUCKETS) {
      throw new LmoError('LMO_VALIDATION_FAILED', `At most ${MAX_BUCKETS} ${query.granularity}s at once`);
    }
    const group = query.groupBy === undefined ? undefined : GROUP_COLUMN[query.groupBy];
    const rows = (await this.#db('usage_rollups')
      .where({ tenant: query.tenant, granularity: query.granularity })
      .where('bucket', '>=', query.from)
      .where('bucket', '<', query.to)
      .select('bucket', group === undefined ? this.#db.raw('null as "group"') : `${group} as group`)
      .sum({ tokens_in: 'tokens_in', tokens_out: 'tokens_out', requests: 'requests', cached: 'cached' })
      .sum({ errors: 'errors', latency_ms_sum: 'latency_ms_sum' })
      .max({ latency_ms_max: 'latency_ms_max' })
      .groupBy(group === undefined ? ['bucket'] : ['bucket', group])
      .orderBy(group === undefined ? ['bucket'] : ['bucket', group])) as SeriesRow[];
    return rows.map((row) => {
      const requests = Number(row.requests);
      const grouping =
        row.group === null ? {} : query.groupBy === 'key' ? { keyId: row.group } : { model: row.group };
      return {
        bucket: new Date(row.bucket).toISOString(),
        ...grouping,
        tokensIn: Number(row.tokens_in),
        tokensOut: Number(row.tokens_out),
        requests,
        cached: Number(row.cached),
        errors: Number(row.errors),
        avgLatencyMs: requests === 0 ? 0 : Number(row.latency_ms_sum) / requests,
        maxLatencyMs: Number(row.latency_ms_max),
      };
    });
  }

  /** The tenant's most recent requests, newest first. */
  async requests(query: RequestsQuery): Promise<RecentRequest[]> {
    const builder = this.#db('usage_requests').where({ tenant: query.tenant });
    if (query.keyId !== undefined) void builder.where({ key_id: query.keyId });
    if (query.model !== undefined) void builder.where({ model: query.model });
    if (query.status !== undefined) void builder.where({ status: query.status });
    if (query.before !== undefined) void builder.where('time', '<', query.before);
    const rows = (await builder
      .orderBy([
        { column: 'time', order: 'desc' },
        { column: 'request_id', order: 'desc' },
      ])
      .limit(query.limit)) as Record<string, unknown>[];
    return rows.map((row) => ({
      requestId: String(row['request_id']),
      keyId: String(row['key_id']),
      model: String(row['model']),
      provider: String(row['provider']),
      status: String(row['status']),
      errorCode: (row['error_code'] as string | null) ?? null,
      tokensIn: Number(row['tokens_in']),
      tokensOut: Number(row['tokens_out']),
      cached: row['cached'] === true,
      latencyMs: Number(row['latency_ms']),
      transport: String(row['transport']),
      tool: (row['tool'] as string | null) ?? null,
      time: new Date(row['time'] as string).toISOString(),
    }));
  }

  /** Tokens (in + out) per tenant in the hour starting at `hour`, from the hour rollups. */
  async tokensByTenant(hour: Date): Promise<Map<string, number>> {
    const rows = await this.#db('usage_rollups')
      .where({ granularity: 'hour', bucket: hour })
      .select<{ tenant: string; tokens: string | number }[]>(
        'tenant',
        this.#db.raw('sum(tokens_in + tokens_out) as tokens'),
      )
      .groupBy('tenant');
    return new Map(rows.map((row) => [row.tenant, Number(row.tokens)]));
  }
}
