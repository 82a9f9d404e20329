/**
 * API-key authentication: `Authorization: Bearer lmo_<keyId>_<secret>` checked against the hashes
 * in the secrets directory. The key id selects the stored hash; the SHA-256 of the presented key is
 * compared with it in constant time, so timing tells nothing about the secret. Every failure looks
 * the same to the caller (no "unknown key" versus "wrong secret" oracle).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { apiKeyId, LmoError } from '@lmo/contracts';

/** Who made a request. */
export interface Principal {
  readonly tenant: string;
  /** The API key's id: safe for logs, events and session binding. */
  readonly keyId: string;
}

/** The `WWW-Authenticate` challenge of a 401 (RFC 6750, with the RFC 9728 metadata pointer). */
export function bearerChallenge(resourceMetadataUrl: string, error?: 'invalid_token'): string {
  const parts = ['Bearer realm="lmo"', ...(error === undefined ? [] : [`error="${error}"`])];
  parts.push(`resource_metadata="${resourceMetadataUrl}"`);
  return parts.join(', ');
}

/** The token of an `Authorization: Bearer` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** SHA-256 of a key's text. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * Authenticates an `Authorization` header value.
 * @throws {LmoError} `LMO_UNAUTHENTICATED` (never naming the key) when absent, malformed, unknown or revoked.
 */
export function authenticate(
  header: string | undefined,
  tenant: string,
  keyHashes: ReadonlyMap<string, Buffer>,
): Principal {
  const token = bearerToken(header);
  if (token === undefined) {
    throw new LmoError(
      'LMO_UNAUTHENTICATED',
      'An API key is required: send Authorization: Bearer <api key>.',
    );
  }
  const keyId = apiKeyId(token);
  const stored = keyId === undefined ? undefined : keyHashes.get(keyId);
  const presented = hashApiKey(token);
  // Compare even when nothing is stored, so unknown and wrong keys take the same time.
  const matches = timingSafeEqual(presented, stored ?? Buffer.alloc(presented.length));
  if (keyId === undefined || stored === undefined || !matches) {
    throw new LmoError('LMO_UNAUTHENTICATED', 'The API key is not valid for this tenant, or it was revoked.');
  }
  return { tenant, keyId };
}
