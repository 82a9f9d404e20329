/**
 * The `echo` provider: LMO's built-in, deterministic stand-in for a model, so that `make dev`,
 * demos and tests run without any credentials or network. Its answers say plainly that they are
 * an echo; its usage is counted with LMO's word/punctuation tokenizer (see `token-count.ts`); its
 * embeddings are the lexical hashing-trick vectors of `echoEmbedding` from `@lmo/contracts`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ECHO_EMBEDDING_MODEL, echoEmbedding } from '@lmo/contracts';
import type {
  Completion,
  CompletionRequest,
  EmbeddingRequest,
  Embeddings,
  LlmProvider,
} from './llm-provider.ts';
import { countTokens, estimateUsage, tokenEnds } from './token-count.ts';

/** Options of {@link EchoProvider}. */
export interface EchoProviderOptions {
  /**
   * Pause before each streamed delta, so that streaming is visible in demos and transport tests.
   * Default 0: deltas still go out one event-loop turn apart.
   */
  readonly deltaDelayMs?: number;
}

/** What the echo answers to a request, before streaming. */
export interface EchoAnswer {
  readonly text: string;
  /** `length` when `maxTokens` cut the answer short, else `stop`. */
  readonly finishReason: 'stop' | 'length';
}

/**
 * The echo's answer: `Echo (<model>): <the last user message>`, cut after `maxTokens` tokens.
 * Pure, so that callers and tests can predict it.
 */
export function echoAnswer(request: Pick<CompletionRequest, 'model' | 'messages' | 'maxTokens'>): EchoAnswer {
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  const full = `Echo (${request.model}): ${lastUser?.content ?? '(no user message)'}`;
  const ends = tokenEnds(full);
  if (ends.length <= request.maxTokens) {
    return { text: full, finishReason: 'stop' };
  }
  const cut = request.maxTokens > 0 ? (ends[request.maxTokens - 1] ?? 0) : 0;
  return { text: full.slice(0, cut), finishReason: 'length' };
}

/** The word-sized pieces an answer is streamed in; they concatenate to `text`. */
export function echoDeltas(text: string): string[] {
  const leading = /^\s+/.exec(text)?.[0] ?? '';
  const words = text.slice(leading.length).match(/\S+\s*/g) ?? [];
  return leading === '' ? words : [leading, ...words];
}

/** The deterministic `echo` provider (see the module comment). */
export class EchoProvider implements LlmProvider {
  readonly name = 'echo';
  readonly #deltaDelayMs: number;

  constructor(options: EchoProviderOptions = {}) {
    this.#deltaDelayMs = options.deltaDelayMs ?? 0;
  }

  /** Answers with {@link echoAnswer}; rejects with the signal's reason once aborted. */
  async complete(request: CompletionRequest, onDelta?: (text: string) => void): Promise<Completion> {
    request.signal?.throwIfAborted();
    const { text, finishReason } = echoAnswer(request);
    if (onDelta !== undefined) {
      for (const delta of echoDeltas(text)) {
        await this.pause(request.signal);
        onDelta(delta);
      }
    }
    return { text, model: request.model, usage: estimateUsage(request.messages, text), finishReason };
  }

  /** Embeds each text with `echoEmbedding` (256 dimensions), whatever model is asked for. */
  embed(request: EmbeddingRequest): Promise<Embeddings> {
    return Promise.resolve().then(() => {
      request.signal?.throwIfAborted();
      const tokensIn = request.input.reduce((sum, text) => sum + countTokens(text), 0);
      return {
        vectors: request.input.map((text) => echoEmbedding(text)),
        model: ECHO_EMBEDDING_MODEL,
        usage: { tokensIn, tokensOut: 0 },
      };
    });
  }

  private async pause(signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(this.#deltaDelayMs, undefined, signal === undefined ? {} : { signal });
    } catch (error) {
      signal?.throwIfAborted();
      throw error;
    }
  }
}
