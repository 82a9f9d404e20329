/**
 * The on-disk layout of the usage-event spool, and reading it back after a restart:
 *
 * - `segment-<base offset, 20 digits>.jsonl`: append-only files of JSON lines, one event each; the
 *   event on line `i` (from 0) has offset `base + i`;
 * - `committed`: the offset of the first event Kafka has not acknowledged yet, as decimal text,
 *   replaced atomically (write a temporary file, fsync, rename, fsync the directory).
 */
import { open, readdir, readFile, rename, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const SEGMENT_PATTERN = /^segment-(\d{20})\.jsonl$/;
const COMMITTED = 'committed';

/** A segment file found on disk. */
export interface SegmentFile {
  readonly base: number;
  readonly path: string;
}

/** The file name of the segment whose first event has offset `base`. */
export function segmentFileName(base: number): string {
  return `segment-${String(base).padStart(20, '0')}.jsonl`;
}

/** The segments in `dir`, oldest first. */
export async function listSegments(dir: string): Promise<SegmentFile[]> {
  const names = await readdir(dir);
  return names
    .flatMap((name) => {
      const match = SEGMENT_PATTERN.exec(name);
      return match?.[1] === undefined ? [] : [{ base: Number(match[1]), path: join(dir, name) }];
    })
    .sort((a, b) => a.base - b.base);
}

/**
 * The complete lines of a segment. A last line without its newline is what a crash mid-write
 * leaves (its publish never resolved): it is cut off the file, so the next append starts clean.
 */
export async function readSegmentLines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) await truncate(path, Buffer.byteLength(text.slice(0, end)));
  return end === 0 ? [] : text.slice(0, end - 1).split('\n');
}

/** The committed offset in `dir`; 0 when none was written yet. */
export async function readCommittedOffset(dir: string): Promise<number> {
  try {
    const value = Number((await readFile(join(dir, COMMITTED), 'utf8')).trim());
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`the spool's committed offset is damaged`);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** Writes the committed offset atomically and durably. */
export async function writeCommittedOffset(dir: string, offset: number): Promise<void> {
  const temporary = join(dir, `${COMMITTED}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(String(offset));
    await file.datasync();
  } finally {
    await file.close();
  }
  await rename(temporary, join(dir, COMMITTED));
  await syncDirectory(dir);
}

/** Makes created, renamed and deleted entries of `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Deletes a file that may already be gone. */
export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
