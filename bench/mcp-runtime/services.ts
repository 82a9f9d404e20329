// The harness's Redis and Kafka for the benchmark: brought up when they are not (never down,
// others share them), plus a usage-event topic of the run's own, so that the events the runtime
// published can be counted at the end and removed.
import { readEnv, up } from '@lmo/harness';
import { Kafka, logLevel } from 'kafkajs';
import type { BenchServices } from './runtime-child.ts';

/** The services and a way to count and drop the run's topic. */
export interface PreparedServices extends BenchServices {
  /** Messages on the run's topic (sum of the partitions' end offsets). */
  countEvents(): Promise<number>;
  /** Deletes the run's topic and disconnects. */
  close(): Promise<void>;
}

/** Brings Redis and Kafka up (a no-op when they run), creates topic `lmo-usage-bench-<runId>`. */
export async function prepareServices(runId: string): Promise<PreparedServices> {
  await up(['redis', 'kafka']);
  const env = await readEnv();
  const redisUrl = env['REDIS_URL'];
  const kafkaBrokers = env['KAFKA_BROKERS'];
  if (redisUrl === undefined || kafkaBrokers === undefined)
    throw new Error('the harness has no REDIS_URL or KAFKA_BROKERS');
  const usageTopic = `lmo-usage-bench-${runId}`;
  const kafka = new Kafka({
    clientId: 'lmo-bench',
    brokers: kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: usageTopic, numPartitions: 3 }], waitForLeaders: true });
  return {
    redisUrl,
    kafkaBrokers,
    usageTopic,
    countEvents: async () => {
      const offsets = await admin.fetchTopicOffsets(usageTopic);
      return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    },
    close: async () => {
      await admin.deleteTopics({ topics: [usageTopic] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
