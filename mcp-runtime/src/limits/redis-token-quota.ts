/**
 * The monthly token quota in Redis: one counter per tenant and month, `lmo:quota:{<tenant>}:<YYYY-MM>`
 * (UTC), raised with INCRBY and expiring at the end of the following month.
 *
 * When Redis is down the quota FAILS CLOSED: `check` throws `LMO_DEPENDENCY_UNAVAILABLE` and the
 * provider is not called, because an unchecked call spends money. `record`, which runs after a call
 * that already happened, never loses the count: what it cannot write waits in this process's memory
 * and is added with the next write that succeeds (a command that timed out after Redis applied it
 * may so be counted twice: the error is in the platform's favour and bounded by one call).
 *
 * With `readingTtlMs` (the runtime's setting), `check` may decide on a recent reading of the counter
 * instead of a GET: one the linked rate limiter's script made at the gate (see `quota-link.ts`), or
 * the count a `record` just wrote. Without it, every `check` asks Redis.
 */
import { LmoError } from '@lmo/contracts';
import type { Redis } from 'ioredis';
import { QuotaReadings, type QuotaLink } from './quota-link.ts';
import { quotaCounterKey } from './rate-limit-keys.ts';
import { errorSummary, type WarnLogger } from './warn-logger.ts';
import {
  assertTokenCount,
  assertWithinQuota,
  quotaPeriod,
  quotaStatus,
  type TokenQuota,
  type TokenQuotaOptions,
} from './token-quota.ts';

/** Options of {@link createRedisTokenQuota}. */
export interface RedisTokenQuotaOptions extends TokenQuotaOptions {
  /** A client made with `createRedisClient` (fail-fast options). */
  readonly redis: Redis;
  /** Told when a count cannot be written (it is kept and retried). */
  readonly logger?: WarnLogger;
  /**
   * How long a reading of the counter (by the linked rate limiter, or the result of a write) may
   * stand in for a GET in `check`. @default 0 (every check reads Redis)
   */
  readonly readingTtlMs?: number;
}

/** The Redis token quota and its link to the rate limiter. */
export interface RedisTokenQuota extends TokenQuota {
  /** Give it to `createRedisRateLimiter({ quota })`, so that the gate's script reads the counter. */
  readonly link: QuotaLink;
}

/** KEYS: the counter. ARGV: tokens to add, expiry (Unix seconds). Returns the new count. */
export const QUOTA_ADD_LUA = `
local used = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIREAT', KEYS[1], ARGV[2])
return used
`;

interface QuotaAddCommand {
  lmoQuotaAdd(key: string, tokens: string, expireAt: string): Promise<unknown>;
}

/** Defines the script on `redis` once (ioredis sends EVALSHA and falls back to EVAL). */
function withQuotaScript(redis: Redis): Redis & QuotaAddCommand {
  if (!('lmoQuotaAdd' in redis)) redis.defineCommand('lmoQuotaAdd', { numberOfKeys: 1, lua: QUOTA_ADD_LUA });
  return redis as Redis & QuotaAddCommand;
}

interface Unwritten {
  tokens: number;
  readonly expiresAt: Date;
}

/** Creates the Redis {@link TokenQuota}; see the module comment for its Redis-down policy. */
export function createRedisTokenQuota(options: RedisTokenQuotaOptions): RedisTokenQuota {
  const redis = withQuotaScript(options.redis);
  const now = options.now ?? ((): Date => new Date());
  const unwritten = new Map<string, Unwritten>();
  const readings = new QuotaReadings(options.readingTtlMs ?? 0);

  const keep = (key: string, tokens: number, expiresAt: Date): void => {
    const entry = unwritten.get(key);
    if (entry === undefined) unwritten.set(key, { tokens, expiresAt });
    else entry.tokens += tokens;
  };

  /**
   * Writes every kept count, each with one script (INCRBY and EXPIREAT: one command, where a MULTI
   * of the two costs four); puts back those that fail.
   */
  const flush = async (): Promise<void> => {
    if (unwritten.size === 0) return;
    const batch = [...unwritten.entries()];
    unwritten.clear();
    const results = await Promise.allSettled(
      batch.map(([key, { tokens, expiresAt }]) =>
        redis.lmoQuotaAdd(key, String(tokens), String(Math.floor(expiresAt.getTime() / 1000))),
      ),
    );
    let failure: { error: unknown } | undefined;
    results.forEach((result, i) => {
      const [key, entry] = batch[i] as [string, Unwritten];
      if (result.status === 'fulfilled') readings.set(key, Number(result.value));
      else {
        failure ??= { error: result.reason };
        keep(key, entry.tokens, entry.expiresAt);
      }
    });
    if (failure !== undefined) {
      readings.clear();
      throw failure.error;
    }
  };

  const readUsed = async (key: string): Promise<number> => {
    // A reading never hides counts this process still has to write.
    const fresh = unwritten.size === 0 ? readings.fresh(key) : undefined;
    if (fresh !== undefined) return fresh;
    try {
      await flush();
      const used = Number((await redis.get(key)) ?? 0);
      readings.set(key, used);
      return used;
    } catch (error) {
      readings.clear();
      throw error;
    }
  };

  const link: QuotaLink = {
    counterKey: (tenant) => quotaCounterKey(tenant, quotaPeriod(now()).id),
    observed: (key, used) => {
      readings.set(key, used);
    },
    failed: () => {
      readings.clear();
    },
  };

  return {
    link,
    async check(tenant) {
      const period = quotaPeriod(now());
      let used: number;
      try {
        used = await readUsed(quotaCounterKey(tenant, period.id));
      } catch (error) {
        throw new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The token quota cannot be checked right now', {
          cause: error,
        });
      }
      return assertWithinQuota(quotaStatus(used, options.tokensPerMonth(tenant), period));
    },

    async record(tenant, tokens) {
      assertTokenCount(tokens);
      const period = quotaPeriod(now());
      if (tokens > 0) keep(quotaCounterKey(tenant, period.id), tokens, period.expiresAt);
      try {
        await flush();
      } catch (error) {
        options.logger?.warn(
          { err: errorSummary(error), tenant, tokens },
          'Token usage not written to Redis; kept in memory and added with the next write',
        );
      }
    },
  };
}
