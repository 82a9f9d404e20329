import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { usageRecord, UsageSpool, type UsageRecordInput } from '../../src/metering/index.ts';
import { usageEvent } from './usage-event-fixtures.ts';

const records = (from: number, to: number): UsageRecordInput[] =>
  Array.from({ length: to - from }, (_, i) => usageRecord(usageEvent('spool', from + i)));

/** Reserves and appends, as the publisher does. */
async function put(spool: UsageSpool, inputs: UsageRecordInput[]): Promise<void> {
  for (const input of inputs) expect(spool.reserve(Buffer.byteLength(input.line) + 1)).toBe(true);
  await spool.append(inputs);
}

describe('usage spool', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-spool-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('numbers appended events, hands them out oldest first and forgets them once committed', async () => {
    const spool = await UsageSpool.open({ dir, maxBytes: 1_000_000 });
    await put(spool, records(0, 5));

    const first = spool.peek(3);
    await spool.commit(3);

    expect(first.map((r) => [r.offset, r.key])).toEqual([
      [0, 'req-spool-000000'],
      [1, 'req-spool-000001'],
      [2, 'req-spool-000002'],
    ]);
    expect(spool.pending()).toBe(2);
    expect(spool.peek(10).map((r) => r.offset)).toEqual([3, 4]);
    expect(await readFile(join(dir, 'committed'), 'utf8')).toBe('3');
    await spool.close();
  });

  it('resumes after a restart from the committed offset', async () => {
    const before = await UsageSpool.open({ dir, maxBytes: 1_000_000 });
    await put(before, records(0, 5));
    await before.commit(2);
    await before.close();

    const after = await UsageSpool.open({ dir, maxBytes: 1_000_000 });
    await put(after, records(5, 6));

    expect(after.recovery).toEqual({ pending: 3, skipped: 0 });
    expect(after.peek(10).map((r) => [r.offset, r.line])).toEqual(
      records(2, 6).map((r, i) => [i + 2, r.line]),
    );
    await after.close();
  });

  it('cuts off a half-written last line left by a crash', async () => {
    const before = await UsageSpool.open({ dir, maxBytes: 1_000_000 });
    await put(before, records(0, 3));
    await before.close();
    const [segment] = await readdir(dir);
    await appendFile(join(dir, segment!), '{"version":1,"requestId":"req-spo');

    const after = await UsageSpool.open({ dir, maxBytes: 1_000_000 });

    expect(after.pending()).toBe(3);
    expect((await readFile(join(dir, segment!), 'utf8')).endsWith('}\n')).toBe(true);
    await after.close();
  });

  it('skips a damaged line instead of stopping at it', async () => {
    const lines = records(0, 3).map((r) => r.line);
    await writeFile(join(dir, 'segment-00000000000000000000.jsonl'), `${lines[0]}\nnot json\n${lines[2]}\n`);

    const spool = await UsageSpool.open({ dir, maxBytes: 1_000_000 });

    expect(spool.recovery).toEqual({ pending: 2, skipped: 1 });
    expect(spool.peek(10).map((r) => r.offset)).toEqual([0, 2]);
    await spool.close();
  });

  it('starts new segment files and deletes those fully committed', async () => {
    const spool = await UsageSpool.open({ dir, maxBytes: 1_000_000, segmentBytes: 1 });
    await put(spool, records(0, 2));
    await put(spool, records(2, 4));
    await put(spool, records(4, 5));
    const files = (await readdir(dir)).filter((f) => f.startsWith('segment-')).sort();

    await spool.commit(3);

    expect(files).toEqual([
      'segment-00000000000000000000.jsonl',
      'segment-00000000000000000002.jsonl',
      'segment-00000000000000000004.jsonl',
    ]);
    expect((await readdir(dir)).filter((f) => f.startsWith('segment-')).sort()).toEqual(files.slice(1));
    await spool.commit(5);
    // The segment being written stays, even when everything in it is delivered.
    expect((await readdir(dir)).filter((f) => f.startsWith('segment-'))).toEqual(files.slice(2));
    await spool.close();
  });

  it('refuses to reserve beyond maxBytes until events are delivered', async () => {
    const [one] = records(0, 1);
    const bytes = Buffer.byteLength(one!.line) + 1;
    const spool = await UsageSpool.open({ dir, maxBytes: bytes * 2 });

    await put(spool, records(0, 2));
    const whenFull = spool.reserve(bytes);
    await spool.commit(1);
    const afterDelivery = spool.reserve(bytes);

    expect(whenFull).toBe(false);
    expect(afterDelivery).toBe(true);
    spool.release(bytes, 1);
    expect(spool.pending()).toBe(1);
    await spool.close();
  });
});
