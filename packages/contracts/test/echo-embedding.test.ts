import { describe, expect, it } from '@jest/globals';
import { ECHO_EMBEDDING_DIMENSIONS, echoEmbedding, echoEmbeddingWords, fnv1a32 } from '@lmo/contracts';

const cosine = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

const norm = (v: readonly number[]): number => Math.sqrt(cosine(v, v));

describe('fnv1a32', () => {
  // Reference values of the FNV-1a 32-bit test suite (http://www.isthe.com/chongo/tech/comp/fnv/).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j like the reference implementation', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });

  it('hashes the UTF-8 bytes (0xc3 0xa9 for "é"), not UTF-16 code units', () => {
    expect(fnv1a32('é')).toBe(0x1e9de8c1);
  });
});

describe('echoEmbeddingWords', () => {
  it('lowercases and keeps runs of letters and digits of any script', () => {
    expect(echoEmbeddingWords('Hello, WORLD! Grüße 42 нет_да')).toEqual([
      'hello',
      'world',
      'grüße',
      '42',
      'нет',
      'да',
    ]);
  });
});

describe('echoEmbedding', () => {
  it(`has ${ECHO_EMBEDDING_DIMENSIONS} dimensions and unit length by default`, () => {
    const vector = echoEmbedding('The quick brown fox');
    expect(vector).toHaveLength(ECHO_EMBEDDING_DIMENSIONS);
    expect(norm(vector)).toBeCloseTo(1, 12);
  });

  it('is deterministic and ignores case and punctuation', () => {
    expect(echoEmbedding('Refund policy: 30 days.')).toEqual(echoEmbedding('refund POLICY 30 days'));
  });

  it('takes other dimensions', () => {
    expect(echoEmbedding('a b c', 8)).toHaveLength(8);
    expect(norm(echoEmbedding('a b c', 8))).toBeCloseTo(1, 12);
  });

  it('is all zeros for a text without words', () => {
    expect(echoEmbedding(' ... !?')).toEqual(new Array<number>(ECHO_EMBEDDING_DIMENSIONS).fill(0));
  });

  it('scores texts sharing words higher than texts sharing none', () => {
    const query = echoEmbedding('How long is the refund period?');
    const related = echoEmbedding('The refund period is 30 days from delivery.');
    const unrelated = echoEmbedding('Our office dog enjoys squeaky toys.');
    expect(cosine(query, related)).toBeGreaterThan(0.4);
    expect(Math.abs(cosine(query, unrelated))).toBeLessThan(0.2);
  });

  it('counts repeated words', () => {
    expect(echoEmbedding('cat cat dog')).not.toEqual(echoEmbedding('cat dog'));
  });

  it('refuses dimensions that are not positive integers', () => {
    expect(() => echoEmbedding('x', 0)).toThrow(RangeError);
    expect(() => echoEmbedding('x', 1.5)).toThrow(RangeError);
  });
});
