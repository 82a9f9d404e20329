import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ERROR_CATALOGUE, ERROR_CODES } from '@lmo/contracts';

// The README's error table is documentation users read; it must say exactly what the catalogue says.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const rows = readme
  .split('\n')
  .filter((line) => line.startsWith('| `LMO_'))
  .map((line) =>
    line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim()),
  );

const expected = ERROR_CODES.map((code) => {
  const entry = ERROR_CATALOGUE[code];
  const mcp = entry.mcp === 'tool-error' ? 'tool error' : `\`${entry.mcp}\``;
  return [`\`${code}\``, String(entry.httpStatus), mcp, entry.retryable ? 'yes' : 'no', entry.description];
});

describe('README error table', () => {
  it('lists exactly the catalogue, in catalogue order, with the same mapping and text', () => {
    expect(rows).toEqual(expected);
  });

  it('has one row per code', () => {
    expect(rows.map((row) => row[0])).toEqual(ERROR_CODES.map((code) => `\`${code}\``));
  });
});
