/**
 * Builds the provider a tenant's settings ask for. Only the tenant's own provider key (from the
 * Secret that `spec.providerSecretRef` names) ever reaches a provider: the bearer token of the
 * app calling the runtime is not an input here, and the SDKs are kept from reading keys or base
 * URLs from the runtime's environment.
 */
import { LmoError, type ModelProvider } from '@lmo/contracts';
import { AnthropicProvider, ANTHROPIC_BASE_URL } from './anthropic-provider.ts';
import { EchoProvider, type EchoProviderOptions } from './echo-provider.ts';
import type { LlmProvider } from './llm-provider.ts';
import { OPENAI_BASE_URL, OpenAiProvider, type ProviderLogger } from './openai-provider.ts';
import { assertProviderUrlAllowed, guardedFetch, type HostLookup } from './provider-url-guard.ts';

/** The provider part of a tenant's runtime configuration. */
export interface ProviderSettings {
  readonly provider: ModelProvider;
  /** Required for `openai-compatible`; for `openai` and `anthropic`, a proxy in front of them. */
  readonly baseUrl?: string | undefined;
  /** The tenant's provider key; required for `openai` and `anthropic`, optional for compatible servers. */
  readonly apiKey?: string | undefined;
  /** Bound of each provider attempt until headers arrive, and of silence within a stream. */
  readonly timeoutMs: number;
  /** Retries of throttled, failed or unreachable provider calls, with backoff. */
  readonly maxRetries: number;
  /** The platform operator's switch for base URLs in private networks (self-hosted models). */
  readonly allowPrivateNetworks: boolean;
}

/** What {@link createProvider} may be given besides the settings. */
export interface ProviderDependencies {
  /** DNS resolution for the URL guard; `node:dns` by default. */
  readonly lookup?: HostLookup | undefined;
  /** Where the SDKs log retries and warnings; silent when absent. */
  readonly logger?: ProviderLogger | undefined;
  /** Options of the echo provider. */
  readonly echo?: EchoProviderOptions | undefined;
}

/**
 * The provider for `settings`. Base URLs pass the URL guard first (the default OpenAI and
 * Anthropic URLs are known to be public), and unless private networks are allowed every connection
 * is checked again, against DNS rebinding.
 *
 * @throws LmoError `LMO_PROVIDER_CREDENTIALS_INVALID` when `openai` or `anthropic` has no key;
 *   `LMO_PROVIDER_REJECTED` when `openai-compatible` has no base URL; `LMO_PROVIDER_URL_FORBIDDEN`
 *   when the URL guard refuses the base URL; `LMO_PROVIDER_ERROR` when its host does not resolve.
 */
export async function createProvider(
  settings: ProviderSettings,
  dependencies: ProviderDependencies = {},
): Promise<LlmProvider> {
  if (settings.provider === 'echo') {
    return new EchoProvider(dependencies.echo);
  }
  const common = {
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    logger: dependencies.logger,
    fetch: settings.allowPrivateNetworks ? undefined : guardedFetch(dependencies.lookup),
  };
  const guard = { allowPrivateNetworks: settings.allowPrivateNetworks, lookup: dependencies.lookup };
  if (settings.provider === 'anthropic') {
    const apiKey = requiredKey(settings);
    if (settings.baseUrl !== undefined) await assertProviderUrlAllowed(settings.baseUrl, guard);
    return new AnthropicProvider({ ...common, apiKey, baseUrl: settings.baseUrl ?? ANTHROPIC_BASE_URL });
  }
  if (settings.provider === 'openai') {
    const apiKey = requiredKey(settings);
    if (settings.baseUrl !== undefined) await assertProviderUrlAllowed(settings.baseUrl, guard);
    return new OpenAiProvider({
      ...common,
      name: 'openai',
      apiKey,
      baseUrl: settings.baseUrl ?? OPENAI_BASE_URL,
    });
  }
  if (settings.baseUrl === undefined) {
    throw new LmoError(
      'LMO_PROVIDER_REJECTED',
      "The openai-compatible provider needs a baseUrl in the tenant's model settings",
      { details: { provider: settings.provider } },
    );
  }
  await assertProviderUrlAllowed(settings.baseUrl, guard);
  const apiKey = presentKey(settings.apiKey);
  return new OpenAiProvider({ ...common, name: 'openai-compatible', apiKey, baseUrl: settings.baseUrl });
}

/** The key without the whitespace a Secret file often ends with; undefined when blank. */
function presentKey(apiKey: string | undefined): string | undefined {
  const trimmed = apiKey?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function requiredKey(settings: ProviderSettings): string {
  const apiKey = presentKey(settings.apiKey);
  if (apiKey === undefined) {
    throw new LmoError(
      'LMO_PROVIDER_CREDENTIALS_INVALID',
      `The ${settings.provider} provider needs an API key: the tenant's provider Secret has none`,
      { details: { provider: settings.provider } },
    );
  }
  return apiKey;
}
