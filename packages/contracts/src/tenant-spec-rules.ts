import { ECHO_MODEL } from './model-providers.ts';
import { PLAN_DEFAULTS, TENANT_PLANS } from './tenant-plans.ts';
import type { TenantSpec } from './tenant-spec.ts';

/**
 * The cross-field rules of a Tenant spec, each written twice side by side: as CEL for the
 * apiserver (the CRD's `x-kubernetes-validations` on `spec`) and as a TypeScript predicate for the
 * API, which validates without an apiserver. Both run on the defaulted spec, as the apiserver
 * defaults before it validates.
 */
export interface TenantSpecRule {
  /** JSON pointer, relative to `spec`, of the field the message is about. */
  readonly path: string;
  /** The message both validators report; one line. */
  readonly message: string;
  /** The apiserver's field error type for the violation. */
  readonly reason: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueForbidden';
  /** The CEL expression, evaluated with `self` bound to `spec`. */
  readonly cel: string;
  /** The same rule on a schema-valid, defaulted spec. */
  readonly holds: (spec: TenantSpec) => boolean;
}

/** A rule as it appears in a CRD schema (`x-kubernetes-validations`). */
export interface KubernetesValidationRule {
  readonly rule: string;
  readonly message: string;
  readonly fieldPath: string;
  readonly reason: TenantSpecRule['reason'];
}

const planMaxReplicas = TENANT_PLANS.map((plan) => `${plan} ${PLAN_DEFAULTS[plan].maxReplicas}`).join(', ');
const celPlanMaxReplicas = `{${TENANT_PLANS.map((plan) => `'${plan}': ${PLAN_DEFAULTS[plan].maxReplicas}`).join(', ')}}`;

/** The cross-field rules of a Tenant spec. */
export const TENANT_SPEC_RULES: readonly TenantSpecRule[] = [
  {
    path: '/model/baseUrl',
    message: 'baseUrl is required when provider is openai-compatible',
    reason: 'FieldValueRequired',
    cel: "self.model.provider != 'openai-compatible' || has(self.model.baseUrl)",
    holds: (spec) => spec.model.provider !== 'openai-compatible' || spec.model.baseUrl !== undefined,
  },
  {
    path: '/model/model',
    message: `model must name the provider's model; '${ECHO_MODEL}' only works with the echo provider`,
    reason: 'FieldValueInvalid',
    cel: `self.model.provider == 'echo' || self.model.model != '${ECHO_MODEL}'`,
    holds: (spec) => spec.model.provider === 'echo' || spec.model.model !== ECHO_MODEL,
  },
  {
    path: '/runtime/replicas',
    message: `replicas must not exceed the plan's maximum (${planMaxReplicas})`,
    reason: 'FieldValueInvalid',
    cel: `self.runtime.replicas <= ${celPlanMaxReplicas}[self.plan]`,
    holds: (spec) => spec.runtime.replicas <= PLAN_DEFAULTS[spec.plan].maxReplicas,
  },
];

/** The rules in the CRD's `x-kubernetes-validations` form (`fieldPath` is `.model.baseUrl` style). */
export function toKubernetesValidations(rules: readonly TenantSpecRule[]): KubernetesValidationRule[] {
  return rules.map((rule) => ({
    rule: rule.cel,
    message: rule.message,
    fieldPath: rule.path.replaceAll('/', '.'),
    reason: rule.reason,
  }));
}
