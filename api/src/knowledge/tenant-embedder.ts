/**
 * Picks the embedder of a tenant from its model settings, as its runtime does: `echo` embeds with
 * the contracts' function, `openai` and `openai-compatible` through the OpenAI SDK with the tenant's
 * key and (compatible servers) base URL, `anthropic` cannot embed. A compatible server's address is
 * refused when it is not publicly routable, unless the platform allows private networks, so a
 * tenant cannot aim the API at the cluster's own services.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { LmoError, type TenantSpec } from '@lmo/contracts';
import { echoEmbedder, OpenAiEmbedder, type Embedder } from './embedders.ts';
import type { ProviderKeySource } from './provider-keys.ts';

/** OpenAI's API root. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** The `openai` provider's embedding model when the tenant names none. */
export const OPENAI_DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

/** What {@link embedderForTenant} needs besides the tenant. */
export interface EmbedderDeps {
  readonly keys: ProviderKeySource;
  /** The platform operator's switch for providers inside private networks. */
  readonly allowPrivateNetworks: boolean;
  /** Host name resolution (all addresses); `node:dns` when absent. */
  readonly resolve?: (host: string) => Promise<readonly string[]>;
  /** The fetch the SDK uses; its own when absent. */
  readonly fetch?: typeof fetch;
}

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether `ip` is outside the publicly routable ranges (IPv4-mapped IPv6 counts as IPv4). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

const systemResolve = async (host: string): Promise<string[]> =>
  (await lookup(host, { all: true, order: 'verbatim' })).map((entry) => entry.address);

async function assertPublic(baseUrl: string, deps: EmbedderDeps): Promise<void> {
  if (deps.allowPrivateNetworks) return;
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly string[];
  try {
    addresses = isIP(host) === 0 ? await (deps.resolve ?? systemResolve)(host) : [host];
  } catch (error) {
    throw new LmoError('LMO_PROVIDER_ERROR', `The provider host ${host} does not resolve`, { cause: error });
  }
  if (addresses.some(isPrivateAddress)) {
    throw new LmoError('LMO_PROVIDER_URL_FORBIDDEN', undefined, { details: { host } });
  }
}

/**
 * The embedder of a tenant with settings `spec`.
 *
 * @throws {LmoError} `LMO_PROVIDER_REJECTED` for Anthropic (no embeddings API) or an
 *   OpenAI-compatible server without `model.embeddingModel`; `LMO_PROVIDER_CREDENTIALS_INVALID`
 *   for `openai` without a provider key; `LMO_PROVIDER_URL_FORBIDDEN` for a private base URL.
 */
export async function embedderForTenant(
  tenant: string,
  spec: TenantSpec,
  deps: EmbedderDeps,
): Promise<Embedder> {
  const { model } = spec;
  if (model.provider === 'echo') return echoEmbedder;
  if (model.provider === 'anthropic') {
    throw new LmoError(
      'LMO_PROVIDER_REJECTED',
      'Anthropic has no embeddings API: knowledge needs a tenant on the openai, openai-compatible or echo provider',
    );
  }
  const compatible = model.provider === 'openai-compatible';
  const embeddingModel = model.embeddingModel ?? (compatible ? undefined : OPENAI_DEFAULT_EMBEDDING_MODEL);
  if (embeddingModel === undefined) {
    throw new LmoError(
      'LMO_PROVIDER_REJECTED',
      'Set model.embeddingModel: the OpenAI-compatible server has no default',
    );
  }
  const baseUrl = compatible ? (model.baseUrl ?? '') : OPENAI_BASE_URL;
  if (compatible) await assertPublic(baseUrl, deps);
  const apiKey = await deps.keys.keyOf(tenant);
  if (apiKey === undefined && !compatible) {
    throw new LmoError('LMO_PROVIDER_CREDENTIALS_INVALID', `Tenant ${tenant} has no provider key`);
  }
  return new OpenAiEmbedder({
    provider: model.provider,
    baseUrl,
    model: embeddingModel,
    apiKey,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
  });
}
