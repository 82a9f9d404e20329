import { DNS1123_LABEL_PATTERN } from './schema-patterns.ts';
import { validationError, type ValidationIssue, type ValidationResult } from './validation-issues.ts';

/** The API group of LMO's custom resources. */
export const TENANT_GROUP = 'lmo.dev';
/** The served and stored version of the Tenant resource. */
export const TENANT_VERSION = 'v1alpha1';
/** `apiVersion` of a Tenant object. */
export const TENANT_API_VERSION = `${TENANT_GROUP}/${TENANT_VERSION}` as const;
/** `kind` of a Tenant object. */
export const TENANT_KIND = 'Tenant';
/** `kind` of a list of Tenants. */
export const TENANT_LIST_KIND = 'TenantList';
/** The resource name in URLs: `/apis/lmo.dev/v1alpha1/tenants`. */
export const TENANT_PLURAL = 'tenants';
/** The singular name (`kubectl get tenant`). */
export const TENANT_SINGULAR = 'tenant';
/** Short names (`kubectl get tn`). */
export const TENANT_SHORT_NAMES = ['tn'] as const;
/** The CRD's own name, `<plural>.<group>`. */
export const TENANT_CRD_NAME = `${TENANT_PLURAL}.${TENANT_GROUP}` as const;

/**
 * The longest tenant name. A tenant's namespace is `lmo-t-<name>`, and children such as
 * `<name>-runtime` must stay within the 63 characters of a DNS label, hence 40, not 63.
 */
export const TENANT_NAME_MAX_LENGTH = 40;
/** The prefix of every tenant namespace. */
export const TENANT_NAMESPACE_PREFIX = 'lmo-t-';

const NAME_RE = new RegExp(DNS1123_LABEL_PATTERN, 'u');
const NAME_PATH = '/metadata/name';

function nameIssues(name: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (name.length > TENANT_NAME_MAX_LENGTH) {
    issues.push({ path: NAME_PATH, message: `must be at most ${TENANT_NAME_MAX_LENGTH} characters` });
  }
  if (!NAME_RE.test(name)) {
    issues.push({
      path: NAME_PATH,
      message: "must consist of lower-case letters, digits and '-', and start and end with a letter or digit",
    });
  }
  return issues;
}

/**
 * Checks a Tenant's `metadata.name`: a DNS-1123 label of at most {@link TENANT_NAME_MAX_LENGTH}
 * characters. The CRD enforces the same rule with CEL. Never throws.
 */
export function validateTenantName(name: unknown): ValidationResult<string> {
  if (typeof name !== 'string' || name === '') {
    return { ok: false, issues: [{ path: NAME_PATH, message: 'is required' }] };
  }
  const issues = nameIssues(name);
  return issues.length === 0 ? { ok: true, value: name } : { ok: false, issues };
}

/** True when `name` is a valid tenant name. */
export function isValidTenantName(name: unknown): name is string {
  return validateTenantName(name).ok;
}

/**
 * The namespace that holds a tenant's runtime: `lmo-t-<name>`.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when `name` is not a valid tenant name.
 */
export function tenantNamespace(name: string): string {
  const result = validateTenantName(name);
  if (!result.ok) throw validationError('Tenant name', result.issues);
  return `${TENANT_NAMESPACE_PREFIX}${result.value}`;
}

/** The tenant a namespace belongs to, or `undefined` when it is not a tenant namespace. */
export function tenantNameFromNamespace(namespace: string): string | undefined {
  if (!namespace.startsWith(TENANT_NAMESPACE_PREFIX)) return undefined;
  const name = namespace.slice(TENANT_NAMESPACE_PREFIX.length);
  return isValidTenantName(name) ? name : undefined;
}
