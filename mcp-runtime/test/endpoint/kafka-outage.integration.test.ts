// Kafka stopped in the middle of 1,000 requests through a real runtime, then restarted: every
// request's usage event arrives on the topic exactly once, and the spool gauge returns to 0.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { down, harnessEnv, up } from '@lmo/harness';
import { Kafka, logLevel } from 'kafkajs';
import { eventually, post } from '../support/http.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime-fixture.ts';

const topic = `lmo-usage-outage-${String(process.pid)}-${String(Date.now())}`;
const kafka = new Kafka({
  clientId: 'outage-test',
  brokers: harnessEnv('KAFKA_BROKERS').split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
let rt: TestRuntime;

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  rt = await startTestRuntime({
    kafka: true,
    flags: { 'usage-topic': topic },
    spec: { limits: { requestsPerMinute: 100_000 } },
  });
}, 60_000);

afterAll(async () => {
  await up(['kafka']);
  await rt.stop();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
}, 90_000);

async function send(from: number, to: number): Promise<void> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${rt.key}` };
  for (let n = from; n < to; n += 20) {
    const batch = Array.from({ length: Math.min(20, to - n) }, (_, i) => n + i);
    const statuses = await Promise.all(
      batch.map(async (i) => {
        const id = `outage-${String(i).padStart(6, '0')}`;
        const response = await post(
          new URL('v1/query', rt.base),
          { prompt: `request ${String(i)}` },
          { ...headers, 'x-request-id': id },
        );
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  }
}

async function pendingGauge(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${String(rt.runtime.metricsPort)}/metrics`)).text();
  return Number(/^lmo_usage_events_pending (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function readRequestIds(count: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `${topic}-check` });
  const ids: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`read ${String(ids.length)} of ${String(count)}`));
      }, 60_000);
      void consumer.run({
        eachMessage: ({ message }) => {
          ids.push(message.key?.toString() ?? '');
          if (ids.length >= count) {
            clearTimeout(timer);
            // Linger briefly so that duplicates, if any, would be read too.
            setTimeout(resolve, 2000);
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return ids;
}

describe('Kafka stopped during 1,000 requests', () => {
  it('keeps every usage event and delivers each once when Kafka returns', async () => {
    await send(0, 300);
    await down(['kafka']);
    await send(300, 700);
    const pendingDuringOutage = await pendingGauge();
    await up(['kafka']);
    await send(700, 1_000);
    await eventually('the spool to drain', async () => (await pendingGauge()) === 0, 120_000);

    const ids = await readRequestIds(1_000);
    expect(pendingDuringOutage).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(1_000);
    expect(ids).toHaveLength(1_000);
    expect(ids.slice().sort()).toEqual(
      Array.from({ length: 1_000 }, (_, i) => `outage-${String(i).padStart(6, '0')}`),
    );
  }, 300_000);
});
