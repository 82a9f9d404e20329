import { LmoError, isLmoError, type ErrorCode, type ValidationIssue } from '@lmo/contracts';

/** The parts of an ajv error that issues are made of. */
export interface AjvErrorLike {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string | undefined;
  readonly params: Readonly<Record<string, unknown>>;
}

/** What Fastify attaches to a schema-validation failure. */
interface FastifyValidationError {
  readonly validation: readonly AjvErrorLike[];
  readonly validationContext?: string;
}

const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'LMO_BAD_REQUEST',
  401: 'LMO_UNAUTHENTICATED',
  403: 'LMO_FORBIDDEN',
  404: 'LMO_NOT_FOUND',
  405: 'LMO_METHOD_NOT_ALLOWED',
  406: 'LMO_NOT_ACCEPTABLE',
  409: 'LMO_CONFLICT',
  413: 'LMO_PAYLOAD_TOO_LARGE',
  415: 'LMO_UNSUPPORTED_MEDIA_TYPE',
  422: 'LMO_VALIDATION_FAILED',
  429: 'LMO_RATE_LIMITED',
  503: 'LMO_DEPENDENCY_UNAVAILABLE',
  504: 'LMO_DEADLINE_EXCEEDED',
};

const escape = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** One readable issue per ajv error, in the contracts' `{ path, message }` form. */
export function issueOfAjvError(error: AjvErrorLike): ValidationIssue {
  const path = error.instancePath;
  const { params } = error;
  if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    return { path: `${path}/${escape(params['missingProperty'])}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    return { path: `${path}/${escape(params['additionalProperty'])}`, message: 'is not a known field' };
  }
  if (error.keyword === 'type' && typeof params['type'] === 'string') {
    const type = params['type'];
    return { path, message: `must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}` };
  }
  return { path, message: error.message ?? 'is invalid' };
}

function isValidationError(error: unknown): error is FastifyValidationError {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { validation?: unknown }).validation)
  );
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Fastify's own client-error messages are written for callers and carry no internals. */
function isFastifyClientError(error: unknown): error is { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('FST_ERR_CTP_');
}

/**
 * Turns anything thrown while serving a request into an {@link LmoError}: an `LmoError` stays as
 * it is; a schema-validation failure becomes `LMO_VALIDATION_FAILED` with `details.issues` (and
 * `details.location`: body, querystring, params or headers); a Fastify client error (bad JSON,
 * body too large, unsupported media type, rate limit) keeps its status under the matching code;
 * everything else is `LMO_INTERNAL`, its message and stack kept only as `cause`. Pure.
 */
export function toHttpError(error: unknown): LmoError {
  if (isLmoError(error)) return error;
  if (isValidationError(error)) {
    const seen = new Set<string>();
    const issues = error.validation.map(issueOfAjvError).filter((issue) => {
      const key = `${issue.path}\u0000${issue.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    const location = error.validationContext ?? 'body';
    const list = issues.map((i) => `${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('; ');
    return new LmoError('LMO_VALIDATION_FAILED', `The request ${location} is invalid: ${list}`, {
      details: { location, issues },
      cause: error,
    });
  }
  const status = statusOf(error);
  const code = status !== undefined && status < 500 ? STATUS_CODES[status] : undefined;
  if (code === undefined) return new LmoError('LMO_INTERNAL', undefined, { cause: error });
  const message = isFastifyClientError(error) ? error.message : undefined;
  return new LmoError(code, message, { cause: error });
}
