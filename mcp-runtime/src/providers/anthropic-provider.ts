/**
 * Anthropic's Messages API through the official `@anthropic-ai/sdk`: the system prompt goes to
 * `system`, the rest of the conversation to `messages`; streaming uses the SDK's `messages.stream`
 * helper, and usage comes from the final message. Anthropic has no embeddings API.
 *
 * Retries, timeouts and the idle timeout of streams work as in the OpenAI provider. The key and
 * base URL are passed explicitly, so `ANTHROPIC_API_KEY`, `ANTHROPIC_AUTH_TOKEN` and
 * `ANTHROPIC_BASE_URL` of the runtime's environment never apply.
 */
import Anthropic from '@anthropic-ai/sdk';
import { LmoError } from '@lmo/contracts';
import { IdleTimeout } from './idle-timeout.ts';
import type {
  Completion,
  CompletionRequest,
  EmbeddingRequest,
  Embeddings,
  LlmProvider,
} from './llm-provider.ts';
import type { ProviderLogger } from './openai-provider.ts';
import { plainErrorFetch } from './plain-error-fetch.ts';
import { toProviderFailure } from './provider-errors.ts';

/** Anthropic's API. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** Options of {@link AnthropicProvider}. */
export interface AnthropicProviderOptions {
  /** The tenant's Anthropic key (SDK 1.x sends it as `Authorization: Bearer`). */
  readonly apiKey: string;
  /** Defaults to {@link ANTHROPIC_BASE_URL}; a platform may point it at a proxy. */
  readonly baseUrl?: string | undefined;
  /** Bound of each attempt until headers arrive, and of silence within a stream. */
  readonly timeoutMs: number;
  /** Retries of 408/409/429/5xx answers and connection failures. */
  readonly maxRetries: number;
  /** The fetch to use, e.g. one that refuses private addresses at connect time. */
  readonly fetch?: typeof fetch | undefined;
  /** Where the SDK logs retries and warnings; silent when absent. */
  readonly logger?: ProviderLogger | undefined;
}

type MessageParams = Anthropic.Messages.MessageCreateParamsNonStreaming;

/**
 * The Messages API request for a completion: system messages joined into `system`, the others in
 * order. The tenant's temperature is not sent: Anthropic's current models refuse it (400) and the
 * SDK no longer has the field.
 */
export function anthropicParams(request: CompletionRequest): MessageParams {
  const system = request.messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n\n');
  const messages = request.messages.flatMap((message) =>
    message.role === 'system' ? [] : [{ role: message.role, content: message.content }],
  );
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    messages,
    ...(system === '' ? {} : { system }),
  };
}

/** The text and usage of a finished message. */
function completionOf(message: Anthropic.Messages.Message): Completion {
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const { usage } = message;
  // Cached prompt tokens are input too; Anthropic counts them apart from input_tokens.
  const tokensIn =
    usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  return {
    text,
    model: message.model,
    usage: { tokensIn, tokensOut: usage.output_tokens },
    finishReason: message.stop_reason ?? 'unknown',
  };
}

/** The Anthropic provider (see the module comment). */
export class AnthropicProvider implements LlmProvider {
  readonly name = 'anthropic';
  readonly #client: Anthropic;
  readonly #timeoutMs: number;
  readonly #secrets: readonly string[];

  constructor(options: AnthropicProviderOptions) {
    this.#timeoutMs = options.timeoutMs;
    this.#secrets = [options.apiKey];
    this.#client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseUrl ?? ANTHROPIC_BASE_URL,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      // A redirect could lead past the URL guard to a private address; APIs do not redirect.
      fetchOptions: { redirect: 'error' },
      logLevel: options.logger === undefined ? 'off' : 'warn',
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      fetch: plainErrorFetch(options.fetch ?? globalThis.fetch),
    });
  }

  /** A message; streamed through the SDK's `messages.stream` helper when `onDelta` is given. */
  async complete(request: CompletionRequest, onDelta?: (text: string) => void): Promise<Completion> {
    const params = anthropicParams(request);
    if (onDelta !== undefined) {
      return this.stream(params, request, onDelta);
    }
    try {
      const signal = request.signal === undefined ? {} : { signal: request.signal };
      return completionOf(await this.#client.messages.create(params, signal));
    } catch (error) {
      throw toProviderFailure(error, { provider: this.name, signal: request.signal, secrets: this.#secrets });
    }
  }

  /**
   * Always fails: Anthropic offers no embeddings API.
   *
   * @throws LmoError `LMO_PROVIDER_REJECTED`.
   */
  embed(request: EmbeddingRequest): Promise<Embeddings> {
    return Promise.resolve().then(() => {
      request.signal?.throwIfAborted();
      throw new LmoError(
        'LMO_PROVIDER_REJECTED',
        'Anthropic has no embeddings API: configure an embedding model of another provider',
        { details: { provider: this.name } },
      );
    });
  }

  private async stream(
    params: MessageParams,
    request: CompletionRequest,
    onDelta: (text: string) => void,
  ): Promise<Completion> {
    const idle = new IdleTimeout(this.#timeoutMs, request.signal);
    const stream = this.#client.messages.stream(params, { signal: idle.signal });
    const consumer: { failure?: { error: unknown } } = {};
    stream.on('connect', () => {
      idle.touch();
    });
    stream.on('streamEvent', () => {
      idle.touch();
    });
    stream.on('text', (delta) => {
      try {
        onDelta(delta);
      } catch (error) {
        consumer.failure = { error };
        stream.abort();
      }
    });
    try {
      const message = await stream.finalMessage();
      if (consumer.failure !== undefined) throw consumer.failure.error;
      return completionOf(message);
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
