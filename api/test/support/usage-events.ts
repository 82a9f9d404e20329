// Usage events for tests, and the rollups they should fold into, computed independently of the
// code under test (a plain loop over distinct events).
import { randomUUID } from 'node:crypto';
import type { UsageEventV1 } from '@lmo/contracts';
import type { Knex } from 'knex';

/** A valid v1 usage event; `overrides` win. */
export function usageEvent(overrides: Partial<UsageEventV1> = {}): UsageEventV1 {
  return {
    version: 1,
    requestId: `req-${randomUUID()}`,
    tenant: 'acme',
    keyId: 'abcdefabcdef',
    model: 'echo-1',
    provider: 'echo',
    tokensIn: 10,
    tokensOut: 20,
    cached: false,
    latencyMs: 100,
    status: 'ok',
    transport: 'rest',
    time: '2026-11-22T10:15:00.000Z',
    ...overrides,
  };
}

/** A rollup row as the tests compare them. */
export interface RollupRow {
  tenant: string;
  granularity: string;
  bucket: string;
  key_id: string;
  model: string;
  tokens_in: number;
  tokens_out: number;
  requests: number;
  cached: number;
  errors: number;
  latency_ms_sum: number;
  latency_ms_max: number;
}

/** Every rollup row of `tenants`, in a stable order, with numbers as numbers. */
export async function rollupsOf(db: Knex, tenants: readonly string[]): Promise<RollupRow[]> {
  const rows = await db('usage_rollups')
    .whereIn('tenant', [...tenants])
    .orderBy(['tenant', 'granularity', 'bucket', 'key_id', 'model'])
    .select<Record<string, unknown>[]>('*');
  return rows.map((row) => ({
    tenant: String(row['tenant']),
    granularity: String(row['granularity']),
    bucket: new Date(row['bucket'] as string).toISOString(),
    key_id: String(row['key_id']),
    model: String(row['model']),
    tokens_in: Number(row['tokens_in']),
    tokens_out: Number(row['tokens_out']),
    requests: Number(row['requests']),
    cached: Number(row['cached']),
    errors: Number(row['errors']),
    latency_ms_sum: Number(row['latency_ms_sum']),
    latency_ms_max: Number(row['latency_ms_max']),
  }));
}

/** The hour rollup rows `events` should give, each request id counted once. */
export function expectedHourRollups(events: readonly UsageEventV1[]): RollupRow[] {
  const seen = new Set<string>();
  const rows = new Map<string, RollupRow>();
  for (const e of events) {
    if (seen.has(e.requestId)) continue;
    seen.add(e.requestId);
    const hour = new Date(Math.floor(Date.parse(e.time) / 3_600_000) * 3_600_000).toISOString();
    const key = [e.tenant, hour, e.keyId, e.model].join('|');
    const row = rows.get(key) ?? {
      tenant: e.tenant,
      granularity: 'hour',
      bucket: hour,
      key_id: e.keyId,
      model: e.model,
      tokens_in: 0,
      tokens_out: 0,
      requests: 0,
      cached: 0,
      errors: 0,
      latency_ms_sum: 0,
      latency_ms_max: 0,
    };
    row.tokens_in += e.tokensIn;
    row.tokens_out += e.tokensOut;
    row.requests += 1;
    row.cached += e.cached ? 1 : 0;
    row.errors += e.status === 'ok' ? 0 : 1;
    row.latency_ms_sum += e.latencyMs;
    row.latency_ms_max = Math.max(row.latency_ms_max, e.latencyMs);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) =>
    [a.tenant, a.bucket, a.key_id, a.model]
      .join('|')
      .localeCompare([b.tenant, b.bucket, b.key_id, b.model].join('|')),
  );
}
