/**
 * The background sender of the Kafka usage publisher: takes the oldest spooled events in batches,
 * sends each batch with an idempotent producer (`acks: -1`), and moves the spool's committed offset
 * only after Kafka acknowledged the batch. One batch is in flight at a time, so events reach Kafka
 * in spool order.
 *
 * An acknowledged batch leaves the spool's memory at once; the committed offset on disk (a file
 * replaced atomically: seven file-system calls) is written at most once per `commitIntervalMs`, for
 * all the batches acknowledged meanwhile, and once more when the sender stops. A crash so re-sends
 * at most that interval's acknowledged events after the restart, which at-least-once delivery
 * allows (consumers dedupe by request id); under light load it saves the file-system round trips
 * that every single-event batch would otherwise cost.
 *
 * A failed batch is sent again unchanged, with the same producer, after a backoff: kafkajs rolls
 * back the producer sequence of a failed send, so the broker recognises a batch it had in fact
 * written and does not write it twice. Only errors that end the producer's identity (an unknown
 * producer id after a long outage, a sequence the broker rejects) need a new producer; a batch
 * re-sent by a new producer may then arrive twice (consumers dedupe by request id).
 */
import type { Kafka, Message, Producer } from 'kafkajs';
import { errorSummary, type WarnLogger } from '../limits/warn-logger.ts';
import { backoffDelayMs, type BackoffPolicy } from './backoff.ts';
import type { SpoolRecord, UsageSpool } from './usage-spool.ts';

/** Options of {@link KafkaSender}. */
export interface KafkaSenderOptions {
  readonly kafka: Kafka;
  readonly spool: UsageSpool;
  readonly topic: string;
  /** Events per produce request at most. */
  readonly batchSize: number;
  readonly backoff: BackoffPolicy;
  readonly logger: WarnLogger | undefined;
  /** Told after every acknowledged batch. */
  readonly onDelivered: () => void;
  /** Least time between two writes of the committed offset. @default 1000 */
  readonly commitIntervalMs?: number;
  /**
   * How long a batch that is not full waits for more events before it is sent (Kafka's
   * `linger.ms`): under light traffic a produce request carries several events instead of one.
   * @default 100
   */
  readonly lingerMs?: number;
}

