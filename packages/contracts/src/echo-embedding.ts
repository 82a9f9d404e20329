/**
 * The `echo` embedder: a deterministic, model-free text embedding shared by the MCP runtime (the
 * `echo` provider's embeddings) and the platform API (knowledge uploads of echo tenants), so that
 * vectors stored at upload time and vectors of search queries come from the same function.
 *
 * It is the hashing trick over words: each lowercased word (a run of letters and digits) is hashed
 * with FNV-1a (32-bit, over its UTF-8 bytes); the hash picks a dimension (`hash mod dims`) and its
 * top bit a sign (+1 or -1, so that collisions cancel out on average instead of piling up); the
 * counts are then L2-normalised. Cosine similarity of two such vectors is therefore lexical but
 * real: texts sharing words score high, texts sharing none score about 0.
 */

/** Dimensions of an echo embedding unless asked otherwise. */
export const ECHO_EMBEDDING_DIMENSIONS = 256;

/** The model name reported for echo embeddings. */
export const ECHO_EMBEDDING_MODEL = 'echo-embedding-1';

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD = /[\p{L}\p{N}]+/gu;
const encoder = new TextEncoder();

/** FNV-1a 32-bit hash of the UTF-8 bytes of `text`, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of encoder.encode(text)) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return hash;
}

/** The lowercased words of `text` that the echo embedder counts. */
export function echoEmbeddingWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Embeds `text` into `dims` dimensions (see the module comment). The result has unit length, or is
 * all zeros when `text` has no word at all.
 *
 * @throws RangeError when `dims` is not a positive integer.
 */
export function echoEmbedding(text: string, dims: number = ECHO_EMBEDDING_DIMENSIONS): number[] {
  if (!Number.isInteger(dims) || dims < 1) {
    throw new RangeError(`dims must be a positive integer, got ${dims}`);
  }
  const vector = new Array<number>(dims).fill(0);
  for (const word of echoEmbeddingWords(text)) {
    const hash = fnv1a32(word);
    const index = hash % dims;
    vector[index] = (vector[index] ?? 0) + (hash >>> 31 === 1 ? -1 : 1);
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
