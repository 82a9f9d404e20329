/**
 * The one interface every LLM provider implements (OpenAI, Anthropic, OpenAI-compatible, echo), so
 * that tools, the REST API, the cache and metering never know which provider answers.
 *
 * Failures are thrown as `LmoError`s with the provider codes of the catalogue
 * (`LMO_PROVIDER_ERROR`, `LMO_PROVIDER_TIMEOUT`, `LMO_PROVIDER_RATE_LIMITED`, `LMO_PROVIDER_REJECTED`,
 * `LMO_PROVIDER_CREDENTIALS_INVALID`, `LMO_PROVIDER_URL_FORBIDDEN`); an aborted signal rejects with
 * the signal's reason. Messages of provider errors never carry the provider key or the prompt.
 */
import type { ModelProvider } from '@lmo/contracts';

/** Who said a message. */
export type ChatRole = 'system' | 'user' | 'assistant';

/** One message of a conversation. */
export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}

/** One completion to compute. */
export interface CompletionRequest {
  /** Model name as the provider knows it. */
  readonly model: string;
  /** The conversation, oldest first; a system message, when present, comes first. */
  readonly messages: readonly ChatMessage[];
  readonly temperature: number;
  readonly maxTokens: number;
  /** Aborts the provider call (the client went away, or the runtime shuts down). */
  readonly signal?: AbortSignal;
}

/** Tokens a call consumed, as the provider counted them. */
export interface TokenUsage {
  readonly tokensIn: number;
  readonly tokensOut: number;
}

/** A finished completion. */
export interface Completion {
  readonly text: string;
  readonly model: string;
  readonly usage: TokenUsage;
  /** Why generation stopped, as the provider said it (`stop`, `length`, ...). */
  readonly finishReason: string;
}

/** Embeddings of some texts. */
export interface Embeddings {
  /** One vector per input text, in input order. */
  readonly vectors: readonly (readonly number[])[];
  readonly model: string;
  readonly usage: TokenUsage;
}

/** One embedding call. */
export interface EmbeddingRequest {
  readonly input: readonly string[];
  /** Embedding model; the provider's default when absent. */
  readonly model?: string;
  /** Vector width to ask for (models that can shorten theirs); the knowledge index stores 256. */
  readonly dimensions?: number;
  readonly signal?: AbortSignal;
}

/** An LLM provider. */
export interface LlmProvider {
  readonly name: ModelProvider;
  /**
   * Computes a completion. With `onDelta`, the answer is streamed from the provider and each piece of
   * text is handed over as it arrives; the resolved value is the whole completion either way.
   */
  complete(request: CompletionRequest, onDelta?: (text: string) => void): Promise<Completion>;
  /** Embeds texts. */
  embed(request: EmbeddingRequest): Promise<Embeddings>;
}
