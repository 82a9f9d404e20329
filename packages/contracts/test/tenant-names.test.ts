import { describe, expect, it } from '@jest/globals';
import {
  isValidTenantName,
  LmoError,
  PLAN_DEFAULTS,
  resolveTenantLimits,
  TENANT_API_VERSION,
  TENANT_CRD_NAME,
  TENANT_NAME_MAX_LENGTH,
  TENANT_PLANS,
  tenantNameFromNamespace,
  tenantNamespace,
  validateTenantName,
} from '@lmo/contracts';

describe('tenant names', () => {
  it.each(['a', '7', 'acme', 'acme-corp', '1password', 'a'.repeat(TENANT_NAME_MAX_LENGTH)])(
    'accepts %p',
    (name) => {
      expect(validateTenantName(name)).toEqual({ ok: true, value: name });
      expect(isValidTenantName(name)).toBe(true);
    },
  );

  it.each([
    ['upper case', 'Acme'],
    ['an underscore', 'acme_corp'],
    ['a dot (subdomain, not label)', 'acme.corp'],
    ['a leading dash', '-acme'],
    ['a trailing dash', 'acme-'],
    ['non-ASCII', 'ümlaut'],
    ['a space', 'ac me'],
  ])('rejects a name with %s', (_what, name) => {
    expect(validateTenantName(name)).toEqual({
      ok: false,
      issues: [{ path: '/metadata/name', message: expect.stringContaining('lower-case letters, digits') }],
    });
    expect(isValidTenantName(name)).toBe(false);
  });

  it(`rejects names longer than ${TENANT_NAME_MAX_LENGTH} characters`, () => {
    expect(validateTenantName('a'.repeat(TENANT_NAME_MAX_LENGTH + 1))).toEqual({
      ok: false,
      issues: [{ path: '/metadata/name', message: 'must be at most 40 characters' }],
    });
  });

  it.each([undefined, null, '', 42])('requires a name: %p', (name) => {
    expect(validateTenantName(name)).toEqual({
      ok: false,
      issues: [{ path: '/metadata/name', message: 'is required' }],
    });
  });

  it('keeps the longest namespace within a DNS label', () => {
    expect(tenantNamespace('a'.repeat(TENANT_NAME_MAX_LENGTH)).length).toBeLessThanOrEqual(63);
  });
});

describe('tenant namespaces', () => {
  it('prefixes the tenant name', () => {
    expect(tenantNamespace('acme')).toBe('lmo-t-acme');
  });

  it('throws LMO_VALIDATION_FAILED for an invalid name', () => {
    expect(() => tenantNamespace('Acme')).toThrow(LmoError);
    expect(() => tenantNamespace('Acme')).toThrow(expect.objectContaining({ code: 'LMO_VALIDATION_FAILED' }));
  });

  it('maps a tenant namespace back to its tenant', () => {
    expect(tenantNameFromNamespace(tenantNamespace('acme-corp'))).toBe('acme-corp');
  });

  it.each(['kube-system', 'lmo-t-', 'lmo-t-Acme', 'lmo-system'])('returns undefined for %p', (namespace) => {
    expect(tenantNameFromNamespace(namespace)).toBeUndefined();
  });
});

describe('resource identity', () => {
  it('names the group, version and CRD consistently', () => {
    expect(TENANT_API_VERSION).toBe('lmo.dev/v1alpha1');
    expect(TENANT_CRD_NAME).toBe('tenants.lmo.dev');
  });
});

describe('plans', () => {
  it.each(TENANT_PLANS.slice(1).map((plan, i) => [TENANT_PLANS[i]!, plan] as const))(
    '%s costs less and allows less than %s',
    (cheaper, dearer) => {
      const [a, b] = [PLAN_DEFAULTS[cheaper], PLAN_DEFAULTS[dearer]];
      expect(b.monthlyPriceCents).toBeGreaterThan(a.monthlyPriceCents);
      expect(b.tokensPerMonth).toBeGreaterThan(a.tokensPerMonth);
      expect(b.requestsPerMinute).toBeGreaterThan(a.requestsPerMinute);
      expect(b.maxReplicas).toBeGreaterThan(a.maxReplicas);
    },
  );

  it('gives enterprise the schema maximum of 20 replicas', () => {
    expect(PLAN_DEFAULTS.enterprise.maxReplicas).toBe(20);
  });

  it('resolves unset limits from the plan', () => {
    expect(resolveTenantLimits({ plan: 'pro', limits: {} })).toEqual({
      tokensPerMonth: 5_000_000,
      requestsPerMinute: 600,
      cpu: '2',
      memory: '4Gi',
    });
  });

  it('prefers limits set on the tenant, including 0', () => {
    expect(resolveTenantLimits({ plan: 'free', limits: { tokensPerMonth: 0, cpu: '250m' } })).toEqual({
      tokensPerMonth: 0,
      requestsPerMinute: 60,
      cpu: '250m',
      memory: '512Mi',
    });
  });
});
