import { describe, expect, it } from '@jest/globals';
import {
  apiKeyDisplayPrefix,
  apiKeyEntryName,
  apiKeyId,
  formatApiKeyHash,
  keyIdOfEntry,
  parseApiKeyHash,
} from '../src/index.ts';

const secret = 'A'.repeat(20) + '-_' + 'z9'.repeat(10) + 'q';

describe('API keys', () => {
  it('reads the key id of a well-formed key', () => {
    expect(secret).toHaveLength(43);
    expect(apiKeyId(`lmo_abc123def456_${secret}`)).toBe('abc123def456');
  });

  it.each([
    ['no prefix', `abc123def456_${secret}`],
    ['short id', `lmo_abc123_${secret}`],
    ['upper-case id', `lmo_ABC123DEF456_${secret}`],
    ['short secret', `lmo_abc123def456_${secret.slice(1)}`],
    ['trailing text', `lmo_abc123def456_${secret} `],
    ['empty', ''],
  ])('refuses a malformed key (%s)', (_why, key) => {
    expect(apiKeyId(key)).toBeUndefined();
  });

  it('names entries after key ids and reads them back', () => {
    expect(apiKeyEntryName('abc123def456')).toBe('api-key.abc123def456');
    expect(keyIdOfEntry('api-key.abc123def456')).toBe('abc123def456');
    expect(keyIdOfEntry('provider-api-key')).toBeUndefined();
    expect(keyIdOfEntry('api-keyXabc123def456')).toBeUndefined();
    expect(apiKeyDisplayPrefix('abc123def456')).toBe('lmo_abc123def456');
  });

  it('formats and parses hash entries', () => {
    const hex = 'ab'.repeat(32);
    expect(parseApiKeyHash(`${formatApiKeyHash(hex)}\n`)).toBe(hex);
    expect(parseApiKeyHash(`md5:${hex}`)).toBeUndefined();
    expect(parseApiKeyHash('sha256:xyz')).toBeUndefined();
  });
});
