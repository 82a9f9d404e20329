/**
 * What the MCP tools and the REST API ask of the runtime's request pipeline, and what they get back.
 * One pipeline serves every transport, so limits, cache and metering behave the same everywhere.
 */
import type { Transport } from '@lmo/contracts';
import type { Principal } from '../auth/api-key-auth.ts';
import type { ChatMessage, TokenUsage } from '../providers/llm-provider.ts';

/** Who asks, how, and under which request id. */
export interface CallContext {
  readonly principal: Principal;
  /** The request id: the usage event's idempotency key. */
  readonly requestId: string;
  readonly transport: Transport;
  /** The MCP tool, when the call comes from one. */
  readonly tool?: string;
  /** Aborted when the client goes away or the runtime stops waiting. */
  readonly signal: AbortSignal;
}

/** One completion to compute through the pipeline. */
export interface CompletionCall extends CallContext {
  /** The conversation without the tenant's system prompt (the pipeline adds it). */
  readonly messages: readonly ChatMessage[];
  /** Overrides the tenant's system prompt for this call. */
  readonly system?: string;
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** Opts into the response cache even when the temperature is above 0. */
  readonly cache?: boolean;
  /** Streamed pieces of the answer, as they arrive (or all at once on a cache hit). */
  readonly onDelta?: (text: string) => void;
}

/** A finished completion, as the caller sees it. */
export interface CompletionOutcome {
  readonly text: string;
  readonly model: string;
  readonly usage: TokenUsage;
  readonly cached: boolean;
  readonly finishReason: string;
  readonly requestId: string;
}

/** One embedding call. */
export interface EmbeddingCall extends CallContext {
  readonly input: readonly string[];
  /** Vector width to ask for; `search_knowledge` asks for the index's 256. */
  readonly dimensions?: number;
}

/** Embeddings, as the caller sees them. */
export interface EmbeddingOutcome {
  readonly vectors: readonly (readonly number[])[];
  readonly model: string;
  readonly usage: TokenUsage;
  readonly requestId: string;
}

/** The pipeline: limits, cache, provider, metering. */
export interface LlmGateway {
  complete(call: CompletionCall): Promise<CompletionOutcome>;
  embed(call: EmbeddingCall): Promise<EmbeddingOutcome>;
}
