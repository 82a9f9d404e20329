import { ERROR_CATALOGUE, JSONRPC_ERROR_CODES, type ErrorCode } from './error-catalogue.ts';

/** Structured, JSON-serialisable detail for the caller (validation issues, `retryAfterSeconds`, ...). Never secrets. */
export type LmoErrorDetails = Readonly<Record<string, unknown>>;

/** Optional parts of an {@link LmoError}. */
export interface LmoErrorOptions {
  /** Detail that is safe to send to the caller. */
  readonly details?: LmoErrorDetails;
  /** The underlying error; kept for logs and traces, never sent to the caller. */
  readonly cause?: unknown;
}

/** The HTTP form of an error: a status and the JSON body every LMO HTTP endpoint answers with. */
export interface LmoHttpError {
  readonly status: number;
  readonly body: {
    readonly error: {
      readonly code: ErrorCode;
      readonly message: string;
      readonly details?: LmoErrorDetails;
    };
  };
}

/** The JSON-RPC `error` member of an MCP response. */
export interface LmoJsonRpcError {
  readonly code: number;
  readonly message: string;
  readonly data: {
    readonly lmoCode: ErrorCode;
    readonly retryable: boolean;
    readonly details?: LmoErrorDetails;
  };
}

/** An MCP `CallToolResult` that reports a failure to the model (`isError: true`). */
export interface LmoToolErrorResult {
  readonly isError: true;
  readonly content: readonly [{ readonly type: 'text'; readonly text: string }];
}

/**
 * The one error type of LMO: a stable catalogue `code`, a message that is safe to show, optional
 * `details` for the caller and an optional `cause` for the logs. Boundaries turn it into HTTP,
 * JSON-RPC or an MCP tool result with the methods below; anything else is wrapped first with
 * {@link toLmoError}.
 */
export class LmoError extends Error {
  override readonly name = 'LmoError';
  /** The catalogue code; clients branch on it. */
  readonly code: ErrorCode;
  /** Detail that is safe to send to the caller. */
  readonly details: LmoErrorDetails | undefined;

  /**
   * @param code the catalogue code.
   * @param message a message safe for any caller; defaults to the catalogue's message for `code`.
   * @param options `details` for the caller, `cause` for the logs.
   */
  constructor(code: ErrorCode, message?: string, options: LmoErrorOptions = {}) {
    super(
      message ?? ERROR_CATALOGUE[code].message,
      options.cause === undefined ? {} : { cause: options.cause },
    );
    this.code = code;
    this.details = options.details;
  }

  /** The HTTP status of this error's code. */
  get httpStatus(): number {
    return ERROR_CATALOGUE[this.code].httpStatus;
  }

  /** Whether the same request may succeed if retried unchanged after a backoff. */
  get retryable(): boolean {
    return ERROR_CATALOGUE[this.code].retryable;
  }

  /** The HTTP status and `{ error: { code, message, details? } }` body. */
  toHttp(): LmoHttpError {
    const error = { code: this.code, message: this.message, ...this.detailsPart() };
    return { status: this.httpStatus, body: { error } };
  }

  /**
   * The JSON-RPC error object. Codes whose MCP mapping is `'tool-error'` only reach JSON-RPC when
   * raised outside a tool call; they use -32603 (internal error) and keep the precise code in
   * `data.lmoCode`.
   */
  toJsonRpc(): LmoJsonRpcError {
    const mapping = ERROR_CATALOGUE[this.code].mcp;
    const code = mapping === 'tool-error' ? JSONRPC_ERROR_CODES.internalError : mapping;
    return {
      code,
      message: this.message,
      data: { lmoCode: this.code, retryable: this.retryable, ...this.detailsPart() },
    };
  }

  /** A tool result with `isError: true` whose text names the code, for the model to read. */
  toToolResult(): LmoToolErrorResult {
    const hint = this.retryable ? ' (retryable: try again later)' : '';
    return { isError: true, content: [{ type: 'text', text: `${this.code}: ${this.message}${hint}` }] };
  }

  private detailsPart(): { details?: LmoErrorDetails } {
    return this.details === undefined ? {} : { details: this.details };
  }
}

/** True when `value` is an {@link LmoError}. */
export function isLmoError(value: unknown): value is LmoError {
  return value instanceof LmoError;
}

/**
 * Returns `error` itself when it is an {@link LmoError}; wraps anything else as `LMO_INTERNAL` with
 * the generic catalogue message. The original is kept only as `cause`, so its message and stack
 * never reach a caller.
 */
export function toLmoError(error: unknown): LmoError {
  return isLmoError(error) ? error : new LmoError('LMO_INTERNAL', undefined, { cause: error });
}
