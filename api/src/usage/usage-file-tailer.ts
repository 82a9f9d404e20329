import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUsageEvent, type UsageEventV1 } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { UsageStore } from './usage-store.ts';

/** The runtime's local event log in its tenant directory (`make dev`). */
export const USAGE_EVENTS_FILE = 'usage-events.jsonl';

/** Options of {@link UsageFileTailer}. */
export interface UsageFileTailerOptions {
  /** The tenants' directories: `<dir>/<tenant>/usage-events.jsonl`. */
  readonly dir: string;
  readonly db: Knex;
  readonly store: UsageStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Pause between polls (default 1 s). */
  readonly intervalMs?: number;
  /** Most bytes read from one file per poll (default 4 MiB). */
  readonly maxReadBytes?: number;
}

/** Complete lines of `text` and the byte length they take (a trailing partial line waits). */
export function completeLines(buffer: Buffer): { lines: string[]; bytes: number } {
  const end = buffer.lastIndexOf(0x0a);
  if (end === -1) return { lines: [], bytes: 0 };
  const lines = buffer
    .subarray(0, end)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { lines, bytes: end + 1 };
}

/**
 * The `make dev` usage source: polls each tenant's `usage-events.jsonl` and folds what was appended
 * since the last poll. The file's byte offset is stored in `usage_source_offsets` inside the same
 * transaction as the fold, so each line counts once across restarts; a file that shrank (replaced)
 * is read again from its start, and its request ids keep that from counting twice.
 */
export class UsageFileTailer {
  readonly #options: UsageFileTailerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(options: UsageFileTailerOptions) {
    this.#options = options;
  }

  /** Polls now and then every interval until {@link stop}. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling; resolves when a poll in progress has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    await this.#running;
  }

  /** One pass over every tenant's file; answers how many events were counted. */
  async pollOnce(): Promise<number> {
    let counted = 0;
    for (const file of await this.#files()) counted += await this.#tail(file);
    return counted;
  }

  #schedule(delay: number): void {
    this.#timer = setTimeout(() => {
      this.#running = this.pollOnce()
        .then(
          () => undefined,
          (error: unknown) => {
            this.#options.logger.warn({ err: error }, 'Reading usage event files failed; retrying');
          },
        )
        .finally(() => {
          if (!this.#stopped) this.#schedule(this.#options.intervalMs ?? 1_000);
        });
    }, delay);
  }

  async #files(): Promise<string[]> {
    let tenants: string[];
    try {
      tenants = await readdir(this.#options.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return tenants.sort().map((tenant) => join(this.#options.dir, tenant, USAGE_EVENTS_FILE));
  }

  async #tail(file: string): Promise<number> {
    const { db, store, clock, logger } = this.#options;
    const size = await stat(file).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) return 0;
    const source = `file:${file}`;
    const row = (await db('usage_source_offsets').where({ source }).first()) as
      { position: string } | undefined;
    const stored = Number(row?.position ?? 0);
    const offset = size < stored ? 0 : stored;
    if (size === offset) return 0;
    const buffer = await readRange(
      file,
      offset,
      Math.min(size - offset, this.#options.maxReadBytes ?? 4_194_304),
    );
    const { lines, bytes } = completeLines(buffer);
    if (bytes === 0) return 0;
    const events: UsageEventV1[] = [];
    for (const line of lines) {
      const parsed = parseUsageEvent(line);
      if (parsed.ok) events.push(parsed.value);
      else logger.warn({ file, issues: parsed.issues.slice(0, 5) }, 'Skipped an invalid usage event line');
    }
    const position = offset + bytes;
    const result = await store.fold(events, async (trx) => {
      await trx('usage_source_offsets')
        .insert({ source, position, updated_at: clock.now() })
        .onConflict('source')
        .merge(['position', 'updated_at']);
    });
    return result.counted;
  }
}

async function readRange(file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
