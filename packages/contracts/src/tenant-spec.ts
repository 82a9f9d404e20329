import Type, { type Static, type TString } from 'typebox';
import { DEFAULT_MODEL_PROVIDER, ECHO_MODEL, MODEL_PROVIDERS } from './model-providers.ts';
import {
  DNS1123_LABEL_PATTERN,
  DNS1123_SUBDOMAIN_PATTERN,
  EMAIL_PATTERN,
  HTTP_URL_PATTERN,
  IDENTIFIER_PATTERN,
  QUANTITY_PATTERN,
  SECRET_KEY_PATTERN,
} from './schema-patterns.ts';
import { TENANT_PLANS } from './tenant-plans.ts';
import { TENANT_SPEC_RULES, toKubernetesValidations } from './tenant-spec-rules.ts';

/*
 * The Tenant spec, written once. This JSON Schema is the source of truth: the CRD's OpenAPI schema
 * is generated from it (tenant-crd.ts), the API validates with it, and the types below come from it.
 *
 * Convention: a field that is required here AND has a `default` is always present after defaulting,
 * so the TypeScript type makes it non-optional; the CRD drops it from `required` because the
 * apiserver fills it in. Objects are closed (`additionalProperties: false`) so typos are rejected.
 */

const closed = { additionalProperties: false } as const;

const quantity = (description: string): TString =>
  Type.String({ pattern: QUANTITY_PATTERN, maxLength: 64, description });

/** `{ cpu?, memory? }` in Kubernetes quantities. */
export const ResourceListSchema = Type.Object(
  {
    cpu: Type.Optional(quantity('CPU as a Kubernetes quantity string, for example "500m" or "2".')),
    memory: Type.Optional(quantity('Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi".')),
  },
  closed,
);

/** Model settings of a tenant. */
export const TenantModelSchema = Type.Object(
  {
    provider: Type.Enum([...MODEL_PROVIDERS], {
      type: 'string',
      default: DEFAULT_MODEL_PROVIDER,
      description:
        'LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.',
    }),
    model: Type.String({
      minLength: 1,
      maxLength: 200,
      default: ECHO_MODEL,
      description: `Model name as the provider knows it, for example "gpt-4o-mini". "${ECHO_MODEL}" is only valid with the echo provider.`,
    }),
    baseUrl: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: HTTP_URL_PATTERN,
        maxLength: 2048,
        description:
          'Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.',
      }),
    ),
    embeddingModel: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Model used to embed knowledge documents for search.',
      }),
    ),
    temperature: Type.Number({
      minimum: 0,
      maximum: 2,
      default: 0.7,
      description: 'Sampling temperature, 0 to 2.',
    }),
    maxTokens: Type.Integer({
      minimum: 1,
      maximum: 200_000,
      default: 1024,
      description: 'Most tokens the model may generate per completion.',
    }),
    systemPrompt: Type.Optional(
      Type.String({ maxLength: 20_000, description: 'System prompt prepended to every conversation.' }),
    ),
  },
  { ...closed, default: {}, description: 'LLM provider and model settings.' },
);

/** Per-tenant overrides of the plan's limits. */
export const TenantLimitsSchema = Type.Object(
  {
    tokensPerMonth: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: "LLM tokens (in + out) per calendar month. Unset: the plan's default.",
      }),
    ),
    requestsPerMinute: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: "Requests per minute across all of the tenant's API keys. Unset: the plan's default.",
      }),
    ),
    cpu: Type.Optional(quantity("CPU quota of the tenant namespace. Unset: the plan's default.")),
    memory: Type.Optional(quantity("Memory quota of the tenant namespace. Unset: the plan's default.")),
  },
  {
    ...closed,
    default: {},
    description: "Overrides of the plan's limits; an unset field takes the plan's default.",
  },
);

