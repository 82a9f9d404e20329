import type { TLocalizedValidationError, TValidationError } from 'typebox/error';
import { LmoError } from './lmo-error.ts';

/** One problem with an input: a JSON pointer (`/model/temperature`, `''` for the root) and a readable message. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** The outcome of every validator in this package: the typed value, or the list of issues. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

type ErrorOf<K extends TValidationError['keyword']> = Extract<TValidationError, { keyword: K }>;
type Formatters = { readonly [K in TValidationError['keyword']]?: (params: ErrorOf<K>['params']) => string };

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const FORMATTERS: Formatters = {
  const: (p) => `must be ${JSON.stringify(p.allowedValue)}`,
  enum: (p) => `must be one of: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
  exclusiveMaximum: (p) => `must be < ${String(p.limit)}`,
  exclusiveMinimum: (p) => `must be > ${String(p.limit)}`,
  format: (p) => `must be a valid ${p.format}`,
  maximum: (p) => `must be <= ${String(p.limit)}`,
  maxItems: (p) => `must have at most ${plural(p.limit, 'item')}`,
  maxLength: (p) => `must be at most ${plural(p.limit, 'character')}`,
  minimum: (p) => `must be >= ${String(p.limit)}`,
  minItems: (p) => `must have at least ${plural(p.limit, 'item')}`,
  minLength: (p) => `must be at least ${plural(p.limit, 'character')}`,
  pattern: (p) => `must match the pattern ${String(p.pattern)}`,
  type: (p) => `must be ${(Array.isArray(p.type) ? p.type : [p.type]).map(article).join(' or ')}`,
};

const child = (path: string, key: string): string =>
  `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** Issues of one TypeBox error; `required` and `additionalProperties` name each property on its own path. */
function issuesOf(error: TLocalizedValidationError): ValidationIssue[] {
  const path = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return error.params.requiredProperties.map((key) => ({
        path: child(path, key),
        message: 'is required',
      }));
    case 'additionalProperties':
      return error.params.additionalProperties.map((key) => ({
        path: child(path, key),
        message: 'is not a known field',
      }));
    case 'boolean':
      // TypeBox also reports each unknown property as "schema is false"; `additionalProperties` covers it.
      return error.schemaPath.endsWith('/additionalProperties') ? [] : [{ path, message: error.message }];
    default: {
      const format = FORMATTERS[error.keyword] as ((params: object) => string) | undefined;
      return [{ path, message: format === undefined ? error.message : format(error.params) }];
    }
  }
}

/** Turns TypeBox's `Value.Errors` output into readable, de-duplicated issues. */
export function issuesFromSchemaErrors(errors: readonly TLocalizedValidationError[]): ValidationIssue[] {
  const seen = new Set<string>();
  return errors.flatMap(issuesOf).filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** `/model/temperature: must be <= 2; /owner: is required` — for logs and error messages. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`).join('; ');
}

/**
 * An `LMO_VALIDATION_FAILED` error for `subject` ("Tenant spec") whose message lists the issues and
 * whose `details.issues` carries them for the caller.
 */
export function validationError(subject: string, issues: readonly ValidationIssue[]): LmoError {
  return new LmoError('LMO_VALIDATION_FAILED', `${subject} is invalid: ${formatIssues(issues)}`, {
    details: { issues },
  });
}

/**
 * Normalises `input` the way it travels: through JSON. `undefined` members vanish and dates become
 * strings, exactly as the apiserver or a Kafka consumer would see them. Returns an issue for input
 * that JSON cannot carry (cycles, BigInt).
 */
export function toJsonValue(input: unknown): ValidationResult<unknown> {
  try {
    const text = JSON.stringify(input) as string | undefined;
    return { ok: true, value: text === undefined ? undefined : (JSON.parse(text) as unknown) };
  } catch {
    return { ok: false, issues: [{ path: '', message: 'must be representable as JSON' }] };
  }
}
