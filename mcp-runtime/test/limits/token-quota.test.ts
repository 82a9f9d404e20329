import { describe, expect, it } from '@jest/globals';
import { createInProcessTokenQuota, quotaPeriod } from '../../src/limits/index.ts';
import { describeTokenQuotaContract } from './token-quota-contract.ts';

describeTokenQuotaContract('in-process', (options) => createInProcessTokenQuota(options));

describe('quotaPeriod', () => {
  it('names the UTC month and ends it at the first instant of the next', () => {
    // 23:30 on 31 December in New York is already January in UTC.
    expect(quotaPeriod(new Date('2026-12-31T23:30:00-05:00'))).toEqual({
      id: '2027-01',
      resetsAt: new Date('2027-02-01T00:00:00Z'),
      expiresAt: new Date('2027-03-01T00:00:00Z'),
    });
    expect(quotaPeriod(new Date('2026-12-15T00:00:00Z'))).toMatchObject({
      id: '2026-12',
      resetsAt: new Date('2027-01-01T00:00:00Z'),
    });
  });
});
