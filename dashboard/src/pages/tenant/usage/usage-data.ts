/**
 * The Usage page's data shaping, as pure functions: the view in the URL, the time range it asks
 * for, buckets filled with zeros where the API left them out, totals, cache hit rate, and series
 * per key or model for the charts.
 */
import type { Ok } from '../../../api/types.ts';

/** The usage answer of the API. */
export type UsageAnswer = Ok<'/v1/tenants/{tenant}/usage', 'get'>;
/** One bucket of usage (for one key or model when grouped). */
export type UsagePoint = UsageAnswer['items'][number];
/** Bucket size. */
export type Granularity = UsageAnswer['granularity'];
/** What a series may be split by. */
export type GroupBy = 'key' | 'model';
/** The ranges one can pick. */
export const RANGES = ['24h', '7d', '30d', 'custom'] as const;
/** One of {@link RANGES}. */
export type RangeName = (typeof RANGES)[number];

/** What the page shows, as kept in the URL's search parameters. */
export interface UsageView {
  readonly range: RangeName;
  readonly granularity: Granularity;
  readonly groupBy: GroupBy | null;
  /** Custom range: first day, `YYYY-MM-DD` (UTC). */
  readonly from: string;
  /** Custom range: last day, inclusive, `YYYY-MM-DD` (UTC). */
  readonly to: string;
}

/** A time range `[from, to)`. */
export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

/** Most buckets the API answers at once. */
export const MAX_BUCKETS = 1_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const RANGE_MS: Readonly<Record<Exclude<RangeName, 'custom'>, number>> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

