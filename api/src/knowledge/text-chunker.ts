/**
 * Splits a document's text into overlapping passages for embedding. Pure. A passage ends, in order
 * of preference, at a paragraph break, at the end of a sentence, or between words, within the last
 * half of the window; only a run of text without any whitespace is cut mid-word. The next passage
 * starts `overlapChars` before the previous one ended (at a word start), so a sentence cut in two
 * is still whole in one of them.
 */

/** Options of {@link chunkText}. */
export interface ChunkOptions {
  /** Most characters in one passage. */
  readonly maxChars: number;
  /** Characters the next passage repeats from the end of the previous one (less than half of max). */
  readonly overlapChars: number;
}

/** The passage size LMO embeds with: about 250 words, 40 of them repeated. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 1200, overlapChars: 200 };

const BREAKS: readonly RegExp[] = [/\n\s*\n/g, /[.!?。]["')\]]?\s/g, /\s/g];

/** Line endings unified, runs of blank lines and trailing spaces squeezed, ends trimmed. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The last break of the preferred kind in `text[from, to)`: the index just after it. */
function breakBefore(text: string, from: number, to: number): number {
  const window = text.slice(from, to);
  for (const pattern of BREAKS) {
    let last = -1;
    for (const match of window.matchAll(pattern)) last = match.index + match[0].length;
    if (last > 0) return from + last;
  }
  return to;
}

/** Where the passage after `[start, cut)` begins: `overlap` back from the cut, at a word start. */
function nextStart(text: string, start: number, cut: number, overlap: number): number {
  let next = Math.max(cut - overlap, start + 1);
  if (next < cut && !/\s/.test(text[next - 1] ?? ' ')) {
    const space = text.slice(next, cut).search(/\s/);
    next = space === -1 ? cut : next + space;
  }
  while (next < text.length && /\s/.test(text[next] ?? '')) next += 1;
  return next;
}

/**
 * The passages of `text` (see the module comment); none for text without visible characters.
 *
 * @throws RangeError when `maxChars` is not a positive integer or `overlapChars` is not in
 *   `[0, maxChars / 2)`.
 */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): string[] {
  const { maxChars, overlapChars } = options;
  if (!Number.isInteger(maxChars) || maxChars < 1)
    throw new RangeError('maxChars must be a positive integer');
  if (!Number.isInteger(overlapChars) || overlapChars < 0 || overlapChars * 2 >= maxChars) {
    throw new RangeError('overlapChars must be an integer in [0, maxChars / 2)');
  }
  const normalized = normalizeText(text);
  const chunks: string[] = [];
  let start = 0;
  while (start < normalized.length) {
    if (normalized.length - start <= maxChars) {
      chunks.push(normalized.slice(start).trim());
      break;
    }
    const cut = breakBefore(normalized, start + Math.floor(maxChars / 2), start + maxChars);
    chunks.push(normalized.slice(start, cut).trim());
    start = nextStart(normalized, start, cut, overlapChars);
  }
  return chunks.filter((chunk) => chunk !== '');
}
