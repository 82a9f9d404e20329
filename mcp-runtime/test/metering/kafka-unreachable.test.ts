// The Kafka publisher with no broker to talk to: events wait on disk, the spool is bounded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaUsagePublisher, type UsagePublisher } from '../../src/metering/index.ts';
import { usageEvent } from './usage-event-fixtures.ts';

const nowhere = (): Kafka =>
  new Kafka({
    clientId: 'lmo-test',
    brokers: ['127.0.0.1:1'],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 200,
    // Give up connecting at once, so that each test's publisher closes quickly.
    retry: { retries: 0 },
  });

describe('kafka usage publisher without Kafka', () => {
  let dir: string;
  let publisher: UsagePublisher | undefined;
  const pendingGauge: number[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lmo-spool-'));
    pendingGauge.length = 0;
  });
  afterEach(async () => {
    await publisher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async (maxSpoolBytes = 1_000_000): Promise<UsagePublisher> => {
    publisher = await createKafkaUsagePublisher({
      kafka: nowhere(),
      spoolDir: dir,
      maxSpoolBytes,
      closeGraceMs: 50,
      metrics: { setUsageEventsPending: (n) => pendingGauge.push(n) },
    });
    return publisher;
  };

  it('accepts events onto the spool and counts them as pending', async () => {
    const p = await open();

    await Promise.all([1, 2, 3].map((n) => p.publish(usageEvent('down', n))));

    expect(p.pending()).toBe(3);
    expect(pendingGauge.at(-1)).toBe(3);
  });

  it('refuses with LMO_DEPENDENCY_UNAVAILABLE when the spool is full', async () => {
    const size = Buffer.byteLength(JSON.stringify(usageEvent('down', 1))) + 1;
    const p = await open(size * 2);
    await p.publish(usageEvent('down', 1));
    await p.publish(usageEvent('down', 2));

    const error = await p.publish(usageEvent('down', 3)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LmoError);
    expect((error as LmoError).code).toBe('LMO_DEPENDENCY_UNAVAILABLE');
    expect((error as LmoError).message).toContain('spool is full');
    expect(p.pending()).toBe(2);
  });

  it('never writes an event that breaks the schema', async () => {
    const p = await open();

    await expect(
      p.publish({ ...usageEvent('down', 1), status: 'ok', errorCode: 'LMO_INTERNAL' }),
    ).rejects.toMatchObject({ code: 'LMO_INTERNAL' });
    await expect(p.publish({ ...usageEvent('down', 2), requestId: 'short' })).rejects.toMatchObject({
      code: 'LMO_INTERNAL',
    });
    expect(p.pending()).toBe(0);
  });

  it('keeps pending events on disk across a restart', async () => {
    const first = await open();
    await first.publish(usageEvent('down', 1));
    await first.publish(usageEvent('down', 2));
    await first.close();

    const second = await open();

    expect(second.pending()).toBe(2);
  });
});
