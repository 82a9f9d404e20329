import { describe, expect, it } from '@jest/globals';
import {
  bucketLabel,
  bucketStarts,
  fillBuckets,
  groupBuckets,
  hitRate,
  metricOf,
  monthStart,
  OTHER_GROUP,
  parseView,
  rangeOf,
  rowsOfGroups,
  rowsOfMetrics,
  totalsOf,
  viewParams,
  viewProblem,
  ZERO,
  type UsagePoint,
  type UsageView,
} from '../../src/pages/tenant/usage/usage-data.ts';

const point = (bucket: string, extra: Partial<UsagePoint> = {}): UsagePoint => ({
  bucket,
  tokensIn: 100,
  tokensOut: 50,
  requests: 4,
  cached: 1,
  errors: 0,
  avgLatencyMs: 100,
  maxLatencyMs: 150,
  ...extra,
});

const view = (extra: Partial<UsageView> = {}): UsageView => ({
  ...parseView(new URLSearchParams()),
  ...extra,
});
const params = (text: string): URLSearchParams => new URLSearchParams(text);

describe('the view in the URL', () => {
  it('defaults to the last 24 hours by hour, for the whole tenant', () => {
    expect(parseView(params(''))).toEqual({
      range: '24h',
      granularity: 'hour',
      groupBy: null,
      from: '',
      to: '',
    });
  });

  it('takes each range’s own bucket size unless the URL says otherwise', () => {
    expect(parseView(params('range=30d')).granularity).toBe('day');
    expect(parseView(params('range=30d&granularity=hour')).granularity).toBe('hour');
  });

  it('ignores values it does not know', () => {
    expect(parseView(params('range=1y&granularity=minute&groupBy=tool'))).toEqual(parseView(params('')));
  });

  it('writes only what differs from the defaults, and reads back the same view', () => {
    expect(viewParams(view())).toEqual({});
    const custom = view({
      range: 'custom',
      granularity: 'hour',
      groupBy: 'key',
      from: '2026-11-01',
      to: '2026-11-02',
    });
    expect(viewParams(custom)).toEqual({
      range: 'custom',
      granularity: 'hour',
      groupBy: 'key',
      from: '2026-11-01',
      to: '2026-11-02',
    });
    expect(parseView(new URLSearchParams(viewParams(custom)))).toEqual(custom);
    // Dates only matter for a custom range.
    expect(viewParams(view({ range: '7d', granularity: 'day', from: '2026-11-01' }))).toEqual({
      range: '7d',
    });
  });
});

describe('the range of a view', () => {
  const now = new Date('2026-11-22T14:35:00.000Z');

  it('ends with the current bucket and spans the range in whole buckets', () => {
    expect(rangeOf(view(), now)).toEqual({
      from: new Date('2026-11-21T15:00:00.000Z'),
      to: new Date('2026-11-22T15:00:00.000Z'),
    });
    expect(rangeOf(view({ range: '7d', granularity: 'day' }), now)).toEqual({
      from: new Date('2026-11-16T00:00:00.000Z'),
      to: new Date('2026-11-23T00:00:00.000Z'),
    });
  });

  it('shows yesterday and today for "24 hours" by day', () => {
    expect(rangeOf(view({ granularity: 'day' }), now)).toEqual({
      from: new Date('2026-11-21T00:00:00.000Z'),
      to: new Date('2026-11-23T00:00:00.000Z'),
    });
  });

  it('includes the last day of custom dates', () => {
    const custom = view({ range: 'custom', from: '2026-11-01', to: '2026-11-01' });
    expect(rangeOf(custom, now)).toEqual({
      from: new Date('2026-11-01T00:00:00.000Z'),
      to: new Date('2026-11-02T00:00:00.000Z'),
    });
    expect(viewProblem(custom)).toBeUndefined();
  });

  it('says what is wrong with custom dates', () => {
    expect(viewProblem(view({ range: 'custom' }))).toBe(
      'Choose a first and a last day for the custom range.',
    );
    expect(viewProblem(view({ range: 'custom', from: '2026-11-31x', to: '2026-11-01' }))).toBe(
      'Choose a first and a last day for the custom range.',
    );
    expect(viewProblem(view({ range: 'custom', from: '2026-11-02', to: '2026-11-01' }))).toBe(
      'The last day must be on or after the first day.',
    );
    expect(
      viewProblem(view({ range: 'custom', granularity: 'hour', from: '2026-10-01', to: '2026-11-30' })),
    ).toBe('That is 1,464 hours; the most shown at once is 1,000. Choose "Day" or a shorter range.');
    expect(viewProblem(view({ range: '30d', granularity: 'hour' }))).toBeUndefined();
  });

  it('starts the quota month on the first of the UTC month', () => {
    expect(monthStart(new Date('2026-11-30T23:59:00.000Z'))).toEqual(new Date('2026-11-01T00:00:00.000Z'));
  });
});

