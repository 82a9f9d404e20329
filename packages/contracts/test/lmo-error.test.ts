import { describe, expect, it } from '@jest/globals';
import {
  ERROR_CATALOGUE,
  ERROR_CODES,
  errorEntry,
  isErrorCode,
  isLmoError,
  JSONRPC_ERROR_CODES,
  LMO_JSONRPC_CODE_RANGE,
  LmoError,
  toLmoError,
  type ErrorCode,
  type McpErrorMapping,
} from '@lmo/contracts';

const STANDARD_JSONRPC = new Set<number>(Object.values(JSONRPC_ERROR_CODES));

describe('error catalogue', () => {
  it.each(ERROR_CODES)('%s is fully documented and mapped', (code) => {
    const entry = errorEntry(code);
    expect(code).toMatch(/^LMO_[A-Z]+(_[A-Z]+)*$/);
    expect(Number.isInteger(entry.httpStatus) && entry.httpStatus >= 400 && entry.httpStatus <= 599).toBe(
      true,
    );
    if (entry.mcp !== 'tool-error') {
      const inLmoRange = entry.mcp >= LMO_JSONRPC_CODE_RANGE.min && entry.mcp <= LMO_JSONRPC_CODE_RANGE.max;
      expect(STANDARD_JSONRPC.has(entry.mcp) || inLmoRange).toBe(true);
    }
    expect(typeof entry.retryable).toBe('boolean');
    expect(entry.message).toMatch(/^[A-Z].*[^.]$/);
    expect(entry.description.length).toBeGreaterThan(60);
  });

  it('gives each LMO JSON-RPC code to one error only', () => {
    const own = ERROR_CODES.map((code): McpErrorMapping => ERROR_CATALOGUE[code].mcp).filter(
      (mcp): mcp is number => typeof mcp === 'number' && !STANDARD_JSONRPC.has(mcp),
    );
    expect(new Set(own).size).toBe(own.length);
  });

  it.each<[ErrorCode, number, number | 'tool-error', boolean]>([
    ['LMO_UNAUTHENTICATED', 401, -32050, false],
    ['LMO_FORBIDDEN', 403, -32051, false],
    ['LMO_NOT_FOUND', 404, -32602, false],
    ['LMO_VALIDATION_FAILED', 422, -32602, false],
    ['LMO_QUOTA_EXCEEDED', 402, -32057, false],
    ['LMO_RATE_LIMITED', 429, -32058, true],
    ['LMO_PAYLOAD_TOO_LARGE', 413, -32600, false],
    ['LMO_METHOD_NOT_FOUND', 404, -32601, false],
    ['LMO_TOOL_INPUT_INVALID', 422, 'tool-error', false],
    ['LMO_PROVIDER_TIMEOUT', 504, 'tool-error', true],
    ['LMO_DEPENDENCY_UNAVAILABLE', 503, -32062, true],
    ['LMO_INTERNAL', 500, -32603, false],
  ])('maps %s to HTTP %i, MCP %p, retryable %p', (code, httpStatus, mcp, retryable) => {
    expect(errorEntry(code)).toMatchObject({ httpStatus, mcp, retryable });
  });

  it.each([
    ['LMO_INTERNAL', true],
    ['LMO_NOPE', false],
    ['toString', false],
    [42, false],
  ])('isErrorCode(%p) is %p', (value, expected) => {
    expect(isErrorCode(value)).toBe(expected);
  });
});

describe('LmoError', () => {
  it('is an Error with a code and the catalogue message by default', () => {
    const error = new LmoError('LMO_RATE_LIMITED');
    expect(error).toBeInstanceOf(Error);
    expect(isLmoError(error)).toBe(true);
    expect(error.name).toBe('LmoError');
    expect(error.message).toBe('Too many requests');
    expect(error.httpStatus).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.details).toBeUndefined();
    expect(error).not.toHaveProperty('cause');
  });

  it('keeps a custom message, details and cause', () => {
    const cause = new Error('redis: ECONNREFUSED');
    const error = new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'Rate limiter unavailable', {
      details: { service: 'redis' },
      cause,
    });
    expect(error.message).toBe('Rate limiter unavailable');
    expect(error.details).toEqual({ service: 'redis' });
    expect(error.cause).toBe(cause);
  });

  it('renders HTTP without details when there are none', () => {
    expect(new LmoError('LMO_UNAUTHENTICATED').toHttp()).toEqual({
      status: 401,
      body: { error: { code: 'LMO_UNAUTHENTICATED', message: 'Authentication required' } },
    });
  });

  it('renders HTTP with details', () => {
    const error = new LmoError('LMO_RATE_LIMITED', undefined, { details: { retryAfterSeconds: 12 } });
    expect(error.toHttp()).toEqual({
      status: 429,
      body: {
        error: { code: 'LMO_RATE_LIMITED', message: 'Too many requests', details: { retryAfterSeconds: 12 } },
      },
    });
  });

  it('renders JSON-RPC with the mapped code and the LMO code in data', () => {
    expect(new LmoError('LMO_QUOTA_EXCEEDED').toJsonRpc()).toEqual({
      code: -32057,
      message: 'The monthly token quota is used up',
      data: { lmoCode: 'LMO_QUOTA_EXCEEDED', retryable: false },
    });
  });

  it('renders a tool error code as -32603 outside a tool call, keeping the precise code', () => {
    const error = new LmoError('LMO_PROVIDER_TIMEOUT', undefined, { details: { timeoutMs: 30000 } });
    expect(error.toJsonRpc()).toEqual({
      code: -32603,
      message: 'The model provider timed out',
      data: { lmoCode: 'LMO_PROVIDER_TIMEOUT', retryable: true, details: { timeoutMs: 30000 } },
    });
  });

  it('renders a tool result the model can read', () => {
    expect(new LmoError('LMO_PROVIDER_TIMEOUT').toToolResult()).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: 'LMO_PROVIDER_TIMEOUT: The model provider timed out (retryable: try again later)',
        },
      ],
    });
    expect(
      new LmoError('LMO_TOOL_INPUT_INVALID', 'query must be a string').toToolResult().content[0].text,
    ).toBe('LMO_TOOL_INPUT_INVALID: query must be a string');
  });
});

describe('toLmoError', () => {
  it('returns an LmoError unchanged', () => {
    const error = new LmoError('LMO_CONFLICT');
    expect(toLmoError(error)).toBe(error);
  });

  it.each([
    ['an Error', new Error('password=hunter2 at db.internal:5432')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'hunter2')")],
    ['a string', 'hunter2'],
    ['an object', { secret: 'hunter2' }],
    ['undefined', undefined],
  ])('wraps %s as LMO_INTERNAL without leaking it', (_what, thrown) => {
    const error = toLmoError(thrown);
    expect(error.code).toBe('LMO_INTERNAL');
    expect(error.message).toBe('Internal error');
    expect(error.details).toBeUndefined();
    const exposed = JSON.stringify([
      error.toHttp(),
      error.toJsonRpc(),
      error.toToolResult(),
      error.message,
      error.stack,
    ]);
    expect(exposed).not.toContain('hunter2');
  });

  it('keeps the original as cause, for the logs', () => {
    const original = new Error('boom');
    expect(toLmoError(original).cause).toBe(original);
  });
});
