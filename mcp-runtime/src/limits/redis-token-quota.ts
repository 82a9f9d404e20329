/**
 * The monthly token quota in Redis: one counter per tenant and month, `lmo:quota:{<tenant>}:<YYYY-MM>`
 * (UTC), raised with INCRBY and expiring at the end of the following month.
 *
 * When Redis is down the quota FAILS CLOSED: `check` throws `LMO_DEPENDENCY_UNAVAILABLE` and the
 * provider is not called, because an unchecked call spends money. `record`, which runs after a call
 * that already happened, never loses the count: what it cannot write waits in this process's memory
 * and is added with the next write that succeeds (a command that timed out after Redis applied it
 * may so be counted twice: the error is in the platform's favour and bounded by one call).
 */
import { LmoError } from '@lmo/contracts';
import type { Redis } from 'ioredis';
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
}

interface Unwritten {
  tokens: number;
  readonly expiresAt: Date;
}

/** Creates the Redis {@link TokenQuota}; see the module comment for its Redis-down policy. */
export function createRedisTokenQuota(options: RedisTokenQuotaOptions): TokenQuota {
  const { redis } = options;
  const now = options.now ?? ((): Date => new Date());
  const unwritten = new Map<string, Unwritten>();

  const keep = (key: string, tokens: number, expiresAt: Date): void => {
    const entry = unwritten.get(key);
    if (entry === undefined) unwritten.set(key, { tokens, expiresAt });
    else entry.tokens += tokens;
  };

  /** Writes every kept count in one MULTI; puts them back when that fails. */
  const flush = async (): Promise<void> => {
    if (unwritten.size === 0) return;
    const batch = [...unwritten.entries()];
    unwritten.clear();
    const multi = redis.multi();
    for (const [key, { tokens, expiresAt }] of batch) {
      multi.incrby(key, tokens).expireat(key, Math.floor(expiresAt.getTime() / 1000));
    }
    try {
      const replies = await multi.exec();
      const failed =
        replies === null ? new Error('MULTI aborted') : replies.find(([error]) => error !== null)?.[0];
      if (failed) throw failed;
    } catch (error) {
      for (const [key, entry] of batch) keep(key, entry.tokens, entry.expiresAt);
      throw error;
    }
  };

  const readUsed = async (key: string): Promise<number> => {
    await flush();
    return Number((await redis.get(key)) ?? 0);
  };

  return {
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
