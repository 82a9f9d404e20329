import { describe, expect, it } from '@jest/globals';
import { chunkText, normalizeText } from '../src/knowledge/text-chunker.ts';

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** `count` numbered sentences of a few words each. */
const sentences = (count: number): string =>
  Array.from({ length: count }, (_, i) => `Sentence number ${String(i)} says something useful.`).join(' ');

describe('chunkText', () => {
  it('gives nothing for empty or blank text and one passage for short text', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText(' \n\n\t ')).toEqual([]);
    expect(chunkText('  Hello, world.  ')).toEqual(['Hello, world.']);
  });

  it('keeps every passage within the limit and loses no word', () => {
    const text = sentences(200);
    const chunks = chunkText(text, { maxChars: 300, overlapChars: 60 });

    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(300);
    const seen = new Set(chunks.flatMap(words));
    for (const word of words(text)) expect(seen.has(word)).toBe(true);
  });

  it('repeats the end of each passage at the start of the next, from a word start', () => {
    const chunks = chunkText(sentences(60), { maxChars: 200, overlapChars: 50 });

    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1] ?? '';
      const next = chunks[i] ?? '';
      const firstWords = words(next).slice(0, 2).join(' ');
      expect(previous).toContain(firstWords);
      // Whole words only: the next passage starts where a word of the previous one starts.
      expect(previous.split(' ')).toContain(words(next)[0]);
    }
  });

  it('prefers paragraph breaks, then sentence ends', () => {
    const paragraph = (n: number): string => `Paragraph ${String(n)} has a few words. It ends here.`;
    const text = [paragraph(1), paragraph(2), paragraph(3), paragraph(4)].join('\n\n');
    const chunks = chunkText(text, { maxChars: 120, overlapChars: 0 });

    expect(chunks).toEqual([`${paragraph(1)}\n\n${paragraph(2)}`, `${paragraph(3)}\n\n${paragraph(4)}`]);
    const prose = chunkText('One two three. Four five six. Seven eight nine. Ten eleven twelve.', {
      maxChars: 35,
      overlapChars: 0,
    });
    expect(prose).toEqual(['One two three. Four five six.', 'Seven eight nine. Ten eleven', 'twelve.']);
  });

  it('cuts text without whitespace hard and still makes progress', () => {
    const chunks = chunkText('x'.repeat(1000), { maxChars: 300, overlapChars: 100 });

    expect(chunks.join('')).toBe('x'.repeat(1000));
    expect(chunks.map((c) => c.length)).toEqual([300, 300, 300, 100]);
  });

  it('refuses options that cannot make progress', () => {
    expect(() => chunkText('a', { maxChars: 0, overlapChars: 0 })).toThrow(RangeError);
    expect(() => chunkText('a', { maxChars: 100, overlapChars: 50 })).toThrow(RangeError);
    expect(() => chunkText('a', { maxChars: 100, overlapChars: -1 })).toThrow(RangeError);
  });
});

describe('normalizeText', () => {
  it('unifies line endings and squeezes blank lines and trailing spaces', () => {
    expect(normalizeText('a  \r\nb\r\n\r\n\r\n\r\nc\rd  ')).toBe('a\nb\n\nc\nd');
  });
});
