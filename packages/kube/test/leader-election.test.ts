import { describe, expect, it } from '@jest/globals';
import { leaseDecision } from '../src/leader-election.ts';

describe('leaseDecision', () => {
  const now = new Date('2026-11-22T10:00:00.000Z');

  it.each([
    ['no lease', undefined, 'create'],
    [
      'our lease',
      { holderIdentity: 'me', renewTime: '2026-11-22T09:59:59.000000Z', leaseDurationSeconds: 15 },
      'renew',
    ],
    [
      'a live lease of another',
      { holderIdentity: 'other', renewTime: '2026-11-22T09:59:50.000000Z', leaseDurationSeconds: 15 },
      'wait',
    ],
    [
      'an expired lease of another',
      { holderIdentity: 'other', renewTime: '2026-11-22T09:59:40.000000Z', leaseDurationSeconds: 15 },
      'take-over',
    ],
    [
      'a released lease',
      { holderIdentity: '', renewTime: '2026-11-22T09:59:59.000000Z', leaseDurationSeconds: 1 },
      'take-over',
    ],
  ] as const)('%s → %s', (_name, lease, expected) => {
    expect(leaseDecision(lease, 'me', now)).toBe(expected);
  });
});
