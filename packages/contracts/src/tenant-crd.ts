import { toStructuralSchema, type JsonSchemaProps } from './crd-structural-schema.ts';
import { DNS1123_LABEL_PATTERN } from './schema-patterns.ts';
import {
  TENANT_CRD_NAME,
  TENANT_GROUP,
  TENANT_KIND,
  TENANT_LIST_KIND,
  TENANT_NAME_MAX_LENGTH,
  TENANT_PLURAL,
  TENANT_SHORT_NAMES,
  TENANT_SINGULAR,
  TENANT_VERSION,
} from './tenant-names.ts';
import { TenantSpecSchema } from './tenant-spec.ts';
import { TenantStatusSchema } from './tenant-status.ts';

/** A column of `kubectl get` output. */
export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly jsonPath: string;
  readonly description?: string;
  readonly priority?: number;
}

/** An apiextensions.k8s.io/v1 CustomResourceDefinition, as far as LMO writes one. */
export interface CustomResourceDefinition {
  readonly apiVersion: 'apiextensions.k8s.io/v1';
  readonly kind: 'CustomResourceDefinition';
  readonly metadata: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
  readonly spec: {
    readonly group: string;
    readonly scope: 'Cluster' | 'Namespaced';
    readonly names: {
      readonly kind: string;
      readonly listKind: string;
      readonly plural: string;
      readonly singular: string;
      readonly shortNames: readonly string[];
      readonly categories: readonly string[];
    };
    readonly versions: readonly {
      readonly name: string;
      readonly served: boolean;
      readonly storage: boolean;
      readonly schema: { readonly openAPIV3Schema: JsonSchemaProps };
      readonly subresources: { readonly status: Readonly<Record<string, never>> };
      readonly additionalPrinterColumns: readonly PrinterColumn[];
    }[];
  };
}

/** The `kubectl get tenants` columns; Owner shows only with `-o wide`. */
export const TENANT_PRINTER_COLUMNS: readonly PrinterColumn[] = [
  { name: 'Phase', type: 'string', jsonPath: '.status.phase', description: 'Summary of the conditions.' },
  { name: 'Plan', type: 'string', jsonPath: '.spec.plan', description: 'Billing plan.' },
  {
    name: 'Ready',
    type: 'string',
    jsonPath: '.status.conditions[?(@.type=="Ready")].status',
    description: 'Status of the Ready condition.',
  },
  { name: 'Endpoint', type: 'string', jsonPath: '.status.endpoint', description: 'MCP endpoint URL.' },
  { name: 'Owner', type: 'string', jsonPath: '.spec.owner', description: 'Owning user.', priority: 1 },
  { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
];

/** The CEL rule on the root that keeps `metadata.name` short enough for `lmo-t-<name>` and child names. */
const NAME_RULE = {
  rule: `self.metadata.name.size() <= ${TENANT_NAME_MAX_LENGTH} && self.metadata.name.matches('${DNS1123_LABEL_PATTERN}')`,
  message: `metadata.name must be a DNS-1123 label of at most ${TENANT_NAME_MAX_LENGTH} characters`,
  reason: 'FieldValueInvalid',
} as const;

function tenantOpenApiSchema(): JsonSchemaProps {
  return {
    description:
      'Tenant is one customer of LMO. The operator turns each Tenant into a namespace with quotas, secrets, network policy, the MCP runtime and a route to its endpoint.',
    properties: {
      apiVersion: {
        description: 'APIVersion defines the versioned schema of this representation of an object.',
        type: 'string',
      },
      kind: {
        description: 'Kind is a string value representing the REST resource this object represents.',
        type: 'string',
      },
      metadata: { type: 'object' },
      spec: toStructuralSchema(TenantSpecSchema, 'spec'),
      status: toStructuralSchema(TenantStatusSchema, 'status'),
    },
    required: ['spec'],
    type: 'object',
    'x-kubernetes-validations': [NAME_RULE],
  };
}

/**
 * Builds the `tenants.lmo.dev` CustomResourceDefinition from the TypeBox schemas: cluster-scoped,
 * one served and stored version, a structural schema with defaults and CEL rules, the status
 * subresource and printer columns. Pure: `crds/generate.ts` writes it as YAML.
 *
 * @throws {TypeError} when the schemas use a construct a structural schema cannot hold (a
 *   programming error that the unit tests catch).
 */
export function buildTenantCrd(): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: TENANT_CRD_NAME,
      labels: { 'app.kubernetes.io/name': 'lmo', 'app.kubernetes.io/part-of': 'lmo' },
    },
    spec: {
      group: TENANT_GROUP,
      scope: 'Cluster',
      names: {
        kind: TENANT_KIND,
        listKind: TENANT_LIST_KIND,
        plural: TENANT_PLURAL,
        singular: TENANT_SINGULAR,
        shortNames: [...TENANT_SHORT_NAMES],
        categories: ['lmo'],
      },
      versions: [
        {
          name: TENANT_VERSION,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: tenantOpenApiSchema() },
          subresources: { status: {} },
          additionalPrinterColumns: TENANT_PRINTER_COLUMNS,
        },
      ],
    },
  };
}