/** The granularity a range starts with. */
export const DEFAULT_GRANULARITY: Readonly<Record<RangeName, Granularity>> = {
  '24h': 'hour',
  '7d': 'day',
  '30d': 'day',
  custom: 'day',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((candidate) => candidate === value);

/** The view a URL's search parameters describe; anything missing or unknown takes its default. */
export function parseView(params: URLSearchParams): UsageView {
  const range = oneOf(params.get('range'), RANGES) ?? '24h';
  return {
    range,
    granularity: oneOf(params.get('granularity'), ['hour', 'day'] as const) ?? DEFAULT_GRANULARITY[range],
    groupBy: oneOf(params.get('groupBy'), ['key', 'model'] as const) ?? null,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The search parameters of a view: only what differs from the defaults, so links stay short. */
export function viewParams(view: UsageView): Record<string, string> {
  const params: Record<string, string> = {};
  if (view.range !== '24h') params['range'] = view.range;
  if (view.granularity !== DEFAULT_GRANULARITY[view.range]) params['granularity'] = view.granularity;
  if (view.groupBy !== null) params['groupBy'] = view.groupBy;
  if (view.range === 'custom') {
    if (view.from !== '') params['from'] = view.from;
    if (view.to !== '') params['to'] = view.to;
  }
  return params;
}

/** The length of a bucket in milliseconds. */
export const bucketMs = (granularity: Granularity): number => (granularity === 'hour' ? HOUR_MS : DAY_MS);

/** The start of the UTC bucket `time` falls in. */
export const bucketOf = (granularity: Granularity, time: Date): Date =>
  new Date(Math.floor(time.getTime() / bucketMs(granularity)) * bucketMs(granularity));

/** The first instant of the UTC month `now` is in (the monthly token quota's month). */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

function utcDay(value: string): number | undefined {
  if (!DATE.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isNaN(time) ? undefined : time;
}

function checked(range: TimeRange, granularity: Granularity): TimeRange | string {
  const buckets = (range.to.getTime() - range.from.getTime()) / bucketMs(granularity);
  if (buckets <= MAX_BUCKETS) return range;
  const most = MAX_BUCKETS.toLocaleString('en');
  return `That is ${buckets.toLocaleString('en')} ${granularity}s; the most shown at once is ${most}. Choose "Day" or a shorter range.`;
}

/** The range of custom dates (the last day included), or what is wrong with them. */
export function customRangeOf(view: UsageView): TimeRange | string {
  const from = utcDay(view.from);
  const to = utcDay(view.to);
  if (from === undefined || to === undefined) return 'Choose a first and a last day for the custom range.';
  if (to < from) return 'The last day must be on or after the first day.';
  return checked({ from: new Date(from), to: new Date(to + DAY_MS) }, view.granularity);
}

/**
 * The range a view asks for at `now`, in whole buckets: relative ranges end with the current
 * bucket (at least two buckets, so "24 hours" by day shows yesterday and today); a custom range
 * spans its days, the last one included. A string says what is wrong instead.
 */
export function rangeOf(view: UsageView, now: Date): TimeRange | string {
  if (view.range === 'custom') return customRangeOf(view);
  const size = bucketMs(view.granularity);
  const to = new Date(bucketOf(view.granularity, now).getTime() + size);
  const buckets = Math.max(2, Math.ceil(RANGE_MS[view.range] / size));
  return checked({ from: new Date(to.getTime() - buckets * size), to }, view.granularity);
}

/** What is wrong with a view's range, if anything (only custom dates can be wrong). */
export function viewProblem(view: UsageView): string | undefined {
  if (view.range !== 'custom') return undefined;
  const range = customRangeOf(view);
  return typeof range === 'string' ? range : undefined;
}

/** The start of every bucket in `[from, to)`, ISO 8601, oldest first. */
export function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
  const size = bucketMs(granularity);
  const starts: string[] = [];
  const end = Date.parse(to);
  for (let time = bucketOf(granularity, new Date(from)).getTime(); time < end; time += size) {
    starts.push(new Date(time).toISOString());
  }
  return starts;
}

/** Usage added up over some points. */
export interface Totals {
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly requests: number;
  readonly cached: number;
  readonly errors: number;
  /** Mean latency weighted by requests; 0 without requests. */
  readonly avgLatencyMs: number;
  readonly maxLatencyMs: number;
}

/** Nothing used. */
export const ZERO: Totals = {
  tokensIn: 0,
  tokensOut: 0,
  requests: 0,
  cached: 0,
  errors: 0,
  avgLatencyMs: 0,
  maxLatencyMs: 0,
};

/** The points added up: sums summed, latency averaged over requests, the highest maximum kept. */
export function totalsOf(points: readonly Totals[]): Totals {
  let latencySum = 0;
  const sum = { ...ZERO };
  for (const point of points) {
    sum.tokensIn += point.tokensIn;
    sum.tokensOut += point.tokensOut;
    sum.requests += point.requests;
    sum.cached += point.cached;
    sum.errors += point.errors;
    latencySum += point.avgLatencyMs * point.requests;
    sum.maxLatencyMs = Math.max(sum.maxLatencyMs, point.maxLatencyMs);
  }
  return { ...sum, avgLatencyMs: sum.requests === 0 ? 0 : latencySum / sum.requests };
}

/** The share of requests answered from the cache (0–1), or null without requests. */
export const hitRate = (totals: Totals): number | null =>
  totals.requests === 0 ? null : totals.cached / totals.requests;

/** Usage of one bucket. */
export interface BucketTotals extends Totals {
  readonly bucket: string;
}

function byBucket(points: readonly UsagePoint[]): Map<number, UsagePoint[]> {
  const map = new Map<number, UsagePoint[]>();
  for (const point of points) {
    const time = Date.parse(point.bucket);
    const list = map.get(time);
    if (list === undefined) map.set(time, [point]);
    else list.push(point);
  }
  return map;
}

/** Every bucket of `buckets` with its usage (all groups added up); zeros where the API had none. */
export function fillBuckets(points: readonly UsagePoint[], buckets: readonly string[]): BucketTotals[] {
  const found = byBucket(points);
  return buckets.map((bucket) => ({ bucket, ...totalsOf(found.get(Date.parse(bucket)) ?? []) }));
}

/** The group of a point: its key id or model; empty when ungrouped. */
export const groupOf = (point: UsagePoint): string => point.keyId ?? point.model ?? '';

/** The name of the group that gathers the smaller groups. */
export const OTHER_GROUP = '\u0000other';

/** Usage per bucket and group. */
export interface GroupedBuckets {
  /** The groups, busiest first; {@link OTHER_GROUP} last when smaller groups were gathered. */
  readonly groups: readonly string[];
  readonly rows: readonly { readonly bucket: string; readonly byGroup: ReadonlyMap<string, Totals> }[];
}

/**
 * Usage per bucket and key or model: the `maxGroups` busiest groups (by requests, then tokens)
 * each on their own, the rest added up as {@link OTHER_GROUP}.
 */
export function groupBuckets(
  points: readonly UsagePoint[],
  buckets: readonly string[],
  maxGroups = 6,
): GroupedBuckets {
  const weight = new Map<string, number>();
  for (const point of points) {
    const group = groupOf(point);
    weight.set(group, (weight.get(group) ?? 0) + point.requests * 1e9 + point.tokensIn + point.tokensOut);
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kept = ranked.slice(0, ranked.length > maxGroups ? maxGroups - 1 : maxGroups).map(([g]) => g);
  const keptSet = new Set(kept);
  const groups = ranked.length > kept.length ? [...kept, OTHER_GROUP] : kept;
  const found = byBucket(points);
  const rows = buckets.map((bucket) => {
    const inBucket = found.get(Date.parse(bucket)) ?? [];
    const byGroup = new Map<string, Totals>();
    for (const group of groups) {
      const mine = inBucket.filter((p) =>
        group === OTHER_GROUP ? !keptSet.has(groupOf(p)) : groupOf(p) === group,
      );
      byGroup.set(group, totalsOf(mine));
    }
    return { bucket, byGroup };
  });
  return { groups, rows };
}

/** What a chart plots of a bucket's usage. */
export type Metric = 'requests' | 'errors' | 'succeeded' | 'tokens' | 'tokensIn' | 'tokensOut' | 'hitRate';
/** Latency metrics (null without requests, so lines have gaps rather than false zeros). */
export type LatencyMetric = 'avgLatencyMs' | 'maxLatencyMs';

/** One metric of some usage; null where it is undefined (a rate or latency without requests). */
export function metricOf(totals: Totals, metric: Metric | LatencyMetric): number | null {
  switch (metric) {
    case 'tokens':
      return totals.tokensIn + totals.tokensOut;
    case 'succeeded':
      return totals.requests - totals.errors;
    case 'hitRate':
      return hitRate(totals);
    case 'avgLatencyMs':
    case 'maxLatencyMs':
      return totals.requests === 0 ? null : totals[metric];
    default:
      return totals[metric];
  }
}

/** A row of chart data: the bucket, then one value per series (`s0`, `s1`, …). */
export type ChartRow = Readonly<Record<string, string | number | null>>;

/** Chart rows of ungrouped usage: one series per metric. */
export function rowsOfMetrics(
  buckets: readonly BucketTotals[],
  metrics: readonly (Metric | LatencyMetric)[],
): ChartRow[] {
  return buckets.map((bucket) => {
    const row: Record<string, string | number | null> = { bucket: bucket.bucket };
    metrics.forEach((metric, index) => {
      row[`s${index}`] = metricOf(bucket, metric);
    });
    return row;
  });
}

/** Chart rows of grouped usage: one series per group, of one metric. */
export function rowsOfGroups(grouped: GroupedBuckets, metric: Metric | LatencyMetric): ChartRow[] {
  return grouped.rows.map(({ bucket, byGroup }) => {
    const row: Record<string, string | number | null> = { bucket };
    grouped.groups.forEach((group, index) => {
      row[`s${index}`] = metricOf(byGroup.get(group) ?? ZERO, metric);
    });
    return row;
  });
}

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const hourLabel = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayHourLabel = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A bucket's label on an axis: days by their UTC date (buckets are UTC days), hours in the
 * viewer's time, with the day when the range spans several days.
 */
export function bucketLabel(bucket: string, granularity: Granularity, spansDays: boolean): string {
  const time = new Date(bucket);
  if (granularity === 'day') return dayLabel.format(time);
  return spansDays ? dayHourLabel.format(time) : hourLabel.format(time);
}
