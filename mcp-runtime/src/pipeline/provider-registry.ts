/**
 * One provider client per configuration generation: built on first use after a change (so a new
 * model, base URL or provider key takes effect without a restart) and reused until the next one.
 */
import { LmoError } from '@lmo/contracts';
import type { TenantSnapshot } from '../config/tenant-state.ts';
import { createProvider, type ProviderDependencies } from '../providers/create-provider.ts';
import type { LlmProvider } from '../providers/llm-provider.ts';

/** The platform's provider knobs. */
export interface ProviderPolicy {
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly allowPrivateNetworks: boolean;
}

/** Returns the provider for a snapshot. */
export function providerRegistry(
  policy: ProviderPolicy,
  dependencies: ProviderDependencies = {},
): (snapshot: TenantSnapshot) => Promise<LlmProvider> {
  let cached: { generation: number; provider: Promise<LlmProvider> } | undefined;
  return (snapshot) => {
    if (cached?.generation !== snapshot.generation) {
      const { model, providerCredentials } = snapshot.config;
      const apiKey = snapshot.secrets.providerApiKey;
      if (providerCredentials !== undefined && apiKey === undefined) {
        return Promise.reject(
          new LmoError('LMO_PROVIDER_CREDENTIALS_INVALID', 'The provider credentials are not mounted yet.'),
        );
      }
      const provider = createProvider(
        { provider: model.provider, baseUrl: model.baseUrl, apiKey, ...policy },
        dependencies,
      );
      // A failed build (a forbidden URL) is not cached: the next request tries again.
      provider.catch(() => {
        if (cached?.provider === provider) cached = undefined;
      });
      cached = { generation: snapshot.generation, provider };
    }
    return cached.provider;
  };
}
