/**
 * Usage events to Kafka, never dropped. `publish` validates the event (`parseUsageEvent`, or for a
 * `trusted` event only its numbers, see `usageRecord`; an invalid event is refused and never
 * written), appends it to the on-disk spool and resolves once the event is on disk (concurrent
 * publishes share one `O_DSYNC` write). A background sender delivers spooled events to the topic in
 * spool order, in batches (a batch that is not full lingers `lingerMs` for more), with an idempotent
 * producer, and advances the spool's committed offset only after Kafka acknowledged them (writing
 * it at most once per `commitIntervalMs`).
 *
 * - Message key: the event's request id (as issue 4 asks); value: the event's JSON. Kafka keeps order
 *   per partition only, so with more than one partition events of a tenant may be read out of order;
 *   consumers must not rely on order across requests (`usageEventKey` of @lmo/contracts).
 * - Delivery is at least once: events that were sent but whose acknowledgement was lost before a
 *   restart, events acknowledged in the last `commitIntervalMs` before a crash (the committed
 *   offset had not moved past them yet), or that a new producer re-sends, arrive again. Consumers
 *   dedupe by `requestId`.
 * - While Kafka is unreachable, events wait on disk and `pending()` (and the
 *   `lmo_usage_events_pending` gauge) grows. The spool is bounded by `maxSpoolBytes`: when it is
 *   full, `publish` rejects with `LMO_DEPENDENCY_UNAVAILABLE`, so that the caller refuses the request
 *   instead of serving it unrecorded.
 * - After a restart on the same spool directory, the sender resumes from the committed offset.
 */
import { USAGE_EVENT_TOPIC, type UsageEventV1 } from '@lmo/contracts';
import type { Kafka } from 'kafkajs';
import type { WarnLogger } from '../limits/warn-logger.ts';
import type { BackoffPolicy } from './backoff.ts';
import { fixKafkajsIdleLoop } from './kafkajs-idle-loop-fix.ts';
import { KafkaSender } from './kafka-sender.ts';
import type { RuntimeMetrics } from './runtime-metrics.ts';
import {
  usageRecord,
  usageUnavailable,
  type PublishOptions,
  type UsagePublisher,
  type UsageRecordInput,
} from './usage-publisher.ts';
import { UsageSpool } from './usage-spool.ts';

/** Options of {@link createKafkaUsagePublisher}. */
export interface KafkaUsagePublisherOptions {
  /** The Kafka client (brokers, TLS, SASL and logging are the caller's). */
  readonly kafka: Kafka;
  /** The spool directory: the runtime replica's own, on a volume that survives restarts. */
  readonly spoolDir: string;
  /** @default USAGE_EVENT_TOPIC (`lmo.usage.v1`) */
  readonly topic?: string;
  /** Bytes of undelivered events kept at most. @default 64 MiB */
  readonly maxSpoolBytes?: number;
  /** Size at which a new segment file starts. @default 4 MiB */
  readonly segmentBytes?: number;
  /** Events per produce request at most. @default 500 */
  readonly batchSize?: number;
  /** How long a batch that is not full waits for more events before it is sent. @default 100 */
  readonly lingerMs?: number;
  /**
   * Least time between two writes of the spool's committed offset (see `KafkaSender`): after a
   * crash, at most this long's acknowledged events are sent again. @default 1000
   */
  readonly commitIntervalMs?: number;
  /** Waits between attempts while Kafka fails. @default { initialMs: 200, maxMs: 10_000 } */
  readonly backoff?: BackoffPolicy;
  /**
   * How long `close` waits for undelivered events to go out, then for a batch in flight, then for
   * the producer to disconnect (so `close` takes at most about three times this). @default 5000
   */
  readonly closeGraceMs?: number;
  readonly logger?: WarnLogger;
  /** Receives the spool depth (`lmo_usage_events_pending`). */
  readonly metrics?: Pick<RuntimeMetrics, 'setUsageEventsPending'>;
}

