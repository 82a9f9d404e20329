/**
 * Which completions may be answered from the cache, and under which key. The cache is an exact
 * match: the same tenant, provider, model, parameters, messages and tool give the same key; any
 * difference, even one space, is a miss.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@lmo/cdk8s/runtime-config';
import type { ModelProvider } from '@lmo/contracts';
import type { ChatMessage } from '../providers/llm-provider.ts';

/** Everything that decides a completion's answer. */
export interface CacheKeyInput {
  readonly provider: ModelProvider;
  readonly model: string;
  readonly temperature: number;
  readonly maxTokens: number;
  /** The messages exactly as sent to the provider, the system prompt included. */
  readonly messages: readonly ChatMessage[];
  /** What the answer is for (the MCP tool or REST operation), so that different tools never share answers. */
  readonly kind: string;
}

/**
 * The Redis key of a completion: `lmo:cache:{<tenant>}:` and the SHA-256 (hex) of the canonical JSON
 * (keys sorted) of `input`. The tenant is in the key and in a hash tag: tenants never share answers.
 */
export function responseCacheKey(tenant: string, input: CacheKeyInput): string {
  const canonical = canonicalJson({
    provider: input.provider,
    model: input.model,
    temperature: input.temperature,
    maxTokens: input.maxTokens,
    messages: input.messages.map((m) => ({ role: m.role, content: m.content })),
    kind: input.kind,
  });
  return `lmo:cache:{${tenant}}:${createHash('sha256').update(canonical).digest('hex')}`;
}

/**
 * Whether a completion may come from (and go to) the cache: at temperature 0 the answer is meant to
 * be deterministic; above it only when the caller opted in, accepting a repeated answer.
 */
export function isCacheable(request: { readonly temperature: number; readonly optIn?: boolean }): boolean {
  return request.temperature === 0 || request.optIn === true;
}
