import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const common: Options = {
  allErrors: true,
  // Unknown fields are rejected, never silently dropped: every object schema is closed.
  removeAdditional: false,
  useDefaults: false,
  strict: false,
  // OpenAPI keywords and TypeBox's own keys in schemas are documentation, not validation.
  keywords: ['example', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-validations'],
};

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Fastify's validator compiler with two ajv instances: bodies are validated strictly (`"1"` is not
 * a number; a wrong type is an error), while path parameters, query strings and headers, which
 * are always text, are coerced to the schema's types.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
