import { describe, expect, it } from '@jest/globals';
import { validateTenantSpec, type TenantSpec } from '@lmo/contracts';
import { adminOnlyFields, applySettings, mergePatch } from '../src/tenants/tenant-settings.ts';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

const base = (): TenantSpec => {
  const result = validateTenantSpec({
    displayName: 'Acme',
    owner: 'ops@acme.example',
    model: { systemPrompt: 'Hi' },
  });
  if (!result.ok) throw new Error('bad fixture');
  return result.value;
};

describe('mergePatch (RFC 7386)', () => {
  it('merges objects, replaces lists and scalars, deletes on null, never mutates', () => {
    const target = { a: { b: 1, c: 2 }, list: [1, 2], keep: true };
    const merged = mergePatch(target, { a: { c: null, d: 3 }, list: [3] });

    expect(merged).toEqual({ a: { b: 1, d: 3 }, list: [3], keep: true });
    expect(target).toEqual({ a: { b: 1, c: 2 }, list: [1, 2], keep: true });
  });
});

describe('applySettings', () => {
  it('applies an owner change, with defaults filled in', () => {
    const spec = applySettings(
      base(),
      { model: { temperature: 0.1 }, promptTemplates: [{ name: 'p', template: 'x' }] },
      false,
    );

    expect(spec.model).toMatchObject({ provider: 'echo', temperature: 0.1, systemPrompt: 'Hi' });
    expect(spec.promptTemplates).toEqual([{ name: 'p', template: 'x', arguments: [] }]);
  });

  it('clears optional fields with null', () => {
    expect(
      applySettings(base(), { model: { systemPrompt: null } }, false).model.systemPrompt,
    ).toBeUndefined();
  });

  it('refuses admin-only fields to owners and names them', () => {
    const patch = { plan: 'pro' as const, limits: { cpu: '4', memory: null }, providerSecretRef: null };
    expect(adminOnlyFields(patch)).toEqual(['/plan', '/providerSecretRef', '/limits/cpu', '/limits/memory']);
    expect(thrown(() => applySettings(base(), patch, false))).toMatchObject({ code: 'LMO_FORBIDDEN' });
    expect(applySettings(base(), { plan: 'pro', limits: { cpu: '4' } }, true)).toMatchObject({
      plan: 'pro',
      limits: { cpu: '4' },
    });
  });

  it('holds owners within the plan but keeps what an admin granted', () => {
    expect(thrown(() => applySettings(base(), { limits: { tokensPerMonth: 100_001 } }, false))).toMatchObject(
      {
        code: 'LMO_VALIDATION_FAILED',
        details: {
          issues: [{ path: '/limits/tokensPerMonth', message: 'must be <= 100000 on the free plan' }],
        },
      },
    );
    const granted = applySettings(base(), { limits: { tokensPerMonth: 1_000_000 } }, true);
    expect(applySettings(granted, { displayName: 'Renamed' }, false).limits.tokensPerMonth).toBe(1_000_000);
  });

  it('runs the cross-field rules of the Tenant schema', () => {
    expect(thrown(() => applySettings(base(), { model: { provider: 'anthropic' } }, false))).toMatchObject({
      code: 'LMO_VALIDATION_FAILED',
    });
    expect(
      applySettings(base(), { model: { provider: 'anthropic', model: 'claude-x' } }, false).model.model,
    ).toBe('claude-x');
  });
});
