import { describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import { issueOfAjvError, toHttpError } from '../src/http/error-mapping.ts';

describe('toHttpError', () => {
  it('keeps an LmoError as it is', () => {
    const error = new LmoError('LMO_CONFLICT', 'taken');
    expect(toHttpError(error)).toBe(error);
  });

  it('turns schema failures into LMO_VALIDATION_FAILED with issues and location', () => {
    const error = Object.assign(new Error('body/email must be string'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        { keyword: 'required', instancePath: '', params: { missingProperty: 'password' } },
        { keyword: 'additionalProperties', instancePath: '/tenant', params: { additionalProperty: 'x/y' } },
        { keyword: 'type', instancePath: '/email', params: { type: 'string' }, message: 'must be string' },
        { keyword: 'type', instancePath: '/age', params: { type: 'integer' }, message: 'must be integer' },
        { keyword: 'maximum', instancePath: '/n', params: { limit: 2 }, message: 'must be <= 2' },
      ],
    });
    const lmo = toHttpError(error);

    expect(lmo.toHttp()).toEqual({
      status: 422,
      body: {
        error: {
          code: 'LMO_VALIDATION_FAILED',
          message:
            'The request body is invalid: /password: is required; /tenant/x~1y: is not a known field; /email: must be a string; /age: must be an integer; /n: must be <= 2',
          details: {
            location: 'body',
            issues: [
              { path: '/password', message: 'is required' },
              { path: '/tenant/x~1y', message: 'is not a known field' },
              { path: '/email', message: 'must be a string' },
              { path: '/age', message: 'must be an integer' },
              { path: '/n', message: 'must be <= 2' },
            ],
          },
        },
      },
    });
  });

  it.each([
    [413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'LMO_PAYLOAD_TOO_LARGE'],
    [415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'LMO_UNSUPPORTED_MEDIA_TYPE'],
    [400, 'FST_ERR_CTP_EMPTY_JSON_BODY', 'LMO_BAD_REQUEST'],
    [404, 'FST_ERR_NOT_FOUND', 'LMO_NOT_FOUND'],
    [429, undefined, 'LMO_RATE_LIMITED'],
  ])('maps a framework %i (%s) to %s', (status, code, expected) => {
    const error = Object.assign(new Error('framework says no'), { statusCode: status, code });
    expect(toHttpError(error).code).toBe(expected);
  });

  it('keeps the framework message for body parsing errors, which carry no internals', () => {
    const error = Object.assign(
      new Error("Body cannot be empty when content-type is set to 'application/json'"),
      {
        statusCode: 400,
        code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
      },
    );
    expect(toHttpError(error).message).toBe(
      "Body cannot be empty when content-type is set to 'application/json'",
    );
  });

  it('hides anything else behind LMO_INTERNAL, keeping it only as the cause', () => {
    const secret = new Error('connect ECONNREFUSED postgres://lmo:hunter2@db');
    const lmo = toHttpError(secret);

    expect(lmo.code).toBe('LMO_INTERNAL');
    expect(JSON.stringify(lmo.toHttp())).not.toContain('hunter2');
    expect(lmo.cause).toBe(secret);
    expect(toHttpError(Object.assign(new Error('x'), { statusCode: 502 })).code).toBe('LMO_INTERNAL');
  });

  it('falls back to the ajv message for other keywords', () => {
    expect(
      issueOfAjvError({
        keyword: 'pattern',
        instancePath: '/a',
        params: {},
        message: 'must match pattern "^x$"',
      }),
    ).toEqual({
      path: '/a',
      message: 'must match pattern "^x$"',
    });
    expect(issueOfAjvError({ keyword: 'custom', instancePath: '/b', params: {} })).toEqual({
      path: '/b',
      message: 'is invalid',
    });
  });
});
