import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes in base64url (43 characters): session ids, token and key secrets. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 12 random lower-case letters and digits: the id part of API keys and personal access tokens. */
export function randomId(): string {
  const bytes = randomBytes(24);
  let id = '';
  // Rejection sampling keeps every character equally likely (252 = 7 × 36).
  for (const byte of bytes) {
    if (byte < 252) id += ID_ALPHABET.charAt(byte % 36);
    if (id.length === 12) return id;
  }
  return id + randomId().slice(0, 12 - id.length);
}

/** SHA-256 of a high-entropy secret, in hex. Passwords use argon2id instead (see passwords.ts). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The CSRF token of a session: an HMAC of the session's secret, so it needs no storage, changes
 * with every session and cannot be computed without the (HttpOnly) session cookie.
 */
export function csrfTokenOf(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('lmo-csrf-v1').digest('base64url');
}
