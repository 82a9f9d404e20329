/**
 * How usage events fold into rollups, as pure functions: each event adds to one hour bucket and one
 * day bucket (UTC) of its tenant, key and model. Deltas of a batch that land on the same row are
 * merged first, so one upsert statement never touches a row twice.
 */
import type { UsageEventV1 } from '@lmo/contracts';

/** Rollup bucket sizes. */
export const GRANULARITIES = ['hour', 'day'] as const;
/** One of {@link GRANULARITIES}. */
export type Granularity = (typeof GRANULARITIES)[number];

/** What one or more events add to one rollup row. */
export interface RollupDelta {
  readonly tenant: string;
  readonly granularity: Granularity;
  readonly bucket: Date;
  readonly keyId: string;
  readonly model: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly requests: number;
  readonly cached: number;
  readonly errors: number;
  readonly latencyMsSum: number;
  readonly latencyMsMax: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The start of the UTC hour `time` falls in. */
export const hourOf = (time: Date): Date => new Date(Math.floor(time.getTime() / HOUR_MS) * HOUR_MS);

/** The start of the UTC day `time` falls in. */
export const dayOf = (time: Date): Date => new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);

/** The start of the bucket of `granularity` that `time` falls in. */
export const bucketOf = (granularity: Granularity, time: Date): Date =>
  granularity === 'hour' ? hourOf(time) : dayOf(time);

/** The length of a bucket in milliseconds. */
export const bucketMs = (granularity: Granularity): number => (granularity === 'hour' ? HOUR_MS : DAY_MS);

/** What one event adds: to its hour and to its day. A request counts as an error unless it ended `ok`. */
export function rollupDeltas(event: UsageEventV1): RollupDelta[] {
  const time = new Date(event.time);
  return GRANULARITIES.map((granularity) => ({
    tenant: event.tenant,
    granularity,
    bucket: bucketOf(granularity, time),
    keyId: event.keyId,
    model: event.model,
    tokensIn: event.tokensIn,
    tokensOut: event.tokensOut,
    requests: 1,
    cached: event.cached ? 1 : 0,
    errors: event.status === 'ok' ? 0 : 1,
    latencyMsSum: event.latencyMs,
    latencyMsMax: event.latencyMs,
  }));
}

const rowKey = (d: RollupDelta): string =>
  [d.tenant, d.granularity, d.bucket.toISOString(), d.keyId, d.model].join('\u0000');

/** Deltas on the same row added up (sums summed, the maximum kept), in first-seen order. */
export function mergeDeltas(deltas: readonly RollupDelta[]): RollupDelta[] {
  const merged = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const key = rowKey(delta);
    const seen = merged.get(key);
    merged.set(
      key,
      seen === undefined
        ? delta
        : {
            ...seen,
            tokensIn: seen.tokensIn + delta.tokensIn,
            tokensOut: seen.tokensOut + delta.tokensOut,
            requests: seen.requests + delta.requests,
            cached: seen.cached + delta.cached,
            errors: seen.errors + delta.errors,
            latencyMsSum: seen.latencyMsSum + delta.latencyMsSum,
            latencyMsMax: Math.max(seen.latencyMsMax, delta.latencyMsMax),
          },
    );
  }
  return [...merged.values()];
}

/** The events with distinct request ids, the first of each kept (a batch may carry a re-send). */
export function distinctByRequestId<E extends Pick<UsageEventV1, 'requestId'>>(events: readonly E[]): E[] {
  const seen = new Set<string>();
  return events.filter((event) => (seen.has(event.requestId) ? false : (seen.add(event.requestId), true)));
}

/** The latest time each key was used in `events`, for the keys' `lastUsedAt`. */
export function lastUseByKey(events: readonly Pick<UsageEventV1, 'keyId' | 'time'>[]): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const event of events) {
    const time = new Date(event.time);
    const seen = latest.get(event.keyId);
    if (seen === undefined || seen < time) latest.set(event.keyId, time);
  }
  return latest;
}