describe('buckets', () => {
  it('lists every bucket of a range', () => {
    expect(bucketStarts('2026-11-22T10:00:00.000Z', '2026-11-22T13:00:00.000Z', 'hour')).toEqual([
      '2026-11-22T10:00:00.000Z',
      '2026-11-22T11:00:00.000Z',
      '2026-11-22T12:00:00.000Z',
    ]);
    expect(bucketStarts('2026-11-20T00:00:00.000Z', '2026-11-22T00:00:00.000Z', 'day')).toHaveLength(2);
  });

  it('fills buckets without usage with zeros and adds groups up', () => {
    const buckets = bucketStarts('2026-11-22T10:00:00.000Z', '2026-11-22T13:00:00.000Z', 'hour');
    const filled = fillBuckets(
      [
        point('2026-11-22T10:00:00.000Z', { model: 'a' }),
        point('2026-11-22T10:00:00.000Z', { model: 'b', requests: 12, avgLatencyMs: 300, maxLatencyMs: 900 }),
        point('2026-11-22T12:00:00Z'),
      ],
      buckets,
    );
    expect(filled.map((b) => b.requests)).toEqual([16, 0, 4]);
    expect(filled[0]).toEqual({
      bucket: '2026-11-22T10:00:00.000Z',
      tokensIn: 200,
      tokensOut: 100,
      requests: 16,
      cached: 2,
      errors: 0,
      avgLatencyMs: 250,
      maxLatencyMs: 900,
    });
    expect(filled[1]).toEqual({ bucket: '2026-11-22T11:00:00.000Z', ...ZERO });
  });

  it('labels days by their UTC date', () => {
    expect(bucketLabel('2026-11-22T00:00:00.000Z', 'day', true)).toBe('22 Nov');
  });
});

describe('totals and rates', () => {
  it('weights the average latency by requests and keeps the highest maximum', () => {
    const totals = totalsOf([
      point('x', { requests: 1, avgLatencyMs: 1000, maxLatencyMs: 1000 }),
      point('y', { requests: 3, avgLatencyMs: 200, maxLatencyMs: 400 }),
    ]);
    expect(totals.avgLatencyMs).toBe(400);
    expect(totals.maxLatencyMs).toBe(1000);
    expect(totals.requests).toBe(4);
    expect(totalsOf([])).toEqual(ZERO);
  });

  it('has no hit rate or latency without requests', () => {
    expect(hitRate(totalsOf([point('x', { requests: 8, cached: 2 })]))).toBe(0.25);
    expect(hitRate(ZERO)).toBeNull();
    expect(metricOf(ZERO, 'avgLatencyMs')).toBeNull();
    expect(metricOf(ZERO, 'requests')).toBe(0);
    expect(metricOf(point('x', { requests: 5, errors: 2 }), 'succeeded')).toBe(3);
    expect(metricOf(point('x'), 'tokens')).toBe(150);
  });

  it('makes one chart row per bucket with one value per metric', () => {
    const buckets = fillBuckets(
      [point('2026-11-22T10:00:00.000Z')],
      ['2026-11-22T10:00:00.000Z', '2026-11-22T11:00:00.000Z'],
    );
    expect(rowsOfMetrics(buckets, ['tokensIn', 'hitRate'])).toEqual([
      { bucket: '2026-11-22T10:00:00.000Z', s0: 100, s1: 0.25 },
      { bucket: '2026-11-22T11:00:00.000Z', s0: 0, s1: null },
    ]);
  });
});

describe('series per key or model', () => {
  const B1 = '2026-11-22T10:00:00.000Z';
  const B2 = '2026-11-22T11:00:00.000Z';

  it('orders groups by requests and makes one series per group', () => {
    const grouped = groupBuckets(
      [
        point(B1, { keyId: 'small' }),
        point(B1, { keyId: 'big', requests: 40 }),
        point(B2, { keyId: 'big', requests: 2 }),
      ],
      [B1, B2],
    );
    expect(grouped.groups).toEqual(['big', 'small']);
    expect(rowsOfGroups(grouped, 'requests')).toEqual([
      { bucket: B1, s0: 40, s1: 4 },
      { bucket: B2, s0: 2, s1: 0 },
    ]);
    expect(rowsOfGroups(grouped, 'hitRate')[1]).toEqual({ bucket: B2, s0: 0.5, s1: null });
  });

  it('gathers the smaller groups as "other"', () => {
    const points = ['a', 'b', 'c', 'd'].map((model, index) => point(B1, { model, requests: 10 - index }));
    const grouped = groupBuckets(points, [B1], 3);
    expect(grouped.groups).toEqual(['a', 'b', OTHER_GROUP]);
    expect(rowsOfGroups(grouped, 'requests')).toEqual([{ bucket: B1, s0: 10, s1: 9, s2: 15 }]);
  });

  it('keeps every group when they fit', () => {
    const points = ['a', 'b', 'c'].map((model) => point(B1, { model }));
    expect(groupBuckets(points, [B1], 3).groups).toEqual(['a', 'b', 'c']);
    expect(groupBuckets([], [B1]).groups).toEqual([]);
  });
});
