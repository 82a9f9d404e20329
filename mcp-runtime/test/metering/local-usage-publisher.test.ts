import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LmoError, parseUsageEvent } from '@lmo/contracts';
import { createLocalUsagePublisher } from '../../src/metering/index.ts';
import { usageEvent } from './usage-event-fixtures.ts';

describe('local usage publisher', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-usage-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per event, in publish order, creating the directory', async () => {
    const path = join(dir, 'events', 'usage.jsonl');
    const publisher = await createLocalUsagePublisher({ path, sync: true });

    await Promise.all([1, 2, 3].map((n) => publisher.publish(usageEvent('local', n))));
    await publisher.close();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');

    expect(lines.map((line) => parseUsageEvent(line))).toEqual(
      [1, 2, 3].map((n) => ({ ok: true, value: usageEvent('local', n) })),
    );
    expect(publisher.pending()).toBe(0);
  });

  it('keeps appending to an existing log after a restart', async () => {
    const path = join(dir, 'usage.jsonl');
    const first = await createLocalUsagePublisher({ path });
    await first.publish(usageEvent('local', 1));
    await first.close();
    const second = await createLocalUsagePublisher({ path });
    await second.publish(usageEvent('local', 2));
    await second.close();

    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
  });

  it('refuses an invalid event and writes nothing', async () => {
    const path = join(dir, 'usage.jsonl');
    const publisher = await createLocalUsagePublisher({ path });

    const error = await publisher
      .publish({ ...usageEvent('local', 1), tokensIn: -1 })
      .catch((e: unknown) => e);
    await publisher.close();

    expect(error).toBeInstanceOf(LmoError);
    expect((error as LmoError).code).toBe('LMO_INTERNAL');
    expect(String((error as LmoError).cause)).toContain('/tokensIn');
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('refuses events after close with LMO_DEPENDENCY_UNAVAILABLE', async () => {
    const publisher = await createLocalUsagePublisher({ path: join(dir, 'usage.jsonl') });
    await publisher.close();

    await expect(publisher.publish(usageEvent('local', 1))).rejects.toMatchObject({
      code: 'LMO_DEPENDENCY_UNAVAILABLE',
    });
  });
});
