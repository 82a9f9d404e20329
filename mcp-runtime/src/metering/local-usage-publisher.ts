/**
 * Usage events for `make dev`: one JSON line per event, appended to a local file (the append-only
 * event log the platform API reads in dev instead of Kafka). Nothing waits: `pending()` is always 0
 * once a publish has resolved.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { usageRecord, usageUnavailable, type UsagePublisher } from './usage-publisher.ts';

/** Options of {@link createLocalUsagePublisher}. */
export interface LocalUsagePublisherOptions {
  /** The log file; its directory is created when missing. */
  readonly path: string;
  /** `fdatasync` after each write, so an event survives a machine crash. @default false */
  readonly sync?: boolean;
}

/** Opens (creating) the log file and returns the local {@link UsagePublisher}. */
export async function createLocalUsagePublisher(
  options: LocalUsagePublisherOptions,
): Promise<UsagePublisher> {
  await mkdir(dirname(options.path), { recursive: true });
  const file: FileHandle = await open(options.path, 'a');
  let tail: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  let closed = false;

  const write = async (line: string): Promise<void> => {
    await file.write(`${line}\n`);
    if (options.sync === true) await file.datasync();
  };

  return {
    async publish(event, publishOptions) {
      if (closed) throw usageUnavailable('the publisher is closed');
      const { line } = usageRecord(event, publishOptions);
      inFlight += 1;
      // One write at a time, in publish order.
      const written = tail
        .then(() => write(line))
        .finally(() => {
          inFlight -= 1;
        });
      tail = written.catch(() => undefined);
      try {
        await written;
      } catch (error) {
        throw usageUnavailable('the event log cannot be written', error);
      }
    },
    pending: () => inFlight,
    async close() {
      closed = true;
      await tail;
      await file.close();
    },
  };
}
