/**
 * OpenAI's chat completions and embeddings through the official `openai` SDK. The same class
 * serves `openai-compatible` servers (vLLM, Ollama, llama.cpp, ...) through `baseUrl`; only the
 * provider name, the max-tokens field and the embedding encoding differ.
 *
 * The SDK retries 408/409/429/5xx answers and connection failures with exponential backoff (and
 * honours `retry-after`), `maxRetries` times, each attempt bounded by `timeoutMs` until the
 * response headers arrive; after that, a stream that stays silent for `timeoutMs` is cut by an
 * {@link IdleTimeout}. Everything the SDK could read from the environment (`OPENAI_API_KEY`,
 * `OPENAI_BASE_URL`, organisation, project, admin key) is pinned, so only the tenant's own settings
 * reach the provider.
 */
import { LmoError } from '@lmo/contracts';
import OpenAI from 'openai';
import { IdleTimeout } from './idle-timeout.ts';
import type {
  ChatMessage,
  Completion,
  CompletionRequest,
  EmbeddingRequest,
  Embeddings,
  LlmProvider,
  TokenUsage,
} from './llm-provider.ts';
import { plainErrorFetch } from './plain-error-fetch.ts';
import { toProviderFailure } from './provider-errors.ts';
import { countTokens, estimateUsage } from './token-count.ts';

/** OpenAI's API. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The embedding model of the `openai` provider when a request names none. */
export const OPENAI_DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

/** The subset of a pino logger the SDK logs its retries and warnings to. */
export interface ProviderLogger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

/** Options of {@link OpenAiProvider}. */
export interface OpenAiProviderOptions {
  readonly name: 'openai' | 'openai-compatible';
  /** The tenant's provider key; absent, no `Authorization` header is sent (keyless local servers). */
  readonly apiKey?: string | undefined;
  /** The API root, `.../v1`. */
  readonly baseUrl: string;
  /** Bound of each attempt until headers arrive, and of silence within a stream. */
  readonly timeoutMs: number;
  /** Retries of 408/409/429/5xx answers and connection failures. */
  readonly maxRetries: number;
  /** Embedding model when a request names none; `openai` defaults to text-embedding-3-small. */
  readonly defaultEmbeddingModel?: string | undefined;
  /** The fetch to use, e.g. one that refuses private addresses at connect time. */
  readonly fetch?: typeof fetch | undefined;
  /** Where the SDK logs retries and warnings; silent when absent. */
  readonly logger?: ProviderLogger | undefined;
}

type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;
type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk;

/** What a stream has said so far. */
interface StreamState {
  text: string;
  model: string;
  finishReason: string | undefined;
  usage: OpenAI.Completions.CompletionUsage | undefined;
}

/** An OpenAI or OpenAI-compatible provider (see the module comment). */
export class OpenAiProvider implements LlmProvider {
  readonly name: 'openai' | 'openai-compatible';
  readonly #client: OpenAI;
  readonly #timeoutMs: number;
  readonly #secrets: readonly string[];
  readonly #defaultEmbeddingModel: string | undefined;

