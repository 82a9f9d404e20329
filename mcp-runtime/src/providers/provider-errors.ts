/**
 * Turns whatever a provider SDK threw into an `LmoError` with one of the catalogue's provider
 * codes, or into the caller's abort reason when the caller aborted. The message names the provider
 * and the HTTP status only: an SDK's own message can quote the key (OpenAI's 401 does) or the
 * prompt, so it never reaches a caller; a scrubbed copy is kept as `cause` for the logs.
 */
import * as AnthropicSdk from '@anthropic-ai/sdk';
import { ERROR_CATALOGUE, isLmoError, LmoError, type ErrorCode, type ModelProvider } from '@lmo/contracts';
import * as OpenAiSdk from 'openai';

/** The catalogue codes a provider call fails with. */
export type ProviderErrorCode = Extract<
  ErrorCode,
  | 'LMO_PROVIDER_ERROR'
  | 'LMO_PROVIDER_TIMEOUT'
  | 'LMO_PROVIDER_RATE_LIMITED'
  | 'LMO_PROVIDER_REJECTED'
  | 'LMO_PROVIDER_CREDENTIALS_INVALID'
>;

/** How each provider is named in error messages. */
export const PROVIDER_LABELS: Readonly<Record<ModelProvider, string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'the OpenAI-compatible server',
  echo: 'the echo provider',
};

/** What {@link toProviderFailure} needs to know besides the error. */
export interface ProviderErrorContext {
  readonly provider: ModelProvider;
  /** The caller's signal: once it is aborted, its reason is the outcome, whatever the SDK threw. */
  readonly signal?: AbortSignal | undefined;
  /** True when LMO's own idle timeout cut the call (the SDK then reports a mere abort). */
  readonly timedOut?: boolean | undefined;
  /** Strings to scrub from the kept `cause` (the provider key). */
  readonly secrets?: readonly string[] | undefined;
}

const REJECTED_STATUSES = new Set([400, 404, 409, 413, 415, 422]);
const CREDENTIALS_STATUSES = new Set([401, 402, 403]);
const TIMEOUT_STATUSES = new Set([408, 504]);
const SAFE_IDENTIFIER = /^[A-Za-z][\w.-]{0,63}$/;

/**
 * The catalogue code for an HTTP status a provider answered with: 401/402/403 → credentials
 * (402: the account behind the key cannot pay), 429 → rate limited, 400/404/409/413/415/422 →
 * rejected, 408/504 → timeout, anything else → provider error.
 */
export function providerErrorCode(status: number): ProviderErrorCode {
  if (CREDENTIALS_STATUSES.has(status)) return 'LMO_PROVIDER_CREDENTIALS_INVALID';
  if (status === 429) return 'LMO_PROVIDER_RATE_LIMITED';
  if (REJECTED_STATUSES.has(status)) return 'LMO_PROVIDER_REJECTED';
  if (TIMEOUT_STATUSES.has(status)) return 'LMO_PROVIDER_TIMEOUT';
  return 'LMO_PROVIDER_ERROR';
}

/**
 * Maps an SDK error to what a provider rethrows: the caller's abort reason when the caller's
 * signal is aborted; an `LmoError` found in the error's cause chain as it is (the URL guard refusing
 * a connection); else an `LmoError` with a provider code, `details` `{ provider, status?,
 * retryAfterSeconds?, providerErrorType?, providerErrorCode? }` and a scrubbed `cause`.
 */
export function toProviderFailure(error: unknown, context: ProviderErrorContext): unknown {
  if (context.signal?.aborted === true) {
    return context.signal.reason;
  }
  const found = findLmoError(error);
  if (found !== undefined) {
    return found;
  }
  const label = PROVIDER_LABELS[context.provider];
  const cause = scrubbed(error, context.secrets ?? [], 0);
  const base = { provider: context.provider };
  if (context.timedOut === true || isTimeoutError(error)) {
    return failure('LMO_PROVIDER_TIMEOUT', `${label} did not answer in time`, base, cause);
  }
  if (!isApiError(error) || error.status === undefined) {
    return failure('LMO_PROVIDER_ERROR', `the call to ${label} failed`, base, cause);
  }
  const details = { ...base, status: error.status, ...apiErrorDetails(error) };
  return failure(providerErrorCode(error.status), `${label} answered HTTP ${error.status}`, details, cause);
}

/** An `LmoError` with the catalogue message of `code` followed by `reason`. */
function failure(code: ErrorCode, reason: string, details: Record<string, unknown>, cause: Error): LmoError {
  return new LmoError(code, `${ERROR_CATALOGUE[code].message}: ${reason}`, { details, cause });
}

type SdkApiError = OpenAiSdk.APIError | AnthropicSdk.APIError;

function isApiError(error: unknown): error is SdkApiError {
  return error instanceof OpenAiSdk.APIError || error instanceof AnthropicSdk.APIError;
}

function isTimeoutError(error: unknown): boolean {
  return (
    error instanceof OpenAiSdk.APIConnectionTimeoutError ||
    error instanceof AnthropicSdk.APIConnectionTimeoutError
  );
}

/** `retryAfterSeconds` and the provider's error type/code when they are plain identifiers. */
function apiErrorDetails(error: SdkApiError): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  const retryAfter = retryAfterSeconds(error.headers);
  if (retryAfter !== undefined) details['retryAfterSeconds'] = retryAfter;
  const type = error.type;
  if (typeof type === 'string' && SAFE_IDENTIFIER.test(type)) details['providerErrorType'] = type;
  const code = error instanceof OpenAiSdk.APIError ? error.code : error.errorCode;
  if (typeof code === 'string' && SAFE_IDENTIFIER.test(code)) details['providerErrorCode'] = code;
  return details;
}

/** Whole seconds to wait according to `retry-after-ms` or `retry-after` (seconds or HTTP date). */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return Math.ceil(millis / 1000);
  const value = headers?.get('retry-after') ?? '';
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function findLmoError(error: unknown): LmoError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    if (isLmoError(current)) return current;
    current = current.cause;
  }
  return undefined;
}

/**
 * A plain copy of `error` for the logs: name, message and stack with every secret replaced, the
 * HTTP status and request id when present, and the cause chain copied the same way. The SDK's
 * error object itself is not kept (it holds the response headers and body).
 */
function scrubbed(error: unknown, secrets: readonly string[], depth: number): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const scrub = (text: string): string =>
    secrets.reduce((out, secret) => (secret === '' ? out : out.replaceAll(secret, '[redacted]')), text);
  const copy = new Error(
    scrub(source.message),
    source.cause !== undefined && depth < 3 ? { cause: scrubbed(source.cause, secrets, depth + 1) } : {},
  );
  copy.name = source.name;
  copy.stack = scrub(source.stack ?? '');
  if (isApiError(source)) {
    Object.assign(copy, { status: source.status, requestId: source.requestID ?? undefined });
  }
  return copy;
}
