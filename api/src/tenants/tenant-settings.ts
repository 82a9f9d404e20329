import {
  PLAN_DEFAULTS,
  PromptArgumentSchema,
  PromptTemplateSchema,
  ProviderSecretRefSchema,
  ResourceListSchema,
  TENANT_PLANS,
  TenantModelSchema,
  TenantRuntimeSchema,
  validateTenantSpec,
  validationError,
  type TenantSpec,
  type ValidationIssue,
} from '@lmo/contracts';
import { LmoError } from '@lmo/contracts';
import Type, { type Static, type TNull, type TSchema, type TUnion } from 'typebox';

const Closed = { additionalProperties: false } as const;
const nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> => Type.Union([schema, Type.Null()]);
const M = TenantModelSchema.properties;
const P = PromptTemplateSchema.properties;
const A = PromptArgumentSchema.properties;

/** A prompt template as sent: `arguments` and each argument's `required` may be left to their defaults. */
const PromptTemplateInput = Type.Object(
  {
    name: P.name,
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    template: P.template,
    arguments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: A.name,
            description: Type.Optional(Type.String({ maxLength: 1000 })),
            required: Type.Optional(Type.Boolean()),
          },
          Closed,
        ),
        { maxItems: 20 },
      ),
    ),
  },
  Closed,
);

/**
 * A change to a tenant's settings, JSON-merge-patch style (RFC 7386): absent fields stay, `null`
 * clears an optional field, objects merge, lists (prompt templates) are replaced whole. Fields
 * marked "platform admins only" are refused to owners with `LMO_FORBIDDEN`.
 */
export const TenantSettingsPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    model: Type.Optional(
      Type.Object(
        {
          provider: Type.Optional(M.provider),
          model: Type.Optional(M.model),
          baseUrl: Type.Optional(
            nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048 })),
          ),
          embeddingModel: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 200 }))),
          temperature: Type.Optional(M.temperature),
          maxTokens: Type.Optional(M.maxTokens),
          systemPrompt: Type.Optional(nullable(Type.String({ maxLength: 20_000 }))),
        },
        { ...Closed, description: 'Model settings; merged into the current ones.' },
      ),
    ),
    limits: Type.Optional(
      Type.Object(
        {
          tokensPerMonth: Type.Optional(nullable(Type.Integer({ minimum: 0 }))),
          requestsPerMinute: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
          cpu: Type.Optional(nullable(Type.String({ maxLength: 64, description: 'Platform admins only.' }))),
          memory: Type.Optional(
            nullable(Type.String({ maxLength: 64, description: 'Platform admins only.' })),
          ),
        },
        { ...Closed, description: "Limits; owners may only lower the plan's, null restores the plan's." },
      ),
    ),
    promptTemplates: Type.Optional(Type.Array(PromptTemplateInput, { maxItems: 50 })),
    runtime: Type.Optional(
      Type.Object(
        {
          replicas: Type.Optional(TenantRuntimeSchema.properties.replicas),
          image: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 512 }))),
          resources: Type.Optional(
            nullable(
              Type.Object(
                { requests: Type.Optional(ResourceListSchema), limits: Type.Optional(ResourceListSchema) },
                Closed,
              ),
            ),
          ),
        },
        { ...Closed, description: 'Runtime; image and resources are for platform admins only.' },
      ),
    ),
    plan: Type.Optional(
      Type.Enum([...TENANT_PLANS], { type: 'string', description: 'Platform admins only.' }),
    ),
    providerSecretRef: Type.Optional(nullable(ProviderSecretRefSchema)),
  },
  { ...Closed, $id: 'TenantSettingsPatch' },
);

/** A change to a tenant's settings; see {@link TenantSettingsPatchSchema}. */
export type TenantSettingsPatch = Static<typeof TenantSettingsPatchSchema>;

/** JSON pointers of the patch fields only platform admins may send. */
export function adminOnlyFields(patch: TenantSettingsPatch): string[] {
  const fields: string[] = [];
  if (patch.plan !== undefined) fields.push('/plan');
  if (patch.providerSecretRef !== undefined) fields.push('/providerSecretRef');
  if (patch.runtime?.image !== undefined) fields.push('/runtime/image');
  if (patch.runtime?.resources !== undefined) fields.push('/runtime/resources');
  if (patch.limits?.cpu !== undefined) fields.push('/limits/cpu');
  if (patch.limits?.memory !== undefined) fields.push('/limits/memory');
  return fields;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch: `null` deletes, objects merge recursively, anything else replaces. Pure. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const base: Json = isObject(target) ? target : {};
  const merged = Object.entries({ ...base, ...patch })
    .filter(([key]) => patch[key] !== null)
    .map(([key, value]) => [key, key in patch ? mergePatch(base[key], patch[key]) : value]);
  return Object.fromEntries(merged);
}

/**
 * Owners may lower the plan's token and request limits, never raise them. Only the limits the
 * patch sets are checked, so a higher limit a platform admin granted survives an owner's edit.
 */
export function planCeilingIssues(spec: TenantSpec, patch: TenantSettingsPatch): ValidationIssue[] {
  const plan = PLAN_DEFAULTS[spec.plan];
  const issues: ValidationIssue[] = [];
  const tokensPerMonth = patch.limits?.tokensPerMonth;
  const requestsPerMinute = patch.limits?.requestsPerMinute;
  if (typeof tokensPerMonth === 'number' && tokensPerMonth > plan.tokensPerMonth) {
    issues.push({
      path: '/limits/tokensPerMonth',
      message: `must be <= ${plan.tokensPerMonth} on the ${spec.plan} plan`,
    });
  }
  if (typeof requestsPerMinute === 'number' && requestsPerMinute > plan.requestsPerMinute) {
    issues.push({
      path: '/limits/requestsPerMinute',
      message: `must be <= ${plan.requestsPerMinute} on the ${spec.plan} plan`,
    });
  }
  return issues;
}

/**
 * The spec after a settings change: merged, defaulted and validated as the apiserver would, then
 * (for owners) held within the plan. Pure.
 * @throws {LmoError} `LMO_FORBIDDEN` when a non-admin sends an admin-only field;
 *   `LMO_VALIDATION_FAILED` with `details.issues` when the result is not a valid spec.
 */
export function applySettings(current: TenantSpec, patch: TenantSettingsPatch, asAdmin: boolean): TenantSpec {
  const forbidden = asAdmin ? [] : adminOnlyFields(patch);
  if (forbidden.length > 0) {
    throw new LmoError('LMO_FORBIDDEN', `Only platform admins may change ${forbidden.join(', ')}`, {
      details: { fields: forbidden },
    });
  }
  const result = validateTenantSpec(mergePatch(current, patch));
  if (!result.ok) throw validationError('Tenant settings', result.issues);
  const ceiling = asAdmin ? [] : planCeilingIssues(result.value, patch);
  if (ceiling.length > 0) throw validationError('Tenant settings', ceiling);
  return result.value;
}
