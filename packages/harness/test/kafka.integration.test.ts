// Smoke: the harness's Kafka through kafkajs: a producer writes, a consumer group reads.
import { afterAll, describe, expect, it } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { harnessEnv } from '../src/test-env.ts';

describe('Kafka (kafkajs)', () => {
  const kafka = new Kafka({
    clientId: 'lmo-smoke',
    brokers: harnessEnv('KAFKA_BROKERS').split(','),
    logLevel: logLevel.NOTHING,
  });
  const topic = `smoke-${process.pid}-${Date.now()}`;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  const admin = kafka.admin();

  afterAll(async () => {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }, 30_000);

  it('delivers produced messages to a consumer group in order', async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.connect();
    await producer.send({
      topic,
      messages: ['one', 'two', 'three'].map((value) => ({ key: 'acme', value })),
    });

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`received only ${received.join(',')}`));
      }, 30_000);
      void consumer.run({
        eachMessage: ({ message }) => {
          received.push(message.value?.toString() ?? '');
          if (received.length === 3) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });

    expect(received).toEqual(['one', 'two', 'three']);
  }, 60_000);
});
