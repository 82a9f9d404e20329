/**
 * Converts a TypeBox (JSON Schema 2020-12) schema into a Kubernetes structural OpenAPI v3 schema.
 *
 * What changes on the way:
 * - TypeBox-only and meta keys go: `~kind`, `~optional` and other `~` keys, `$id`, `$schema`.
 * - `const: x` becomes `enum: [x]` (OpenAPI v3.0 has no `const`).
 * - numeric `exclusiveMinimum: n` becomes `minimum: n` + `exclusiveMinimum: true` (the v3.0 form).
 * - `additionalProperties: false` next to `properties` goes: Kubernetes forbids the pair and prunes
 *   unknown fields instead.
 * - a property with a `default` leaves `required`: the apiserver defaults it before validating, and
 *   `kubectl explain` should not call it required.
 * - an `enum` node without `type` gets the type of its values.
 * - keys are sorted, as controller-gen does, so the YAML does not churn with library internals.
 *
 * Anything else a structural schema cannot hold (`$ref`, `anyOf`, `oneOf`, `allOf`, `not`,
 * `uniqueItems`, `patternProperties`, ...) is refused rather than emitted.
 */

/** A node of a CRD's `openAPIV3Schema` (apiextensions.k8s.io/v1 `JSONSchemaProps`), as far as LMO uses it. */
export interface JsonSchemaProps {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaProps>>;
  readonly items?: JsonSchemaProps;
  readonly additionalProperties?: JsonSchemaProps;
  readonly required?: readonly string[];
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly [extension: `x-kubernetes-${string}`]: unknown;
}

type JsonObject = Readonly<Record<string, unknown>>;
type Converter = (value: unknown, node: JsonObject, path: string) => JsonObject;

const PASS_THROUGH = new Set([
  'type',
  'description',
  'default',
  'enum',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'nullable',
  'title',
]);

const DROPPED = new Set(['$id', '$schema', '$comment']);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unsupported = (what: string, path: string): never => {
  throw new TypeError(`Cannot express ${what} at ${path || '(root)'} in a Kubernetes structural schema`);
};

const exclusive =
  (bound: 'minimum' | 'maximum', flag: 'exclusiveMinimum' | 'exclusiveMaximum'): Converter =>
  (value) =>
    typeof value === 'number' ? { [bound]: value, [flag]: true } : { [flag]: value };

const CONVERTERS: Readonly<Record<string, Converter>> = {
  const: (value) => ({ enum: [value] }),
  exclusiveMinimum: exclusive('minimum', 'exclusiveMinimum'),
  exclusiveMaximum: exclusive('maximum', 'exclusiveMaximum'),
  properties: (value, _node, path) => {
    if (!isObject(value)) return unsupported('non-object properties', path);
    const entries = Object.keys(value)
      .sort()
      .map((key) => [key, convert(value[key], `${path}.${key}`)]);
    return { properties: Object.fromEntries(entries) as JsonObject };
  },
  items: (value, _node, path) => ({ items: convert(value, `${path}[]`) }),
  additionalProperties: (value, node, path) => {
    if (value === false && node.properties !== undefined) return {};
    if (isObject(value)) return { additionalProperties: convert(value, `${path}.*`) };
    return unsupported(`additionalProperties: ${JSON.stringify(value)}`, path);
  },
  required: (value, node) => {
    const properties = isObject(node.properties) ? node.properties : {};
    const kept = (value as readonly string[]).filter((key) => {
      const property = properties[key];
      return !(isObject(property) && 'default' in property);
    });
    return kept.length === 0 ? {} : { required: kept };
  },
};

function convertKey(key: string, node: JsonObject, path: string): JsonObject {
  const value = node[key];
  if (key.startsWith('~') || DROPPED.has(key)) return {};
  if (key.startsWith('x-kubernetes-')) return { [key]: value };
  const converter = CONVERTERS[key];
  if (converter !== undefined) return converter(value, node, path);
  if (PASS_THROUGH.has(key)) return { [key]: value };
  return unsupported(`the keyword "${key}"`, path);
}

function inferType(node: JsonObject): JsonObject {
  if (node.type !== undefined || node['x-kubernetes-int-or-string'] === true) return {};
  const values = Array.isArray(node.enum) ? (node.enum as unknown[]) : [];
  const types = new Set(values.map((value) => typeof value));
  const [only] = types;
  return types.size === 1 && (only === 'string' || only === 'boolean') ? { type: only } : {};
}

function convert(schema: unknown, path: string): JsonSchemaProps {
  if (!isObject(schema)) return unsupported('a boolean or non-object schema', path);
  const parts = Object.keys(schema).map((key) => convertKey(key, schema, path));
  const merged: JsonObject = Object.assign({}, ...parts) as JsonObject;
  const node = { ...merged, ...inferType(merged) };
  if (node.type === undefined && node['x-kubernetes-int-or-string'] !== true)
    unsupported('a node without type', path);
  const sorted = Object.keys(node)
    .sort()
    .map((key) => [key, node[key]]);
  return Object.fromEntries(sorted) as JsonSchemaProps;
}

/**
 * Converts `schema` (a TypeBox schema or plain JSON Schema) into a structural schema for a CRD.
 * `path` names the root in error messages, for example `spec`. Pure.
 *
 * @throws {TypeError} when the schema uses a construct a structural schema cannot hold (`$ref`,
 *   `anyOf`, `uniqueItems`, a node without `type`, ...). That is a programming error in the schema,
 *   caught by this package's unit tests, never by users.
 */
export function toStructuralSchema(schema: unknown, path = ''): JsonSchemaProps {
  // A JSON round trip leaves only what JSON Schema can say: TypeBox's symbols and `~` keys are not enumerable.
  return convert(JSON.parse(JSON.stringify(schema)) as unknown, path);
}