/** Kafka error types after which the idempotent producer must start again under a new id. */
const PRODUCER_RESET_TYPES = new Set([
  'UNKNOWN_PRODUCER_ID',
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/** True when `error` (or one of its causes) means the producer's identity is gone. */
export function needsNewProducer(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string' && PRODUCER_RESET_TYPES.has(type)) return true;
    current = current.cause;
  }
  return false;
}

/** The Kafka message of a spooled event: the request id as key, the event's JSON as value. */
export function usageMessage(record: SpoolRecord): Message {
  return { key: record.key, value: record.line };
}

/** Sends spooled events to Kafka until stopped. */
export class KafkaSender {
  readonly #options: KafkaSenderOptions;
  #producer: Producer;
  #connected = false;
  #failures = 0;
  #stopping = false;
  #wake: (() => void) | undefined;
  /** While backing off or lingering, `notify` does not wake the loop. */
  #sleeping = false;
  #stopped = false;
  #loop: Promise<void> | undefined;
  /** Acknowledged by Kafka (and forgotten by the spool), and written as the committed offset. */
  #acknowledged = -1;
  #committed = -1;
  #lastCommitAt = Number.NEGATIVE_INFINITY;
  #commitTimer: NodeJS.Timeout | undefined;
  #committing: Promise<void> | undefined;

  constructor(options: KafkaSenderOptions) {
    this.#options = options;
    this.#producer = this.#newProducer();
  }

  /** Starts the loop. */
  start(): void {
    this.#loop ??= this.#run();
  }

  /** Tells the loop that events were spooled (ignored while it backs off after a failure or lingers). */
  notify(): void {
    if (!this.#sleeping) this.#wake?.();
  }

  /**
   * Stops: lets the batch in flight finish (at most `graceMs`), then disconnects the producer and
   * waits at most `graceMs` more. Whatever the loop still does afterwards never touches the spool
   * again: unacknowledged events stay there for the next start.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    const loop = this.#loop ?? Promise.resolve();
    await within(loop, graceMs);
    await within(
      this.#producer.disconnect().catch(() => undefined),
      graceMs,
    );
    await within(loop, graceMs);
    clearTimeout(this.#commitTimer);
    await this.#committing;
    await this.#writeCommit();
    this.#stopped = true;
  }

  async #run(): Promise<void> {
    let batch: SpoolRecord[] = [];
    while (!this.#stopping) {
      if (batch.length === 0) batch = await this.#take();
      if (batch.length === 0) {
        await this.#idle();
        continue;
      }
      if (await this.#deliver(batch)) {
        batch = [];
        continue;
      }
      await this.#sleep(backoffDelayMs(this.#failures, this.#options.backoff));
    }
  }

  /** The oldest spooled events; a batch that is not full first lingers for more. */
  async #take(): Promise<SpoolRecord[]> {
    const { spool, batchSize, lingerMs = 100 } = this.#options;
    const batch = spool.peek(batchSize);
    if (batch.length === 0 || batch.length >= batchSize || lingerMs <= 0) return batch;
    await this.#sleep(lingerMs);
    return spool.peek(batchSize);
  }

  /** Waits `ms` (or until `stop`), deaf to `notify`. */
  async #sleep(ms: number): Promise<void> {
    this.#sleeping = true;
    await this.#idle(ms);
    this.#sleeping = false;
  }

  /** Sends one batch and commits it; false when it must be retried. */
  async #deliver(batch: readonly SpoolRecord[]): Promise<boolean> {
    try {
      if (!this.#connected) {
        await this.#producer.connect();
        this.#connected = true;
      }
      await this.#producer.send({ topic: this.#options.topic, acks: -1, messages: batch.map(usageMessage) });
    } catch (error) {
      await this.#failed(error);
      return false;
    }
    this.#acknowledge(batch);
    return true;
  }

  #acknowledge(batch: readonly SpoolRecord[]): void {
    const last = batch[batch.length - 1];
    // After `stop` the directory may already belong to a new publisher: the batch is sent again then.
    if (last === undefined || this.#stopped) return;
    if (this.#failures > 0) {
      this.#options.logger?.warn({ failures: this.#failures }, 'Usage events reach Kafka again');
    }
    this.#failures = 0;
    this.#acknowledged = last.offset + 1;
    this.#options.spool.acknowledge(this.#acknowledged);
    this.#options.onDelivered();
    this.#scheduleCommit();
  }

  /** Writes the committed offset now, or once the interval since the last write is over. */
  #scheduleCommit(): void {
    if (this.#commitTimer !== undefined || this.#committing !== undefined || this.#stopping) return;
    const wait = this.#lastCommitAt + (this.#options.commitIntervalMs ?? 1_000) - performance.now();
    const run = (): void => {
      this.#commitTimer = undefined;
      this.#committing = this.#writeCommit().finally(() => {
        this.#committing = undefined;
        if (this.#acknowledged > this.#committed) this.#scheduleCommit();
      });
    };
    if (wait <= 0) run();
    else this.#commitTimer = setTimeout(run, wait).unref();
  }

  /** Writes the acknowledged offset as the committed one, when it moved. */
  async #writeCommit(): Promise<void> {
    const offset = this.#acknowledged;
    if (offset <= this.#committed || this.#stopped) return;
    this.#lastCommitAt = performance.now();
    try {
      await this.#options.spool.commit(offset);
      this.#committed = offset;
    } catch (error) {
      // Kafka has the events; if the offset is not saved they are sent again after a restart.
      this.#options.logger?.warn({ err: errorSummary(error) }, 'Could not save the usage spool offset');
    }
  }

  async #failed(error: unknown): Promise<void> {
    this.#failures += 1;
    if (this.#failures === 1 || this.#failures % 20 === 0) {
      this.#options.logger?.warn(
        { err: errorSummary(error), failures: this.#failures, pending: this.#options.spool.pending() },
        'Usage events could not be sent to Kafka; they wait in the spool',
      );
    }
    if (!needsNewProducer(error)) return;
    await this.#producer.disconnect().catch(() => undefined);
    this.#producer = this.#newProducer();
    this.#connected = false;
  }

  /** Waits for `notify` (not while backing off), `stop` or, when given, `ms` milliseconds. */
  async #idle(ms?: number): Promise<void> {
    if (this.#stopping) return;
    await new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }

  #newProducer(): Producer {
    return this.#options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // A send gives up after a few seconds and the loop retries the same batch; see the module comment.
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
  }
}

/** Waits for `promise`, at most `ms` milliseconds. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([promise, timeout]);
  clearTimeout(timer);
}
