/**
 * Redis keys of the limits. The tenant sits in a hash tag (`{tenant}`), so that all of a tenant's
 * keys land in one Redis Cluster slot and one Lua script may touch them together.
 */

/** The tenant's request bucket: `lmo:rl:{<tenant>}:t`. */
export function tenantBucketKey(tenant: string): string {
  return `lmo:rl:{${tenant}}:t`;
}

/** One API key's request bucket: `lmo:rl:{<tenant>}:k:<keyId>`. */
export function keyBucketKey(tenant: string, keyId: string): string {
  return `lmo:rl:{${tenant}}:k:${keyId}`;
}

/** The tenant's token counter of one month: `lmo:quota:{<tenant>}:<YYYY-MM>`. */
export function quotaCounterKey(tenant: string, period: string): string {
  return `lmo:quota:{${tenant}}:${period}`;
}
