/**
 * Tenants' app API keys: their format, and how their hashes travel from the platform API to a
 * tenant's runtime. Browser-safe (the dashboard shows prefixes); hashing itself is SHA-256 of the
 * whole key text, done with whichever crypto the caller has.
 *
 * A key reads `lmo_<keyId>_<secret>`: `keyId` is 12 lowercase letters and digits (it names the key in
 * logs, metrics-free usage events and the dashboard), `secret` is 32 random bytes in base64url (43
 * characters). The key's entropy makes a fast hash right (like GitHub's tokens); argon2 is for
 * passwords.
 *
 * The API stores one entry per key in the runtime's secrets directory (the `mcp-runtime-secrets`
 * Secret in a cluster, written under the API's own field manager; the tenant's config directory
 * standalone): the entry `api-key.<keyId>` holds `sha256:<64 hex digits>`. Removing the entry revokes
 * the key.
 */

/** Every key starts with this. */
export const API_KEY_PREFIX = 'lmo_';

/** The pattern of a key id inside a key: 12 lowercase letters and digits. */
export const API_KEY_ID_PATTERN = '^[a-z0-9]{12}$';

/** A whole key: `lmo_<keyId>_<43 base64url characters>`. */
export const API_KEY_PATTERN = '^lmo_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$';

/** The name prefix of a key-hash entry in the runtime's secrets directory or Secret. */
export const API_KEY_ENTRY_PREFIX = 'api-key.';

/** The algorithm tag in a hash entry. */
export const API_KEY_HASH_ALGORITHM = 'sha256';

const KEY = new RegExp(API_KEY_PATTERN);
const ENTRY = new RegExp(`^${API_KEY_ENTRY_PREFIX.replace('.', '\\.')}([a-z0-9]{12})$`);
const HASH = /^sha256:([0-9a-f]{64})$/;

/** The id of a well-formed key, or `undefined` for anything else (never throws, never echoes the text). */
export function apiKeyId(key: string): string | undefined {
  return KEY.test(key) ? key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 12) : undefined;
}

/** The part of a key that may be shown again after creation: `lmo_<keyId>`. */
export function apiKeyDisplayPrefix(keyId: string): string {
  return `${API_KEY_PREFIX}${keyId}`;
}

/** The secrets-directory entry (file or Secret data key) of a key id: `api-key.<keyId>`. */
export function apiKeyEntryName(keyId: string): string {
  return `${API_KEY_ENTRY_PREFIX}${keyId}`;
}

/** The key id named by an entry, or `undefined` when the name is not a key-hash entry. */
export function keyIdOfEntry(entryName: string): string | undefined {
  return ENTRY.exec(entryName)?.[1];
}

/** The content of a hash entry for a SHA-256 digest in hex. */
export function formatApiKeyHash(sha256Hex: string): string {
  return `${API_KEY_HASH_ALGORITHM}:${sha256Hex}`;
}

/** The hex digest of a hash entry's content (surrounding whitespace ignored), or `undefined` when malformed. */
export function parseApiKeyHash(content: string): string | undefined {
  return HASH.exec(content.trim())?.[1];
}
