import { describe, expect, it } from '@jest/globals';
import { providerRefProblem } from '../src/provider-credentials.ts';

describe('providerRefProblem', () => {
  it.each([
    [undefined, undefined],
    [{ name: 'openai', key: 'apiKey' }, undefined],
    [{ name: 'openai', key: 'apiKey', namespace: 'lmo-system' }, undefined],
  ])('allows %o', (ref, expected) => {
    expect(providerRefProblem(ref, 'lmo-system')).toBe(expected);
  });

  it('refuses another namespace with a reason and a message that says why', () => {
    expect(providerRefProblem({ name: 'db', key: 'password', namespace: 'payments' }, 'lmo-system')).toEqual({
      ok: false,
      reason: 'ProviderSecretRefForbidden',
      message:
        'spec.providerSecretRef points to namespace "payments"; only the platform namespace "lmo-system" is allowed',
    });
  });
});
