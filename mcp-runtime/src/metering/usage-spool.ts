/**
 * The usage-event spool: every event goes to disk (append-only segment files of JSON lines, opened
 * with `O_DSYNC`, so that one write of a batch returns once the batch is durable) before anything
 * tries to send it, and stays there until Kafka has acknowledged it and the committed offset has
 * moved past it. Events not yet acknowledged are also kept in memory (at most `maxBytes` of them),
 * so the sender never reads the disk except after a restart.
 *
 * Not safe for two processes on one directory: give each runtime replica its own.
 */
import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUsageEvent } from '@lmo/contracts';
import {
  listSegments,
  readCommittedOffset,
  readSegmentLines,
  removeFile,
  segmentFileName,
  syncDirectory,
  writeCommittedOffset,
} from './spool-files.ts';
import type { UsageRecordInput } from './usage-publisher.ts';

/** One spooled event. */
export interface SpoolRecord extends UsageRecordInput {
  readonly offset: number;
  readonly bytes: number;
}

/** Options of {@link UsageSpool.open}. */
export interface UsageSpoolOptions {
  readonly dir: string;
  /** Bytes of unacknowledged events kept at most; beyond it `reserve` refuses. */
  readonly maxBytes: number;
  /** A segment file is closed and a new one started beyond this size. @default 4 MiB */
  readonly segmentBytes?: number;
}

interface Segment {
  readonly base: number;
  readonly path: string;
  count: number;
  size: number;
}

/** What a restart found on disk. */
export interface SpoolRecovery {
  /** Events waiting to be sent. */
  readonly pending: number;
  /** Lines that were not valid events (damaged files); they are skipped. */
  readonly skipped: number;
}

/** The spool of one publisher. */
export class UsageSpool {
  readonly #dir: string;
  readonly #maxBytes: number;
  readonly #segmentBytes: number;
  readonly #segments: Segment[] = [];
  #records: SpoolRecord[] = [];
  #head = 0;
  #nextOffset = 0;
  #storedBytes = 0;
  #reservedBytes = 0;
  #reservedCount = 0;
  #active: { segment: Segment; file: FileHandle } | undefined;
  #recovery: SpoolRecovery = { pending: 0, skipped: 0 };

  private constructor(options: UsageSpoolOptions) {
    this.#dir = options.dir;
    this.#maxBytes = options.maxBytes;
    this.#segmentBytes = options.segmentBytes ?? 4 * 1024 * 1024;
  }

  /** Opens `dir` (creating it) and reads back what an earlier process left unacknowledged. */
  static async open(options: UsageSpoolOptions): Promise<UsageSpool> {
    const spool = new UsageSpool(options);
    await mkdir(options.dir, { recursive: true });
    await spool.#recover();
    return spool;
  }

  /** What opening found. */
  get recovery(): SpoolRecovery {
    return this.#recovery;
  }

  /** Events accepted and not yet acknowledged: written, or reserved and about to be. */
  pending(): number {
    return this.#records.length - this.#head + this.#reservedCount;
  }

