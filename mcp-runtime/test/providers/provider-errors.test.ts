import { runInNewContext } from 'node:vm';
import * as AnthropicSdk from '@anthropic-ai/sdk';
import { describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import * as OpenAiSdk from 'openai';
import { plainErrorFetch } from '../../src/providers/plain-error-fetch.ts';
import {
  providerErrorCode,
  retryAfterSeconds,
  toProviderFailure,
} from '../../src/providers/provider-errors.ts';

const KEY = 'sk-secret-provider-key-91ab';

function openAiError(status: number, body: object, headers: Record<string, string> = {}): OpenAiSdk.APIError {
  return OpenAiSdk.APIError.generate(status, { error: body }, undefined, new Headers(headers));
}

function mapped(error: unknown, context: Partial<Parameters<typeof toProviderFailure>[1]> = {}): LmoError {
  const result = toProviderFailure(error, { provider: 'openai', secrets: [KEY], ...context });
  expect(result).toBeInstanceOf(LmoError);
  return result as LmoError;
}

describe('providerErrorCode', () => {
  it.each([
    [401, 'LMO_PROVIDER_CREDENTIALS_INVALID'],
    [402, 'LMO_PROVIDER_CREDENTIALS_INVALID'],
    [403, 'LMO_PROVIDER_CREDENTIALS_INVALID'],
    [429, 'LMO_PROVIDER_RATE_LIMITED'],
    [400, 'LMO_PROVIDER_REJECTED'],
    [404, 'LMO_PROVIDER_REJECTED'],
    [413, 'LMO_PROVIDER_REJECTED'],
    [422, 'LMO_PROVIDER_REJECTED'],
    [408, 'LMO_PROVIDER_TIMEOUT'],
    [504, 'LMO_PROVIDER_TIMEOUT'],
    [500, 'LMO_PROVIDER_ERROR'],
    [502, 'LMO_PROVIDER_ERROR'],
    [503, 'LMO_PROVIDER_ERROR'],
    [529, 'LMO_PROVIDER_ERROR'],
  ])('maps HTTP %i to %s', (status, code) => {
    expect(providerErrorCode(status)).toBe(code);
  });
});

describe('toProviderFailure', () => {
  it('returns the abort reason once the caller aborted, whatever the SDK threw', () => {
    const reason = new Error('client gone');
    const signal = AbortSignal.abort(reason);

    expect(toProviderFailure(new OpenAiSdk.APIUserAbortError(), { provider: 'openai', signal })).toBe(reason);
    expect(toProviderFailure(openAiError(500, {}), { provider: 'openai', signal })).toBe(reason);
  });

  it('maps both SDKs’ status errors with provider, status and safe provider codes', () => {
    const openai = mapped(
      openAiError(
        429,
        { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' },
        { 'retry-after': '2' },
      ),
    );
    const anthropic = mapped(
      AnthropicSdk.APIError.generate(
        401,
        { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
        undefined,
        new Headers(),
      ),
      { provider: 'anthropic' },
    );

    expect(openai.code).toBe('LMO_PROVIDER_RATE_LIMITED');
    expect(openai.message).toBe('The model provider is throttling requests: OpenAI answered HTTP 429');
    expect(openai.details).toEqual({
      provider: 'openai',
      status: 429,
      retryAfterSeconds: 2,
      providerErrorType: 'requests',
      providerErrorCode: 'rate_limit_exceeded',
    });
    expect(anthropic.code).toBe('LMO_PROVIDER_CREDENTIALS_INVALID');
    expect(anthropic.details).toEqual({
      provider: 'anthropic',
      status: 401,
      providerErrorType: 'authentication_error',
    });
  });

  it('leaves out provider error types that are not plain identifiers', () => {
    const error = mapped(
      openAiError(400, { message: 'bad', type: 'Prompt was: tell me a secret', code: null }),
    );

    expect(error.details).toEqual({ provider: 'openai', status: 400 });
  });

  it('maps timeouts of both SDKs and LMO’s own idle timeout to LMO_PROVIDER_TIMEOUT', () => {
    expect(mapped(new OpenAiSdk.APIConnectionTimeoutError()).code).toBe('LMO_PROVIDER_TIMEOUT');
    expect(mapped(new AnthropicSdk.APIConnectionTimeoutError(), { provider: 'anthropic' }).code).toBe(
      'LMO_PROVIDER_TIMEOUT',
    );
    expect(mapped(new OpenAiSdk.APIUserAbortError(), { timedOut: true }).code).toBe('LMO_PROVIDER_TIMEOUT');
  });

  it('maps connection failures and anything else to LMO_PROVIDER_ERROR', () => {
    const connection = mapped(new OpenAiSdk.APIConnectionError({ message: 'Connection error.' }));
    const other = mapped(new SyntaxError('Unexpected token < in JSON'));

    expect(connection.code).toBe('LMO_PROVIDER_ERROR');
    expect(connection.message).toBe('The model provider failed: the call to OpenAI failed');
    expect(other.code).toBe('LMO_PROVIDER_ERROR');
  });

  it('passes an LmoError found in the cause chain through', () => {
    const refusal = new LmoError('LMO_PROVIDER_URL_FORBIDDEN');
    const wrapped = new OpenAiSdk.APIConnectionError({
      cause: new TypeError('fetch failed', { cause: refusal }),
    });

    expect(toProviderFailure(wrapped, { provider: 'openai-compatible' })).toBe(refusal);
  });

  it('keeps a scrubbed copy of the SDK error as cause, never the SDK object', () => {
    const sdkError = openAiError(401, {
      message: `Incorrect API key provided: ${KEY}.`,
      code: 'invalid_api_key',
    });

    const error = mapped(sdkError);
    const cause = error.cause as Error & { status?: number };

    expect(cause).not.toBe(sdkError);
    expect(cause.message).toBe('401 Incorrect API key provided: [redacted].');
    expect(cause.stack).not.toContain(KEY);
    expect(cause.status).toBe(401);
    expect(error.message).not.toContain(KEY);
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [{ 'retry-after': '3' }, 3],
    [{ 'retry-after': '0.2' }, 1],
    [{ 'retry-after-ms': '1500' }, 2],
    [{ 'retry-after-ms': '1500', 'retry-after': '9' }, 2],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('reads %j as %s', (headers, seconds) => {
    expect(retryAfterSeconds(new Headers(headers))).toBe(seconds);
  });

  it('reads an HTTP date', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();

    expect(retryAfterSeconds(new Headers({ 'retry-after': inTenSeconds }))).toBeGreaterThanOrEqual(9);
  });
});

describe('plainErrorFetch', () => {
  it('copies an error from another realm into a plain Error with its name, message and cause', async () => {
    const foreign: unknown = runInNewContext(
      'const e = new Error("This operation was aborted"); e.name = "AbortError"; e.cause = "timer"; e',
    );
    expect(foreign instanceof Error).toBe(false);

    const error = await plainErrorFetch(() => Promise.reject(foreign as Error))('http://x').catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'AbortError',
      message: 'This operation was aborted',
      cause: 'timer',
    });
  });

  it('passes errors of this realm and answers through unchanged', async () => {
    const own = new TypeError('fetch failed');
    const response = new Response('ok');

    await expect(plainErrorFetch(() => Promise.reject(own))('http://x')).rejects.toBe(own);
    await expect(plainErrorFetch(() => Promise.resolve(response))('http://x')).resolves.toBe(response);
  });
});
