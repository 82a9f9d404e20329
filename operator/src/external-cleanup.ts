/** Cleanup outside the cluster when a Tenant is deleted: the only reason the operator has a finalizer. */
export interface ExternalCleanup {
  /**
   * Tells the platform the tenant is gone (e.g. close its billing). Must be
   * idempotent: it runs again if the operator stops before the finalizer goes.
   * @throws when the platform cannot be told; the reconcile is retried.
   */
  tenantDeleted(tenant: string): Promise<void>;
}

/** No external system to tell (standalone clusters without the platform API). */
export const noExternalCleanup: ExternalCleanup = { tenantDeleted: () => Promise.resolve() };

/** POSTs `{ "tenant": name }` to the platform API's cleanup URL; any 2xx counts as done. */
export function httpCleanup(url: string, timeoutMs = 10_000): ExternalCleanup {
  return {
    async tenantDeleted(tenant) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok)
        throw new Error(`cleanup of tenant ${tenant}: ${url} answered HTTP ${response.status}`);
    },
  };
}
