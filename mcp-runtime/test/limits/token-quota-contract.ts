// Behaviour every TokenQuota shares, run against the in-process and the Redis implementation.
import { describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import type { TokenQuota, TokenQuotaOptions } from '../../src/limits/index.ts';
import { uniqueTenant } from './rate-limiter-contract.ts';

/** Builds a quota with the given limit getter and clock. */
export type QuotaFactory = (options: Required<TokenQuotaOptions>) => TokenQuota;

async function quotaError(promise: Promise<unknown>): Promise<LmoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LmoError)) throw new Error(`expected an LmoError, got ${String(error)}`);
  return error;
}

export function describeTokenQuotaContract(name: string, create: QuotaFactory): void {
  describe(`${name}: token quota contract`, () => {
    // Far in the future: Redis deletes a counter at once when its expiry lies in the past.
    const november = new Date('2099-11-22T10:00:00Z');

    it('counts recorded tokens and refuses once used reaches the limit', async () => {
      const tenant = uniqueTenant('quota');
      const quota = create({ tokensPerMonth: () => 1_000, now: () => november });

      const fresh = await quota.check(tenant);
      await quota.record(tenant, 600);
      const partly = await quota.check(tenant);
      await quota.record(tenant, 400);
      const error = await quotaError(quota.check(tenant));

      expect(fresh).toEqual({
        period: '2099-11',
        used: 0,
        limit: 1_000,
        remaining: 1_000,
        resetsAt: new Date('2099-12-01T00:00:00Z'),
      });
      expect(partly).toMatchObject({ used: 600, remaining: 400 });
      expect(error.code).toBe('LMO_QUOTA_EXCEEDED');
      expect(error.httpStatus).toBe(402);
      expect(error.details).toEqual({ limit: 1_000, used: 1_000, resetsAt: '2099-12-01T00:00:00.000Z' });
    });

    it('reads the limit at every check, so a raised limit lets requests through again', async () => {
      const tenant = uniqueTenant('raise');
      let limit = 100;
      const quota = create({ tokensPerMonth: () => limit, now: () => november });
      await quota.record(tenant, 150);
      const before = await quotaError(quota.check(tenant));

      limit = 200;

      expect(before.code).toBe('LMO_QUOTA_EXCEEDED');
      expect(await quota.check(tenant)).toMatchObject({ used: 150, remaining: 50 });
    });

    it('refuses everything with a zero quota', async () => {
      const quota = create({ tokensPerMonth: () => 0, now: () => november });

      expect((await quotaError(quota.check(uniqueTenant('zero')))).code).toBe('LMO_QUOTA_EXCEEDED');
    });

    it('starts every UTC month from zero and keeps tenants apart', async () => {
      const tenant = uniqueTenant('month');
      const other = uniqueTenant('other');
      let now = new Date('2099-01-31T23:59:59Z');
      const quota = create({ tokensPerMonth: () => 10, now: () => now });
      await quota.record(tenant, 10);
      const january = await quotaError(quota.check(tenant));
      const otherTenant = await quota.check(other);

      now = new Date('2099-02-01T00:00:00Z');

      expect(january.code).toBe('LMO_QUOTA_EXCEEDED');
      expect(otherTenant.used).toBe(0);
      expect(await quota.check(tenant)).toMatchObject({ period: '2099-02', used: 0 });
    });

    it('refuses a token count that is not a non-negative integer', async () => {
      const quota = create({ tokensPerMonth: () => 10, now: () => november });

      expect((await quotaError(quota.record('acme', -1))).code).toBe('LMO_INTERNAL');
      expect((await quotaError(quota.record('acme', 1.5))).code).toBe('LMO_INTERNAL');
    });
  });
}
