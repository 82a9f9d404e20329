import { parseUsageEvent, type UsageEventV1 } from '@lmo/contracts';
import { Kafka, logLevel, type Consumer, type EachBatchPayload } from 'kafkajs';
import type { Logger } from 'pino';
import type { UsageStore } from './usage-store.ts';

/** Options of {@link KafkaUsageConsumer}. */
export interface KafkaUsageConsumerOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  /** `lmo-api-usage` in production: every API replica joins it and gets a share of the partitions. */
  readonly groupId: string;
  readonly store: UsageStore;
  readonly logger: Logger;
  /** Where a group without committed offsets starts: the topic's beginning (default) or its end. */
  readonly fromBeginning?: boolean;
  readonly clientId?: string;
}

/** The parsed events of a batch; invalid messages are logged and skipped (never retried forever). */
function parseBatch(payload: EachBatchPayload, logger: Logger): UsageEventV1[] {
  const events: UsageEventV1[] = [];
  for (const message of payload.batch.messages) {
    const parsed = parseUsageEvent(message.value?.toString('utf8') ?? '');
    if (parsed.ok) events.push(parsed.value);
    else {
      logger.warn(
        { partition: payload.batch.partition, offset: message.offset, issues: parsed.issues.slice(0, 5) },
        'Skipped an invalid usage event',
      );
    }
  }
  return events;
}

/**
 * The usage analytics consumer: a kafkajs consumer group on the usage topic that folds each batch
 * into PostgreSQL ({@link UsageStore.fold}: request ids and rollups in one transaction) and commits
 * the batch's offsets only after that transaction committed. A crash in between re-delivers the
 * batch, and the request ids make the second fold count nothing; replaying the topic from the start
 * with a new group changes nothing either.
 */
export class KafkaUsageConsumer {
  readonly #options: KafkaUsageConsumerOptions;
  readonly #consumer: Consumer;

  constructor(options: KafkaUsageConsumerOptions) {
    this.#options = options;
    const kafka = new Kafka({
      clientId: options.clientId ?? 'lmo-api',
      brokers: [...options.brokers],
      logLevel: logLevel.NOTHING,
      retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.#consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.#consumer.on(this.#consumer.events.CRASH, (event) => {
      options.logger.error(
        { err: event.payload.error, restart: event.payload.restart },
        'The usage consumer crashed',
      );
    });
  }

  /** Joins the group and starts consuming; resolves once subscribed. */
  async start(): Promise<void> {
    const { topic, logger } = this.#options;
    await this.#consumer.connect();
    await this.#consumer.subscribe({ topic, fromBeginning: this.#options.fromBeginning ?? true });
    await this.#consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.#eachBatch(payload),
    });
    logger.info({ topic, groupId: this.#options.groupId }, 'Consuming usage events');
  }

  /** Leaves the group (the in-flight batch finishes first) and disconnects. */
  async stop(): Promise<void> {
    await this.#consumer.disconnect();
  }

  async #eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const last = batch.messages.at(-1);
    if (last === undefined || !payload.isRunning() || payload.isStale()) return;
    const result = await this.#options.store.fold(parseBatch(payload, this.#options.logger));
    payload.resolveOffset(last.offset);
    await this.#consumer.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
    ]);
    await payload.heartbeat();
    this.#options.logger.debug(
      { partition: batch.partition, offset: last.offset, ...result },
      'Folded usage events',
    );
  }
}