/** How the tenant's MCP runtime runs. */
export const TenantRuntimeSchema = Type.Object(
  {
    replicas: Type.Integer({
      minimum: 0,
      maximum: 20,
      default: 1,
      description:
        "Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.",
    }),
    image: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: "Runtime container image. Unset: the platform's default runtime image.",
      }),
    ),
    resources: Type.Optional(
      Type.Object(
        {
          requests: Type.Optional(ResourceListSchema),
          limits: Type.Optional(ResourceListSchema),
        },
        { ...closed, description: 'Compute resources of each runtime pod. Unset: derived from the plan.' },
      ),
    ),
  },
  { ...closed, default: {}, description: "Settings of the tenant's MCP runtime." },
);

/** Where the provider credentials are. */
export const ProviderSecretRefSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 253,
      pattern: DNS1123_SUBDOMAIN_PATTERN,
      description: 'Name of a Secret in the platform namespace.',
    }),
    key: Type.String({
      minLength: 1,
      maxLength: 253,
      pattern: SECRET_KEY_PATTERN,
      default: 'apiKey',
      description: 'Key in the Secret that holds the provider API key.',
    }),
    namespace: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 63,
        pattern: DNS1123_LABEL_PATTERN,
        description:
          'Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition.',
      }),
    ),
  },
  {
    ...closed,
    description:
      'Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace.',
  },
);

const identifier = (description: string): TString =>
  Type.String({ pattern: IDENTIFIER_PATTERN, maxLength: 63, description });

/** One argument of a prompt template. */
export const PromptArgumentSchema = Type.Object(
  {
    name: identifier('Argument name, used as {{name}} in the template.'),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What the argument is for.' })),
    required: Type.Boolean({ default: false, description: 'Whether MCP clients must supply the argument.' }),
  },
  closed,
);

/** An MCP prompt the tenant's runtime serves. */
export const PromptTemplateSchema = Type.Object(
  {
    name: identifier('Prompt name as MCP clients list it; unique within the tenant.'),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What the prompt does.' })),
    template: Type.String({
      minLength: 1,
      maxLength: 20_000,
      description: 'Prompt text; {{argument}} placeholders are replaced by argument values.',
    }),
    arguments: Type.Array(PromptArgumentSchema, {
      maxItems: 20,
      default: [],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      description: 'Arguments of the prompt; names are unique.',
    }),
  },
  closed,
);

/** The desired state of a tenant. */
export const TenantSpecSchema = Type.Object(
  {
    displayName: Type.String({ minLength: 1, maxLength: 100, description: 'Human-readable tenant name.' }),
    owner: Type.String({
      maxLength: 254,
      pattern: EMAIL_PATTERN,
      description: "E-mail address of the tenant's owning user.",
    }),
    plan: Type.Enum([...TENANT_PLANS], {
      type: 'string',
      default: 'free',
      description: 'Billing plan; sets the default limits and the maximum replicas.',
    }),
    model: TenantModelSchema,
    limits: TenantLimitsSchema,
    runtime: TenantRuntimeSchema,
    providerSecretRef: Type.Optional(ProviderSecretRefSchema),
    promptTemplates: Type.Array(PromptTemplateSchema, {
      maxItems: 50,
      default: [],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      description: 'MCP prompts the runtime serves; names are unique.',
    }),
    suspended: Type.Boolean({
      default: false,
      description:
        'Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.',
    }),
  },
  {
    ...closed,
    description: 'Desired state of the tenant.',
    'x-kubernetes-validations': toKubernetesValidations(TENANT_SPEC_RULES),
  },
);

/** A Tenant spec with every default filled in (what the operator reads and the API stores). */
export type TenantSpec = Static<typeof TenantSpecSchema>;
/** Model settings of a tenant. */
export type TenantModel = Static<typeof TenantModelSchema>;
/** Per-tenant limit overrides. */
export type TenantLimits = Static<typeof TenantLimitsSchema>;
/** Runtime settings of a tenant. */
export type TenantRuntime = Static<typeof TenantRuntimeSchema>;
/** Reference to the provider credentials Secret. */
export type ProviderSecretRef = Static<typeof ProviderSecretRefSchema>;
/** An MCP prompt template. */
export type PromptTemplate = Static<typeof PromptTemplateSchema>;
/** An argument of an MCP prompt template. */
export type PromptArgument = Static<typeof PromptArgumentSchema>;
