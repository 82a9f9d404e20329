import { describe, expect, it } from '@jest/globals';
import {
  buildTenantCrd,
  TENANT_SPEC_RULES,
  toKubernetesValidations,
  toStructuralSchema,
  validateTenantSpec,
  type JsonSchemaProps,
} from '@lmo/contracts';
import Type from 'typebox';

const crd = buildTenantCrd();
const version = crd.spec.versions[0]!;
const root = version.schema.openAPIV3Schema;
const spec = root.properties!['spec']!;
const status = root.properties!['status']!;

/** Every schema node with its path, depth first. */
function nodes(schema: JsonSchemaProps, path = ''): [string, JsonSchemaProps][] {
  const children = [
    ...Object.entries(schema.properties ?? {}).map(([key, child]) => nodes(child, `${path}.${key}`)),
    ...(schema.items === undefined ? [] : [nodes(schema.items, `${path}[]`)]),
  ];
  return [[path, schema], ...children.flat()];
}

/** The node at a dotted path like `.spec.model.provider`. */
function at(path: string): JsonSchemaProps {
  return path
    .split('.')
    .slice(1)
    .reduce<JsonSchemaProps>((node, key) => (key === '[]' ? node.items! : node.properties![key]!), root);
}

// https://github.com/kubernetes/kubernetes: apiextensions-apiserver/pkg/apiserver/validation/formats.go
const KUBERNETES_FORMATS = new Set([
  'uri',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'cidr',
  'uuid',
  'date',
  'date-time',
  'duration',
  'byte',
]);

describe('Tenant CRD: identity', () => {
  it('is a cluster-scoped lmo.dev/v1alpha1 Tenant with the agreed names', () => {
    expect(crd.metadata.name).toBe('tenants.lmo.dev');
    expect(crd.spec.group).toBe('lmo.dev');
    expect(crd.spec.scope).toBe('Cluster');
    expect(crd.spec.names).toEqual({
      kind: 'Tenant',
      listKind: 'TenantList',
      plural: 'tenants',
      singular: 'tenant',
      shortNames: ['tn'],
      categories: ['lmo'],
    });
    expect(crd.spec.versions.map((v) => [v.name, v.served, v.storage])).toEqual([['v1alpha1', true, true]]);
  });

  it('has the status subresource', () => {
    expect(version.subresources).toEqual({ status: {} });
  });

  it.each([
    ['Phase', '.status.phase', 'string'],
    ['Plan', '.spec.plan', 'string'],
    ['Ready', '.status.conditions[?(@.type=="Ready")].status', 'string'],
    ['Endpoint', '.status.endpoint', 'string'],
    ['Age', '.metadata.creationTimestamp', 'date'],
  ])('prints the %s column from %s', (name, jsonPath, type) => {
    expect(version.additionalPrinterColumns).toContainEqual(
      expect.objectContaining({ name, jsonPath, type }),
    );
  });

  it('ends the printer columns with Age, as kubectl users expect', () => {
    expect(version.additionalPrinterColumns.at(-1)?.name).toBe('Age');
  });
});

describe('Tenant CRD: structural schema', () => {
  const all = nodes(root);

  it('gives every node a type', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(([, node]) => typeof node.type !== 'string').map(([path]) => path)).toEqual([]);
  });

  it('uses no construct a structural schema forbids or TypeBox adds', () => {
    const forbidden = [
      '$ref',
      '$id',
      '$schema',
      'anyOf',
      'oneOf',
      'allOf',
      'not',
      'const',
      'uniqueItems',
      'patternProperties',
    ];
    for (const [path, node] of all) {
      const keys = Object.keys(node);
      expect({ path, keys: keys.filter((key) => forbidden.includes(key) || key.startsWith('~')) }).toEqual({
        path,
        keys: [],
      });
      expect({ path, both: node.properties !== undefined && 'additionalProperties' in node }).toEqual({
        path,
        both: false,
      });
    }
  });

  it('keeps only boolean exclusive bounds and known formats', () => {
    for (const [, node] of all) {
      if (node.exclusiveMinimum !== undefined) expect(typeof node.exclusiveMinimum).toBe('boolean');
      if (node.format !== undefined) expect(KUBERNETES_FORMATS).toContain(node.format);
    }
  });

  it('requires only properties that exist and have no default', () => {
    for (const [path, node] of all) {
      for (const key of node.required ?? []) {
        expect({ path, key, exists: node.properties?.[key] !== undefined }).toEqual({
          path,
          key,
          exists: true,
        });
        expect({ path, key, defaulted: 'default' in (node.properties?.[key] ?? {}) }).toEqual({
          path,
          key,
          defaulted: false,
        });
      }
    }
  });

  it('keys map lists by required scalar fields', () => {
    const maps = all.filter(([, node]) => node['x-kubernetes-list-type'] === 'map');
    expect(maps.map(([path]) => path)).toEqual([
      '.spec.promptTemplates',
      '.spec.promptTemplates[].arguments',
      '.status.conditions',
    ]);
    for (const [, node] of maps) {
      for (const key of node['x-kubernetes-list-map-keys'] as string[]) {
        expect(node.items?.required).toContain(key);
        expect(node.items?.properties?.[key]?.type).toBe('string');
      }
    }
  });

  it('describes every spec and status field, for kubectl explain', () => {
    const undocumented = [...nodes(spec, '.spec'), ...nodes(status, '.status')]
      .filter(
        ([path, node]) =>
          !path.endsWith('[]') && !/\.(requests|limits)$/.test(path) && node.description === undefined,
      )
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('keeps every pattern in the subset both ECMAScript and RE2 understand', () => {
    const patterns = all.flatMap(([, node]) => (node.pattern === undefined ? [] : [node.pattern]));
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) {
      expect(() => new RegExp(pattern, 'u')).not.toThrow();
      expect(pattern).not.toMatch(/\(\?[=!<]|\\[1-9]|\\u/);
    }
  });

  it('requires spec, and in spec only displayName and owner', () => {
    expect(root.required).toEqual(['spec']);
    expect(spec.required).toEqual(['displayName', 'owner']);
  });

  it.each([
    ['.spec.plan', 'free'],
    ['.spec.model', {}],
    ['.spec.model.provider', 'echo'],
    ['.spec.model.model', 'echo-1'],
    ['.spec.model.temperature', 0.7],
    ['.spec.model.maxTokens', 1024],
    ['.spec.limits', {}],
    ['.spec.runtime', {}],
    ['.spec.runtime.replicas', 1],
    ['.spec.providerSecretRef.key', 'apiKey'],
    ['.spec.promptTemplates', []],
    ['.spec.promptTemplates.[].arguments', []],
    ['.spec.promptTemplates.[].arguments.[].required', false],
    ['.spec.suspended', false],
  ])('defaults %s to %p', (path, value) => {
    expect(at(path).default).toEqual(value);
  });

  it('defaults exactly what the TypeScript validator defaults', () => {
    const result = validateTenantSpec({ displayName: 'Acme', owner: 'ops@acme.io' });
    expect(result.ok && result.value).toMatchObject({
      plan: at('.spec.plan').default,
      model: {
        provider: at('.spec.model.provider').default,
        model: at('.spec.model.model').default,
        temperature: at('.spec.model.temperature').default,
        maxTokens: at('.spec.model.maxTokens').default,
      },
      runtime: { replicas: at('.spec.runtime.replicas').default },
      suspended: at('.spec.suspended').default,
    });
  });
});

