// Behaviour every RateLimiter shares, run against the in-process and the Redis implementation.
import { describe, expect, it } from '@jest/globals';
import type { RateLimiter } from '../../src/limits/index.ts';

let seq = 0;
/** A tenant name no other test (or earlier run against the same Redis) uses. */
export const uniqueTenant = (label: string): string =>
  `${label}-${process.pid}-${Date.now().toString(36)}-${++seq}`;

async function burst(limiter: RateLimiter, n: number, tenant: string): Promise<boolean[]> {
  const keyId = 'k1';
  const rpm = 5;
  const allowed: boolean[] = [];
  for (let i = 0; i < n; i++) {
    allowed.push((await limiter.check({ tenant, keyId, requestsPerMinute: rpm })).allowed);
  }
  return allowed;
}

export function describeRateLimiterContract(name: string, limiter: () => RateLimiter): void {
  describe(`${name}: rate limiter contract`, () => {
    it('allows a burst of requestsPerMinute, then refuses with a Retry-After', async () => {
      const tenant = uniqueTenant('burst');
      expect(await burst(limiter(), 5, tenant)).toEqual([true, true, true, true, true]);

      const refused = await limiter().check({ tenant, keyId: 'k1', requestsPerMinute: 5 });

      expect(refused).toMatchObject({
        allowed: false,
        limit: 5,
        remaining: 0,
        scope: 'tenant',
        degraded: false,
      });
      // One token comes back every 12 s at 5 per minute.
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(11);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(12);
      expect(refused.resetSeconds).toBeGreaterThanOrEqual(59);
      expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    });

    it('reports limit, remaining and reset of a fresh bucket', async () => {
      const decision = await limiter().check({
        tenant: uniqueTenant('fresh'),
        keyId: 'k1',
        requestsPerMinute: 60,
      });

      expect(decision).toMatchObject({ allowed: true, limit: 60, remaining: 59, retryAfterSeconds: 0 });
      expect(decision.resetSeconds).toBe(1);
    });

    it("limits each key by its own bucket while the tenant's bucket has room", async () => {
      const tenant = uniqueTenant('perkey');
      const check = (keyId: string): ReturnType<RateLimiter['check']> =>
        limiter().check({ tenant, keyId, requestsPerMinute: 10, keyRequestsPerMinute: 2 });

      const a = [await check('a'), await check('a'), await check('a')];
      const b = await check('b');

      expect(a.map((d) => d.allowed)).toEqual([true, true, false]);
      expect(a[2]).toMatchObject({ scope: 'key', limit: 2, remaining: 0 });
      expect(b).toMatchObject({ allowed: true, scope: 'key', remaining: 1 });
    });

    it("shares the tenant's bucket across its keys", async () => {
      const tenant = uniqueTenant('shared');
      const check = (keyId: string): ReturnType<RateLimiter['check']> =>
        limiter().check({ tenant, keyId, requestsPerMinute: 3, keyRequestsPerMinute: 10 });

      const results = [await check('a'), await check('b'), await check('c'), await check('d')];

      expect(results.map((d) => d.allowed)).toEqual([true, true, true, false]);
      expect(results[3]).toMatchObject({ scope: 'tenant', limit: 3 });
    });

    it('takes from neither bucket when one refuses', async () => {
      const tenant = uniqueTenant('atomic');
      const check = (keyId: string): ReturnType<RateLimiter['check']> =>
        limiter().check({ tenant, keyId, requestsPerMinute: 2, keyRequestsPerMinute: 1 });

      // a's second request is refused by a's bucket and must leave the tenant's token for b.
      const results = [await check('a'), await check('a'), await check('b'), await check('c')];

      expect(results.map((d) => [d.allowed, d.scope])).toEqual([
        [true, 'key'],
        [false, 'key'],
        [true, 'key'], // both buckets empty: the smaller one is reported
        [false, 'tenant'],
      ]);
    });

    it('keeps tenants apart', async () => {
      const one = uniqueTenant('one');
      const two = uniqueTenant('two');
      await burst(limiter(), 5, one);

      expect(await burst(limiter(), 1, one)).toEqual([false]);
      expect(await burst(limiter(), 1, two)).toEqual([true]);
    });
  });
}
