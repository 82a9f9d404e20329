import { describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import { createInProcessRateLimiter, rateLimitedError } from '../../src/limits/index.ts';
import { describeRateLimiterContract } from './rate-limiter-contract.ts';

const shared = createInProcessRateLimiter();
describeRateLimiterContract('in-process', () => shared);

describe('in-process rate limiter over time', () => {
  it('gives a refused caller a token back after Retry-After seconds', async () => {
    let now = 1_000_000;
    const limiter = createInProcessRateLimiter({ now: () => now });
    const request = { tenant: 'acme', keyId: 'k1', requestsPerMinute: 2 };
    await limiter.check(request);
    await limiter.check(request);

    const refused = await limiter.check(request);
    now += (refused.retryAfterSeconds - 1) * 1000;
    const stillRefused = await limiter.check(request);
    now += 1000;
    const allowed = await limiter.check(request);

    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    expect(stillRefused.allowed).toBe(false);
    expect(allowed).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('follows a changed limit at once (the config reloads)', async () => {
    let now = 0;
    const limiter = createInProcessRateLimiter({ now: () => now });
    for (let i = 0; i < 3; i++) await limiter.check({ tenant: 'acme', keyId: 'k', requestsPerMinute: 100 });
    now += 1;

    const lowered = await limiter.check({ tenant: 'acme', keyId: 'k', requestsPerMinute: 2 });

    expect(lowered).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
  });

  it('turns a refusal into LMO_RATE_LIMITED with retryAfterSeconds', () => {
    const limiter = createInProcessRateLimiter({ now: () => 0 });
    limiter.checkSync({ tenant: 'acme', keyId: 'k', requestsPerMinute: 1 });
    const error = rateLimitedError(limiter.checkSync({ tenant: 'acme', keyId: 'k', requestsPerMinute: 1 }));

    expect(error).toBeInstanceOf(LmoError);
    expect(error.toHttp()).toEqual({
      status: 429,
      body: {
        error: {
          code: 'LMO_RATE_LIMITED',
          message: 'Too many requests',
          details: { retryAfterSeconds: 60, limit: 1, scope: 'tenant' },
        },
      },
    });
  });
});