describe('Tenant CRD: CEL rules', () => {
  it('carries every cross-field rule of the TypeScript validator on spec', () => {
    expect(spec['x-kubernetes-validations']).toEqual(toKubernetesValidations(TENANT_SPEC_RULES));
  });

  it.each(toKubernetesValidations(TENANT_SPEC_RULES))('points $fieldPath at a field of spec', (rule) => {
    expect(() => at(`.spec${rule.fieldPath}`)).not.toThrow();
    expect(rule.message).not.toMatch(/\n/);
  });

  it('limits metadata.name to a 40-character DNS label', () => {
    expect(root['x-kubernetes-validations']).toEqual([
      expect.objectContaining({ rule: expect.stringContaining('self.metadata.name.size() <= 40') }),
    ]);
  });
});

describe('toStructuralSchema', () => {
  it('turns const into a single enum and infers the type of a bare enum', () => {
    expect(toStructuralSchema(Type.Literal('x'))).toEqual({ enum: ['x'], type: 'string' });
    expect(toStructuralSchema(Type.Enum(['a', 'b']))).toEqual({ enum: ['a', 'b'], type: 'string' });
  });

  it('rewrites numeric exclusive bounds into the OpenAPI v3.0 form', () => {
    expect(toStructuralSchema(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }))).toEqual({
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      maximum: 1,
      minimum: 0,
      type: 'number',
    });
  });

  it('drops additionalProperties: false, TypeBox markers and defaulted keys from required', () => {
    const schema = Type.Object(
      { a: Type.String(), b: Type.String({ default: 'x' }), c: Type.Optional(Type.String()) },
      { additionalProperties: false, $id: 'Thing' },
    );
    expect(toStructuralSchema(schema)).toEqual({
      properties: { a: { type: 'string' }, b: { default: 'x', type: 'string' }, c: { type: 'string' } },
      required: ['a'],
      type: 'object',
    });
  });

  it('keeps maps (additionalProperties with a schema) and sorts keys', () => {
    const converted = toStructuralSchema({
      type: 'object',
      description: 'd',
      additionalProperties: { type: 'integer' },
    });
    expect(converted).toEqual({
      additionalProperties: { type: 'integer' },
      description: 'd',
      type: 'object',
    });
    expect(Object.keys(converted)).toEqual(['additionalProperties', 'description', 'type']);
  });

  it.each([
    ['anyOf', Type.Union([Type.String(), Type.Number()])],
    ['$ref', { type: 'object', properties: { a: { $ref: '#/$defs/A' } } }],
    ['uniqueItems', Type.Array(Type.String(), { uniqueItems: true })],
    ['a node without type', { description: 'anything' }],
    ['additionalProperties: true', { type: 'object', additionalProperties: true }],
  ])('refuses %s', (_what, schema) => {
    expect(() => toStructuralSchema(schema, 'spec')).toThrow(TypeError);
  });

  it('names the offending path', () => {
    const schema = Type.Object({ model: Type.Object({ x: Type.Union([Type.String(), Type.Null()]) }) });
    expect(() => toStructuralSchema(schema, 'spec')).toThrow('at spec.model.x');
  });
});
