import { describe, expect, it } from '@jest/globals';
import {
  bucketOf,
  dayOf,
  distinctByRequestId,
  hourOf,
  lastUseByKey,
  mergeDeltas,
  rollupDeltas,
} from '../src/usage/usage-fold.ts';
import { completeLines } from '../src/usage/usage-file-tailer.ts';
import { usageEvent } from './support/usage-events.ts';

describe('usage folding', () => {
  it('puts an event into its UTC hour and day', () => {
    const time = new Date('2026-11-22T23:59:59.999Z');

    expect(hourOf(time).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(dayOf(time).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(bucketOf('hour', new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('turns one event into an hour delta and a day delta, errors being anything but ok', () => {
    const deltas = rollupDeltas(
      usageEvent({ cached: true, status: 'rate_limited', errorCode: 'LMO_RATE_LIMITED', latencyMs: 7 }),
    );

    expect(deltas.map((d) => [d.granularity, d.bucket.toISOString()])).toEqual([
      ['hour', '2026-11-22T10:00:00.000Z'],
      ['day', '2026-11-22T00:00:00.000Z'],
    ]);
    expect(deltas[0]).toMatchObject({
      requests: 1,
      cached: 1,
      errors: 1,
      tokensIn: 10,
      latencyMsSum: 7,
      latencyMsMax: 7,
    });
  });

  it('merges deltas on the same row: sums added, the maximum kept', () => {
    const merged = mergeDeltas([
      ...rollupDeltas(usageEvent({ latencyMs: 5 })),
      ...rollupDeltas(usageEvent({ latencyMs: 50, tokensIn: 1 })),
      ...rollupDeltas(usageEvent({ model: 'other' })),
    ]);

    expect(merged).toHaveLength(4);
    expect(merged[0]).toMatchObject({
      granularity: 'hour',
      requests: 2,
      tokensIn: 11,
      latencyMsSum: 55,
      latencyMsMax: 50,
    });
    expect(merged.filter((d) => d.model === 'other')).toHaveLength(2);
  });

  it('keeps the first event of each request id, and the latest use of each key', () => {
    const a = usageEvent({ requestId: 'request-a', time: '2026-11-22T10:00:00Z' });
    const again = { ...a, tokensIn: 999 };
    const b = usageEvent({ requestId: 'request-b', time: '2026-11-22T11:00:00Z' });

    expect(distinctByRequestId([a, again, b])).toEqual([a, b]);
    expect(lastUseByKey([b, a])).toEqual(new Map([['abcdefabcdef', new Date('2026-11-22T11:00:00Z')]]));
  });
});

describe('completeLines', () => {
  it('takes whole lines only and counts their bytes, multi-byte characters included', () => {
    const buffer = Buffer.from('{"a":"ü"}\n\n{"b":2}\n{"c":', 'utf8');

    expect(completeLines(buffer)).toEqual({
      lines: ['{"a":"ü"}', '{"b":2}'],
      bytes: Buffer.byteLength('{"a":"ü"}\n\n{"b":2}\n'),
    });
    expect(completeLines(Buffer.from('{"partial":'))).toEqual({ lines: [], bytes: 0 });
  });
});
