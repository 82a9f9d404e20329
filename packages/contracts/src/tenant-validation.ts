import { Value } from 'typebox/value';
import { TENANT_SPEC_RULES } from './tenant-spec-rules.ts';
import { TenantSpecSchema, type TenantSpec } from './tenant-spec.ts';
import {
  issuesFromSchemaErrors,
  toJsonValue,
  type ValidationIssue,
  type ValidationResult,
} from './validation-issues.ts';

type JsonObject = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Duplicate keys in lists marked `x-kubernetes-list-type: map`, found by walking the schema. The
 * apiserver rejects those duplicates itself; deriving the check from the same schema keeps the API
 * in step with it.
 */
function listKeyIssues(schema: unknown, value: unknown, path: string): ValidationIssue[] {
  if (!isRecord(schema)) return [];
  if (Array.isArray(value))
    return [...duplicateKeyIssues(schema, value, path), ...itemIssues(schema, value, path)];
  const properties = schema.properties;
  if (!isRecord(value) || !isRecord(properties)) return [];
  return Object.keys(properties).flatMap((key) =>
    listKeyIssues(properties[key], value[key], `${path}/${key}`),
  );
}

function itemIssues(schema: JsonObject, items: readonly unknown[], path: string): ValidationIssue[] {
  return items.flatMap((item, index) => listKeyIssues(schema.items, item, `${path}/${index}`));
}

function duplicateKeyIssues(schema: JsonObject, items: readonly unknown[], path: string): ValidationIssue[] {
  const keys = schema['x-kubernetes-list-map-keys'];
  if (schema['x-kubernetes-list-type'] !== 'map' || !Array.isArray(keys) || keys.length === 0) return [];
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index) => {
    const id = JSON.stringify(keys.map((key: string) => (isRecord(item) ? item[key] : undefined)));
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return [];
    }
    const at = keys.length === 1 ? `${path}/${index}/${String(keys[0])}` : `${path}/${index}`;
    return [{ path: at, message: `must be unique: ${id.slice(1, -1)} is already used by ${path}/${first}` }];
  });
}

function ruleIssues(spec: TenantSpec): ValidationIssue[] {
  return TENANT_SPEC_RULES.filter((rule) => !rule.holds(spec)).map(({ path, message }) => ({
    path,
    message,
  }));
}

/**
 * Returns a copy of `input` with every schema default filled in (plan, model settings, replicas,
 * ...). It does not validate: the result may still be invalid, so its type is `unknown`; use
 * {@link validateTenantSpec} for a typed spec. Never mutates `input`; never throws.
 */
export function applyTenantDefaults(input: unknown): unknown {
  return Value.Default(TenantSpecSchema, Value.Clone(input));
}

/**
 * Validates a Tenant spec as the apiserver would: defaults first, then the schema (types, enums,
 * ranges, patterns, required and unknown fields), then unique list keys and the cross-field rules
 * of {@link TENANT_SPEC_RULES}. The input travels through JSON first, so it is never mutated and
 * `undefined` members vanish as they would on the wire.
 *
 * @returns `{ ok: true, value }` with the defaulted spec, or `{ ok: false, issues }` where each issue
 *   reads like `/model/temperature: must be <= 2`. Never throws; wrap failures with
 *   `validationError('Tenant spec', issues)` to get an `LMO_VALIDATION_FAILED` error.
 */
export function validateTenantSpec(input: unknown): ValidationResult<TenantSpec> {
  const json = toJsonValue(input);
  if (!json.ok) return json;
  const value = Value.Default(TenantSpecSchema, json.value);
  if (!Value.Check(TenantSpecSchema, value)) {
    return { ok: false, issues: issuesFromSchemaErrors(Value.Errors(TenantSpecSchema, value)) };
  }
  const issues = [...listKeyIssues(TenantSpecSchema, value, ''), ...ruleIssues(value)];
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}
