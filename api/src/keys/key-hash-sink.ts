/**
 * Where API-key hashes go so that a tenant's runtime can check keys: the entries `api-key.<keyId>`
 * holding `sha256:<hex>` (packages/contracts/src/api-keys.ts). The database is the truth about
 * which keys are live; a sink mirrors it.
 *
 * `sync` is declarative, the server-side-apply way: the tenant's key entries become exactly the
 * given set, so a created key appears, a revoked one disappears, drift is repaired and running it
 * twice changes nothing. Entries that are not key hashes (the operator's `provider-api-key`) are
 * never touched. The caller serialises syncs of one tenant (ApiKeyService holds a lock).
 */
export interface KeyHashSink {
  /**
   * Makes the tenant's key-hash entries exactly `entries` (key id → `sha256:<hex>`).
   * @throws {LmoError} `LMO_TENANT_NOT_READY` when the tenant's runtime has no place for them yet
   *   (in a cluster: its namespace or Secret does not exist yet); `LMO_DEPENDENCY_UNAVAILABLE`.
   */
  sync(tenant: string, entries: ReadonlyMap<string, string>): Promise<void>;
  /** The key-hash entries the tenant's runtime currently sees (key id → content). */
  read(tenant: string): Promise<Map<string, string>>;
}