  constructor(options: OpenAiProviderOptions) {
    this.name = options.name;
    this.#timeoutMs = options.timeoutMs;
    this.#secrets = options.apiKey === undefined ? [] : [options.apiKey];
    this.#defaultEmbeddingModel =
      options.defaultEmbeddingModel ??
      (options.name === 'openai' ? OPENAI_DEFAULT_EMBEDDING_MODEL : undefined);
    this.#client = new OpenAI({
      // The SDK insists on a key; a keyless server gets none (the header is removed below).
      apiKey: options.apiKey ?? 'no-key',
      adminAPIKey: null,
      organization: null,
      project: null,
      webhookSecret: null,
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      // A redirect could lead past the URL guard to a private address; APIs do not redirect.
      fetchOptions: { redirect: 'error' },
      logLevel: options.logger === undefined ? 'off' : 'warn',
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      fetch: plainErrorFetch(options.fetch ?? globalThis.fetch),
      ...(options.apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
    });
  }

  /** Chat completion; streamed with `stream_options.include_usage` when `onDelta` is given. */
  async complete(request: CompletionRequest, onDelta?: (text: string) => void): Promise<Completion> {
    const params = this.chatParams(request);
    if (onDelta !== undefined) {
      return this.stream(params, request, onDelta);
    }
    try {
      const response = await this.#client.chat.completions.create(params, signalOption(request.signal));
      const choice = response.choices[0];
      if (choice === undefined) {
        throw new Error('the answer has no choices');
      }
      const text = choice.message.content ?? '';
      return {
        text,
        model: response.model,
        usage: usageOf(response.usage, request.messages, text),
        finishReason: choice.finish_reason,
      };
    } catch (error) {
      throw toProviderFailure(error, { provider: this.name, signal: request.signal, secrets: this.#secrets });
    }
  }

  /**
   * Embeddings, in input order. The `openai` provider lets the SDK fetch base64 vectors (smaller);
   * OpenAI-compatible servers get `encoding_format: "float"`, which all of them understand.
   *
   * @throws LmoError `LMO_PROVIDER_REJECTED` when no model is named and there is no default.
   */
  async embed(request: EmbeddingRequest): Promise<Embeddings> {
    const model = request.model ?? this.#defaultEmbeddingModel;
    if (model === undefined) {
      throw new LmoError('LMO_PROVIDER_REJECTED', 'No embedding model is configured for this provider');
    }
    try {
      const response = await this.#client.embeddings.create(
        {
          model,
          input: [...request.input],
          ...(request.dimensions === undefined ? {} : { dimensions: request.dimensions }),
          ...(this.name === 'openai-compatible' ? { encoding_format: 'float' as const } : {}),
        },
        signalOption(request.signal),
      );
      const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      if (vectors.length !== request.input.length) {
        throw new Error(`${vectors.length} vectors for ${request.input.length} inputs`);
      }
      const estimated = request.input.reduce((sum, text) => sum + countTokens(text), 0);
      const tokensIn = (response.usage as { prompt_tokens?: number } | undefined)?.prompt_tokens ?? estimated;
      return { vectors, model: response.model, usage: { tokensIn, tokensOut: 0 } };
    } catch (error) {
      throw toProviderFailure(error, { provider: this.name, signal: request.signal, secrets: this.#secrets });
    }
  }

  private chatParams(request: CompletionRequest): ChatParams {
    // OpenAI replaced max_tokens by max_completion_tokens (its reasoning models refuse the old
    // one); OpenAI-compatible servers know max_tokens.
    const limit =
      this.name === 'openai'
        ? { max_completion_tokens: request.maxTokens }
        : { max_tokens: request.maxTokens };
    return {
      model: request.model,
      messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
      temperature: request.temperature,
      ...limit,
    };
  }

  private async stream(
    params: ChatParams,
    request: CompletionRequest,
    onDelta: (text: string) => void,
  ): Promise<Completion> {
    const idle = new IdleTimeout(this.#timeoutMs, request.signal);
    const state: StreamState = { text: '', model: params.model, finishReason: undefined, usage: undefined };
    // A throwing onDelta (the client went away) ends the stream; it is not a provider failure.
    const consumer: { failure?: { error: unknown } } = {};
    const deliver = (text: string): void => {
      try {
        onDelta(text);
      } catch (error) {
        consumer.failure = { error };
        throw error;
      }
    };
    try {
      const stream = await this.#client.chat.completions.create(
        { ...params, stream: true, stream_options: { include_usage: true } },
        { signal: idle.signal },
      );
      idle.touch();
      for await (const chunk of stream) {
        idle.touch();
        applyChunk(state, chunk, deliver);
      }
      // The SDK ends an aborted stream quietly: tell an abort from the end of the answer.
      idle.signal.throwIfAborted();
      return finishStream(state, request.messages);
    } catch (error) {
      if (consumer.failure !== undefined) throw consumer.failure.error;
      throw toProviderFailure(error, {
        provider: this.name,
        signal: request.signal,
        timedOut: idle.fired,
        secrets: this.#secrets,
      });
    } finally {
      idle.clear();
    }
  }
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

/** Folds one chunk into the state, handing its text to `deliver`. */
function applyChunk(state: StreamState, chunk: Chunk, deliver: (text: string) => void): void {
  state.model = chunk.model || state.model;
  if (chunk.usage) {
    state.usage = chunk.usage;
  }
  const choice = chunk.choices[0];
  if (choice === undefined) {
    return;
  }
  const content = choice.delta.content;
  if (content) {
    state.text += content;
    deliver(content);
  }
  if (choice.finish_reason) {
    state.finishReason = choice.finish_reason;
  }
}

function finishStream(state: StreamState, messages: readonly ChatMessage[]): Completion {
  if (state.finishReason === undefined) {
    throw new Error('the stream ended before the answer was complete');
  }
  return {
    text: state.text,
    model: state.model,
    usage: usageOf(state.usage, messages, state.text),
    finishReason: state.finishReason,
  };
}

/** The provider's count, or LMO's estimate when the server reports none (some compatible servers). */
function usageOf(
  usage: OpenAI.Completions.CompletionUsage | null | undefined,
  messages: readonly ChatMessage[],
  text: string,
): TokenUsage {
  return usage
    ? { tokensIn: usage.prompt_tokens, tokensOut: usage.completion_tokens }
    : estimateUsage(messages, text);
}
