/**
 * Embedding a tenant's knowledge: `echo` tenants get `echoEmbedding` from the contracts (the
 * runtime's echo provider uses the same function, so stored and query vectors agree); `openai` and
 * `openai-compatible` tenants get the OpenAI embeddings endpoint through the official SDK, asked for
 * {@link EMBEDDING_DIMENSIONS} dimensions, the width of the pgvector column.
 */
import { ECHO_EMBEDDING_MODEL, echoEmbedding, LmoError, type ErrorCode } from '@lmo/contracts';
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';

/** The width of `knowledge_chunks.embedding` (`vector(256)`). */
export const EMBEDDING_DIMENSIONS = 256;

/** Texts in, one vector each (in input order) out. */
export interface Embedder {
  /** The model that made the vectors, for logs and answers. */
  readonly model: string;
  /** @throws {LmoError} `LMO_PROVIDER_*` when the provider fails or answers vectors of another width. */
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** The `echo` embedder: deterministic, lexical, no network. */
export const echoEmbedder: Embedder = {
  model: ECHO_EMBEDDING_MODEL,
  embed: (texts) => Promise.resolve(texts.map((text) => echoEmbedding(text, EMBEDDING_DIMENSIONS))),
};

/** Options of {@link OpenAiEmbedder}. */
export interface OpenAiEmbedderOptions {
  readonly provider: 'openai' | 'openai-compatible';
  readonly baseUrl: string;
  readonly model: string;
  /** The tenant's provider key; keyless local servers get none. */
  readonly apiKey: string | undefined;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** The fetch to use (tests, proxies); the SDK's own when absent. */
  readonly fetch?: typeof fetch;
}

/** Inputs per embeddings request (OpenAI takes up to 2,048; smaller batches fail less at once). */
const BATCH = 64;

function providerFailure(error: unknown, provider: string): LmoError {
  if (error instanceof LmoError) return error;
  const status = error instanceof APIError ? (error as APIError).status : undefined;
  const code: ErrorCode =
    error instanceof APIConnectionTimeoutError
      ? 'LMO_PROVIDER_TIMEOUT'
      : status === 401 || status === 403
        ? 'LMO_PROVIDER_CREDENTIALS_INVALID'
        : status === 429
          ? 'LMO_PROVIDER_RATE_LIMITED'
          : status !== undefined && status >= 400 && status < 500
            ? 'LMO_PROVIDER_REJECTED'
            : 'LMO_PROVIDER_ERROR';
  // The SDK's message may quote the request; only the status leaves this function.
  return new LmoError(code, undefined, {
    details: { provider, ...(status === undefined ? {} : { status }) },
    cause: error,
  });
}

/** OpenAI's (or an OpenAI-compatible server's) embeddings endpoint. */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly #client: OpenAI;
  readonly #provider: string;

  constructor(options: OpenAiEmbedderOptions) {
    this.model = options.model;
    this.#provider = options.provider;
    this.#client = new OpenAI({
      // Pinned so that OPENAI_* variables of the API's own environment never apply.
      apiKey: options.apiKey ?? 'none',
      baseURL: options.baseUrl,
      organization: null,
      project: null,
      timeout: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += BATCH) {
      vectors.push(...(await this.#batch(texts.slice(start, start + BATCH))));
    }
    return vectors;
  }

  async #batch(input: string[]): Promise<number[][]> {
    let response;
    try {
      response = await this.#client.embeddings.create({
        model: this.model,
        input,
        dimensions: EMBEDDING_DIMENSIONS,
        encoding_format: 'float',
      });
    } catch (error) {
      throw providerFailure(error, this.#provider);
    }
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    if (vectors.length !== input.length) {
      throw new LmoError(
        'LMO_PROVIDER_ERROR',
        `The provider answered ${vectors.length} vectors for ${input.length} texts`,
      );
    }
    const wrong = vectors.find((vector) => vector.length !== EMBEDDING_DIMENSIONS);
    if (wrong !== undefined) {
      throw new LmoError(
        'LMO_PROVIDER_REJECTED',
        `The embedding model ${this.model} answered ${wrong.length} dimensions; knowledge stores ${EMBEDDING_DIMENSIONS}: choose a model that supports the dimensions parameter (text-embedding-3-*)`,
        { details: { provider: this.#provider, dimensions: wrong.length } },
      );
    }
    return vectors;
  }
}
