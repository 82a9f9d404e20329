import { describe, expect, it } from '@jest/globals';
import { csrfTokenOf, randomId, randomSecret, safeEqual, sha256Hex } from '../src/auth/secrets.ts';
import { REDACT_PATHS, createLogger } from '../src/logger.ts';
import { Writable } from 'node:stream';

describe('secrets', () => {
  it('makes ids and secrets in the key formats', () => {
    const ids = new Set(Array.from({ length: 200 }, randomId));
    expect([...ids].every((id) => /^[a-z0-9]{12}$/.test(id))).toBe(true);
    expect(ids.size).toBe(200);
    expect(randomSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('derives one CSRF token per session secret', () => {
    const a = randomSecret();
    expect(csrfTokenOf(a)).toBe(csrfTokenOf(a));
    expect(csrfTokenOf(a)).not.toBe(csrfTokenOf(randomSecret()));
    expect(csrfTokenOf(a)).not.toContain(a);
  });

  it('hashes with SHA-256 and compares safely', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('createLogger', () => {
  it('redacts credentials wherever they appear', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write: (chunk: Buffer, _e, done) => {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    logger.info(
      {
        password: 'hunter2',
        body: { token: 'lmo_pat_x', nested: { apiKey: 'lmo_abc' } },
        req: {
          headers: { authorization: 'Bearer s3cret', cookie: 'lmo_session=abc', 'x-csrf-token': 'csrf!' },
        },
        res: { headers: { 'set-cookie': 'lmo_session=abc' } },
        tenant: 'acme',
      },
      'Something happened',
    );
    const text = lines.join('');

    for (const secret of ['hunter2', 'lmo_pat_x', 'lmo_abc', 's3cret', 'lmo_session=abc', 'csrf!'])
      expect(text).not.toContain(secret);
    expect(text).toContain('"tenant":"acme"');
    expect(REDACT_PATHS).toContain('req.headers.cookie');
  });
});