  /** Takes room for an event about to be appended; false when the spool is full. */
  reserve(bytes: number): boolean {
    if (this.#storedBytes + this.#reservedBytes + bytes > this.#maxBytes) return false;
    this.#reservedBytes += bytes;
    this.#reservedCount += 1;
    return true;
  }

  /** Gives back room taken by {@link reserve} for events that were not appended. */
  release(bytes: number, count: number): void {
    this.#reservedBytes -= bytes;
    this.#reservedCount -= count;
  }

  /**
   * Appends reserved events durably: one synchronous-data write for the batch (`O_DSYNC`: it returns
   * once the data is on disk, as a write followed by fdatasync would). On failure the segment is cut
   * back to its size before the write and the reservation stays for `release`.
   */
  async append(inputs: readonly UsageRecordInput[]): Promise<void> {
    const { segment, file } = await this.#writable();
    const text = inputs.map((input) => `${input.line}\n`).join('');
    const size = Buffer.byteLength(text);
    try {
      const { bytesWritten } = await file.write(text);
      if (bytesWritten !== size)
        throw new Error(`short write to the usage spool (${String(bytesWritten)} of ${String(size)} bytes)`);
    } catch (error) {
      await file.truncate(segment.size).catch(() => undefined);
      throw error;
    }
    segment.count += inputs.length;
    segment.size += size;
    for (const input of inputs) {
      const bytes = Buffer.byteLength(input.line) + 1;
      this.#records.push({ ...input, offset: this.#nextOffset++, bytes });
      this.#storedBytes += bytes;
      this.#reservedBytes -= bytes;
      this.#reservedCount -= 1;
    }
  }

  /** Up to `max` unacknowledged events, oldest first. */
  peek(max: number): SpoolRecord[] {
    return this.#records.slice(this.#head, this.#head + max);
  }

  /**
   * Forgets (in memory) the events before `nextOffset`, which Kafka acknowledged: they no longer
   * count as pending nor take room. Nothing is written: {@link commit} makes it durable.
   */
  acknowledge(nextOffset: number): void {
    while (
      this.#head < this.#records.length &&
      (this.#records[this.#head]?.offset ?? nextOffset) < nextOffset
    ) {
      this.#storedBytes -= this.#records[this.#head]?.bytes ?? 0;
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#records.length) {
      this.#records = this.#records.slice(this.#head);
      this.#head = 0;
    }
  }

  /**
   * Records durably that Kafka acknowledged every event before `nextOffset` (so a restart resumes
   * there), forgets them (see {@link acknowledge}) and deletes spent segments.
   */
  async commit(nextOffset: number): Promise<void> {
    await writeCommittedOffset(this.#dir, nextOffset);
    this.acknowledge(nextOffset);
    await this.#removeSpent(nextOffset);
  }

  /** Closes the segment being written. */
  async close(): Promise<void> {
    const active = this.#active;
    this.#active = undefined;
    await active?.file.close();
  }

  async #removeSpent(committed: number): Promise<void> {
    while (this.#segments.length > 0) {
      const oldest = this.#segments[0];
      if (
        oldest === undefined ||
        oldest === this.#active?.segment ||
        oldest.base + oldest.count > committed
      ) {
        return;
      }
      this.#segments.shift();
      await removeFile(oldest.path);
    }
  }

  /** The segment to append to: the current one, or a new one when there is none or it is full. */
  async #writable(): Promise<{ segment: Segment; file: FileHandle }> {
    if (this.#active !== undefined && this.#active.segment.size < this.#segmentBytes) return this.#active;
    await this.close();
    const path = join(this.#dir, segmentFileName(this.#nextOffset));
    // O_DSYNC: each write returns once its data (and the size it adds) is on disk.
    const file = await open(
      path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC,
    );
    await syncDirectory(this.#dir);
    const segment: Segment = { base: this.#nextOffset, path, count: 0, size: 0 };
    this.#segments.push(segment);
    this.#active = { segment, file };
    return this.#active;
  }

  async #recover(): Promise<void> {
    const committed = await readCommittedOffset(this.#dir);
    let skipped = 0;
    this.#nextOffset = committed;
    for (const file of await listSegments(this.#dir)) {
      const lines = await readSegmentLines(file.path);
      const end = file.base + lines.length;
      this.#nextOffset = Math.max(this.#nextOffset, end);
      if (end <= committed || lines.length === 0) {
        await removeFile(file.path);
        continue;
      }
      this.#segments.push({ ...file, count: lines.length, size: 0 });
      skipped += this.#recoverLines(lines, file.base, committed);
    }
    this.#recovery = { pending: this.pending(), skipped };
  }

  /** Queues the unacknowledged events of one segment; returns how many lines were not events. */
  #recoverLines(lines: readonly string[], base: number, committed: number): number {
    let skipped = 0;
    lines.forEach((line, i) => {
      if (base + i < committed) return;
      const parsed = parseUsageEvent(line);
      if (!parsed.ok) {
        skipped += 1;
        return;
      }
      const bytes = Buffer.byteLength(line) + 1;
      this.#records.push({ line, key: parsed.value.requestId, offset: base + i, bytes });
      this.#storedBytes += bytes;
    });
    return skipped;
  }
}
