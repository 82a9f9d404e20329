import { ERROR_CODES } from '@lmo/contracts';
import Type, { type TString } from 'typebox';

/** The one error body of every LMO HTTP endpoint: `{ error: { code, message, details? } }`. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.Enum([...ERROR_CODES], { type: 'string', description: 'Stable catalogue code.' }),
        message: Type.String({ description: 'Safe to show; never parse it, branch on `code`.' }),
        details: Type.Optional(
          Type.Object({}, { additionalProperties: true, description: 'Structured detail, by code.' }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'ErrorBody', additionalProperties: false, description: 'An LMO error.' },
);

/** A reference to {@link ErrorBodySchema} for response schemas. */
export const ErrorRef = Type.Unsafe<{ error: { code: string; message: string } }>({ $ref: 'ErrorBody#' });

/** The error responses every route documents. */
export const errorResponses = { '4xx': ErrorRef, '5xx': ErrorRef } as const;

/** A closed object: unknown fields are rejected with `LMO_VALIDATION_FAILED`. */
export const Closed = { additionalProperties: false } as const;

/** An ISO 8601 timestamp in a response. */
export const Timestamp = (description: string): TString => Type.String({ format: 'date-time', description });

/** `{ tenant }` path parameters: a tenant name. */
export const TenantParams = Type.Object(
  { tenant: Type.String({ minLength: 1, maxLength: 63, description: 'The tenant name.' }) },
  Closed,
);

/** The header carrying the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';
