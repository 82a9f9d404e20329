// The Kafka usage publisher against the harness's Kafka, including a broker outage and a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseUsageEvent } from '@lmo/contracts';
import { down, harnessEnv, up } from '@lmo/harness';
import { Kafka, logLevel, type Admin, type KafkaMessage } from 'kafkajs';
import {
  createKafkaUsagePublisher,
  createRuntimeMetrics,
  type UsagePublisher,
} from '../../src/metering/index.ts';
import { requestId, runId, usageEvent } from './usage-event-fixtures.ts';

const kafka = new Kafka({
  clientId: 'lmo-usage-test',
  brokers: harnessEnv('KAFKA_BROKERS').split(','),
  logLevel: logLevel.NOTHING,
});
const admin: Admin = kafka.admin();
const topics: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  await admin.connect();
}, 30_000);

afterAll(async () => {
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}, 60_000);

/** A new single-partition topic, so that the order of the whole topic can be checked. */
async function newTopic(label: string): Promise<string> {
  const topic = `lmo-usage-test-${label}-${runId()}`;
  topics.push(topic);
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  return topic;
}

async function spoolDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lmo-usage-spool-'));
  dirs.push(dir);
  return dir;
}

async function eventually(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads `count` messages of `topic` from the beginning with a fresh consumer group. */
async function consume(topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `${topic}-reader` });
  const messages: KafkaMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`read ${messages.length} of ${count} messages`));
      }, 60_000);
      void consumer.run({
        eachMessage: ({ message }) => {
          messages.push(message);
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Messages the topic holds in all (its high watermark): more than published would mean duplicates. */
async function topicSize(topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}

const keys = (messages: readonly KafkaMessage[]): string[] => messages.map((m) => m.key?.toString() ?? '');

describe('kafka usage publisher', () => {
  it('delivers each event once, keyed by its request id, as the JSON of the event', async () => {
    const topic = await newTopic('basic');
    const run = runId();
    const publisher = await createKafkaUsagePublisher({ kafka, topic, spoolDir: await spoolDir() });
    try {
      await Promise.all(Array.from({ length: 50 }, (_, n) => publisher.publish(usageEvent(run, n))));
      await eventually(() => publisher.pending() === 0, 30_000, 'every event is delivered');
    } finally {
      await publisher.close();
    }

    const messages = await consume(topic, 50);

    expect(new Set(keys(messages))).toEqual(new Set(Array.from({ length: 50 }, (_, n) => requestId(run, n))));
    for (const message of messages) {
      const parsed = parseUsageEvent(message.value?.toString());
      expect(parsed.ok && parsed.value.requestId).toBe(message.key?.toString());
    }
    expect(await topicSize(topic)).toBe(50);
  }, 90_000);

  it('keeps every event through a Kafka outage and delivers all 1,000 in order, exactly once', async () => {
    const topic = await newTopic('outage');
    const run = runId();
    const metrics = createRuntimeMetrics({ defaultMetrics: false });
    const publisher = await createKafkaUsagePublisher({
      kafka,
      topic,
      spoolDir: await spoolDir(),
      backoff: { initialMs: 100, maxMs: 1_000 },
      metrics,
    });
    const publishRange = async (from: number, to: number): Promise<void> => {
      for (let n = from; n < to; n += 10) {
        await Promise.all(Array.from({ length: 10 }, (_, i) => publisher.publish(usageEvent(run, n + i))));
      }
    };
    let pendingDuringOutage: number;
    try {
      await publishRange(0, 300);
      await down(['kafka']);
      await publishRange(300, 700);
      pendingDuringOutage = publisher.pending();
      await up(['kafka']);
      await publishRange(700, 1_000);
      await eventually(() => publisher.pending() === 0, 120_000, 'the spool is empty');
    } finally {
      await up(['kafka']);
      await publisher.close();
    }

    const messages = await consume(topic, 1_000);

    expect(pendingDuringOutage).toBeGreaterThanOrEqual(400);
    expect(keys(messages)).toEqual(Array.from({ length: 1_000 }, (_, n) => requestId(run, n)));
    expect(await topicSize(topic)).toBe(1_000);
    expect(await metrics.registry.metrics()).toContain('lmo_usage_events_pending 0');
  }, 240_000);

  it('delivers what a closed publisher left in its spool when a new one starts on the directory', async () => {
    const topic = await newTopic('restart');
    const run = runId();
    const dir = await spoolDir();
    const unreachable = new Kafka({
      clientId: 'lmo-usage-test-offline',
      brokers: ['127.0.0.1:1'],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 200,
      retry: { retries: 0 },
    });
    const first = await createKafkaUsagePublisher({
      kafka: unreachable,
      topic,
      spoolDir: dir,
      closeGraceMs: 100,
    });
    for (let n = 0; n < 20; n++) await first.publish(usageEvent(run, n));
    await first.close();
    const leftBehind = first.pending();

    let second: UsagePublisher | undefined;
    try {
      second = await createKafkaUsagePublisher({ kafka, topic, spoolDir: dir });
      const resumed = second.pending();
      await second.publish(usageEvent(run, 20));
      await eventually(() => second?.pending() === 0, 60_000, 'the spool is empty');
      expect(resumed).toBe(20);
    } finally {
      await second?.close();
    }

    expect(leftBehind).toBe(20);
    expect(keys(await consume(topic, 21))).toEqual(Array.from({ length: 21 }, (_, n) => requestId(run, n)));
    expect(await topicSize(topic)).toBe(21);
  }, 90_000);
});
