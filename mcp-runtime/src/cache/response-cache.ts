/** The response cache's interface and stored form, shared by the Redis and in-process implementations. */
import { z } from 'zod';
import type { Completion } from '../providers/llm-provider.ts';

/** A cached completion: the provider's answer and when it was stored. */
export interface CachedCompletion extends Completion {
  /** When the answer was stored (RFC 3339). */
  readonly storedAt: string;
}

/** An exact-match cache of completions, keyed by `responseCacheKey`. */
export interface ResponseCache {
  /** The cached answer, or `undefined` on a miss. Never rejects: a failing store is a miss. */
  get(key: string): Promise<CachedCompletion | undefined>;
  /** Stores an answer for the configured TTL. Never rejects: a failing store keeps nothing. */
  set(key: string, completion: Completion): Promise<void>;
}

/** Options both implementations take. */
export interface ResponseCacheOptions {
  /** How long an answer stays, in seconds. */
  readonly ttlSeconds: number;
  /** Answers larger than this (JSON bytes) are not stored. @default 1 MiB */
  readonly maxEntryBytes?: number;
  /** The clock, for `storedAt`. @default () => new Date() */
  readonly now?: () => Date;
}

const storedSchema = z.object({
  text: z.string(),
  model: z.string(),
  usage: z.object({ tokensIn: z.number().int().min(0), tokensOut: z.number().int().min(0) }),
  finishReason: z.string(),
  storedAt: z.string(),
});

/** The stored JSON of an answer `{ text, usage, model, finishReason, storedAt }`, or `undefined` when too large. */
export function serializeCompletion(
  completion: Completion,
  options: ResponseCacheOptions,
): string | undefined {
  const now = options.now ?? ((): Date => new Date());
  const { text, usage, model, finishReason } = completion;
  const json = JSON.stringify({
    text,
    usage: { tokensIn: usage.tokensIn, tokensOut: usage.tokensOut },
    model,
    finishReason,
    storedAt: now().toISOString(),
  });
  return Buffer.byteLength(json) > (options.maxEntryBytes ?? 1024 * 1024) ? undefined : json;
}

/** Reads a stored answer; `undefined` when it is not one (a foreign or damaged entry counts as a miss). */
export function parseCachedCompletion(json: string): CachedCompletion | undefined {
  try {
    const result = storedSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