interface QueuedWrite {
  readonly input: UsageRecordInput;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Opens the spool (resuming what an earlier process left) and starts the sender. */
export async function createKafkaUsagePublisher(
  options: KafkaUsagePublisherOptions,
): Promise<UsagePublisher> {
  fixKafkajsIdleLoop();
  const spool = await UsageSpool.open({
    dir: options.spoolDir,
    maxBytes: options.maxSpoolBytes ?? 64 * 1024 * 1024,
    ...(options.segmentBytes === undefined ? {} : { segmentBytes: options.segmentBytes }),
  });
  if (spool.recovery.skipped > 0) {
    options.logger?.warn({ skipped: spool.recovery.skipped }, 'Skipped damaged lines of the usage spool');
  }
  const report = (): void => options.metrics?.setUsageEventsPending(spool.pending());
  const drained = new Set<() => void>();
  const sender = new KafkaSender({
    kafka: options.kafka,
    spool,
    topic: options.topic ?? USAGE_EVENT_TOPIC,
    batchSize: options.batchSize ?? 500,
    backoff: options.backoff ?? { initialMs: 200, maxMs: 10_000 },
    logger: options.logger,
    ...(options.commitIntervalMs === undefined ? {} : { commitIntervalMs: options.commitIntervalMs }),
    ...(options.lingerMs === undefined ? {} : { lingerMs: options.lingerMs }),
    onDelivered: () => {
      report();
      if (spool.pending() === 0) for (const resolve of drained) resolve();
    },
  });
  const writer = spoolWriter(spool, () => {
    report();
    sender.notify();
  });
  report();
  sender.start();
  let closed = false;

  return {
    async publish(event: UsageEventV1, publishOptions?: PublishOptions) {
      if (closed) throw usageUnavailable('the publisher is closed');
      const input = usageRecord(event, publishOptions);
      const bytes = Buffer.byteLength(input.line) + 1;
      if (!spool.reserve(bytes))
        throw usageUnavailable('the spool is full (Kafka has been unreachable too long)');
      report();
      await writer.write(input, bytes);
    },
    pending: () => spool.pending(),
    async close() {
      if (closed) return;
      closed = true;
      const graceMs = options.closeGraceMs ?? 5_000;
      await writer.idle();
      await waitUntil(() => spool.pending() === 0, drained, graceMs);
      await sender.stop(graceMs);
      await spool.close();
      report();
    },
  };
}

/** Group commit: publishes that arrive while a write is under way share the next write. */
function spoolWriter(
  spool: UsageSpool,
  afterWrite: () => void,
): { write: (input: UsageRecordInput, bytes: number) => Promise<void>; idle: () => Promise<void> } {
  const queue: QueuedWrite[] = [];
  let writing: Promise<void> | undefined;

  const writeBatch = async (batch: readonly QueuedWrite[]): Promise<void> => {
    try {
      await spool.append(batch.map((w) => w.input));
      for (const w of batch) w.resolve();
    } catch (error) {
      spool.release(
        batch.reduce((sum, w) => sum + w.bytes, 0),
        batch.length,
      );
      for (const w of batch) w.reject(usageUnavailable('the usage spool cannot be written', error));
    }
    afterWrite();
  };
  const drain = async (): Promise<void> => {
    // `writing` is cleared in the same turn that finds the queue empty, so no write is left behind.
    while (queue.length > 0) await writeBatch(queue.splice(0, queue.length));
    writing = undefined;
  };

  return {
    write: (input, bytes) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ input, bytes, resolve, reject });
        writing ??= drain();
      }),
    idle: () => writing ?? Promise.resolve(),
  };
}

/** Resolves when `done()` holds (checked now and whenever a listener in `signals` fires) or after `ms`. */
async function waitUntil(done: () => boolean, signals: Set<() => void>, ms: number): Promise<void> {
  if (done()) return;
  let timer: NodeJS.Timeout | undefined;
  let signal: (() => void) | undefined;
  await new Promise<void>((resolve) => {
    signal = resolve;
    signals.add(resolve);
    timer = setTimeout(resolve, ms);
  });
  clearTimeout(timer);
  if (signal !== undefined) signals.delete(signal);
}
