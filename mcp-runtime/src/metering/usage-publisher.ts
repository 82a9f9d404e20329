/** The usage publisher's interface, shared by the Kafka and the local (`make dev`) implementation. */
import { LmoError, parseUsageEvent, type UsageEventV1 } from '@lmo/contracts';

/** Publishes one usage event per LLM request. */
export interface UsagePublisher {
  /**
   * Accepts an event. Resolves once the event is durable (on disk or in the log), not when a
   * consumer has it.
   * @throws {LmoError} `LMO_INTERNAL` when the event breaks the schema (it is never written);
   *   `LMO_DEPENDENCY_UNAVAILABLE` when it cannot be kept (spool full, disk failing, publisher closed):
   *   the caller should refuse the request rather than serve it unrecorded.
   */
  publish(event: UsageEventV1, options?: PublishOptions): Promise<void>;
  /** Events accepted but not yet delivered. */
  pending(): number;
  /** Stops accepting events, finishes writing the accepted ones and releases files and connections. */
  close(): Promise<void>;
}

/** How `publish` treats an event. */
export interface PublishOptions {
  /**
   * The runtime built the event itself with `usageEventOf`, from checked inputs (configuration,
   * authenticated key, closed sets): the schema check is skipped (see {@link usageRecord}).
   */
  readonly trusted?: boolean;
}

/** An event ready to keep: its JSON line (no newline) and Kafka key. */
export interface UsageRecordInput {
  readonly line: string;
  /** The request id. */
  readonly key: string;
}

/** Token counts and latency: the event's only values that come from outside (the provider, the clock). */
function numbersInRange(event: UsageEventV1): boolean {
  return (
    Number.isSafeInteger(event.tokensIn) &&
    event.tokensIn >= 0 &&
    Number.isSafeInteger(event.tokensOut) &&
    event.tokensOut >= 0 &&
    Number.isFinite(event.latencyMs) &&
    event.latencyMs >= 0
  );
}

/**
 * Validates an event with `parseUsageEvent` and serializes the cleaned value.
 *
 * A `trusted` event (one `usageEventOf` built) is serialized as it is: `parseUsageEvent` costs about
 * a tenth of a millisecond of CPU per event, a tenth of what a whole request costs the runtime, and
 * every other field of such an event comes from checked configuration, the authenticated key or
 * closed sets, which the unit tests hold to the schema (`test/metering/trusted-usage-events.test.ts`).
 * Only the numbers from outside are checked; when they are off, the event takes the full check.
 *
 * @throws {LmoError} `LMO_INTERNAL` naming the broken fields (in the cause, for the logs).
 */
export function usageRecord(event: UsageEventV1, options: PublishOptions = {}): UsageRecordInput {
  if (options.trusted === true && numbersInRange(event)) {
    return { line: JSON.stringify(event), key: event.requestId };
  }
  const parsed = parseUsageEvent(event);
  if (!parsed.ok) {
    const problems = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new LmoError('LMO_INTERNAL', 'The usage event is invalid', {
      cause: new Error(`invalid usage event: ${problems}`),
    });
  }
  return { line: JSON.stringify(parsed.value), key: parsed.value.requestId };
}

/** The error of a publish the publisher cannot keep. */
export function usageUnavailable(reason: string, cause?: unknown): LmoError {
  return new LmoError('LMO_DEPENDENCY_UNAVAILABLE', `Usage events cannot be recorded: ${reason}`, {
    ...(cause === undefined ? {} : { cause }),
  });
}
