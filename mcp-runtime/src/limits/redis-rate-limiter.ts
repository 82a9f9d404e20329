/**
 * Rate limits in Redis, shared by every replica of a tenant: one Lua script checks and takes from
 * the tenant's and the key's bucket in one atomic round trip. The script reads the clock of the
 * Redis server (`TIME`), so replicas with skewed clocks still agree.
 *
 * When Redis is down the limiter FAILS OPEN: a failed command is decided by an in-process bucket
 * of this replica (availability first; each replica then enforces the limit on its own, so the
 * tenant may get up to `replicas ×` the limit while Redis is away). Such decisions say `degraded`.
 *
 * Linked to the token quota (`quota`), the same script also reads the tenant's token counter of the
 * month and hands it to the quota (see `quota-link.ts`): the LLM call behind the gate then checks
 * its quota without a round trip of its own.
 */
import type { Redis } from 'ioredis';
import { createInProcessRateLimiter } from './in-process-rate-limiter.ts';
import type { QuotaLink } from './quota-link.ts';
import { keyBucketKey, tenantBucketKey } from './rate-limit-keys.ts';
import type { RateLimiter, RateLimitRequest } from './rate-limiter.ts';
import { errorSummary, type WarnLogger } from './warn-logger.ts';
import { bucketLimit, rateLimitDecision, type RateLimitDecision } from './token-bucket.ts';

/**
 * KEYS: tenant bucket, key bucket, optionally the tenant's token counter. ARGV: tenant capacity,
 * tenant refill per ms, key capacity, key refill per ms, cost. Buckets are hashes { tokens, ts (ms) }
 * that expire once they would be full. Returns { allowed (0|1), tenant tokens, key tokens } (tokens
 * as strings: Lua numbers would be truncated to integers), and with the third key its counter's
 * value (a string; '0' when absent). Every key carries the tenant's hash tag: one Cluster slot.
 */
export const RATE_LIMIT_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local cost = tonumber(ARGV[5])

local function level(key, capacity, rate)
  local state = redis.call('HMGET', key, 'tokens', 'ts')
  local tokens = tonumber(state[1])
  local ts = tonumber(state[2])
  if tokens == nil or ts == nil then return capacity end
  return math.min(capacity, tokens + math.max(0, now - ts) * rate)
end

local function store(key, tokens, capacity, rate)
  redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
  redis.call('PEXPIRE', key, math.ceil((capacity - tokens) / rate) + 1000)
end

local tcap, trate = tonumber(ARGV[1]), tonumber(ARGV[2])
local kcap, krate = tonumber(ARGV[3]), tonumber(ARGV[4])
local t = level(KEYS[1], tcap, trate)
local k = level(KEYS[2], kcap, krate)
local allowed = 0
if t >= cost and k >= cost then
  allowed = 1
  t = t - cost
  k = k - cost
end
store(KEYS[1], t, tcap, trate)
store(KEYS[2], k, kcap, krate)
if KEYS[3] then
  return { allowed, tostring(t), tostring(k), redis.call('GET', KEYS[3]) or '0' }
end
return { allowed, tostring(t), tostring(k) }
`;

const COMMAND = 'lmoRateLimit';
/** The same script with the token counter as a third key. */
const COMMAND_WITH_QUOTA = 'lmoRateLimitQuota';

interface RateLimitCommand {
  lmoRateLimit(tenantKey: string, keyKey: string, ...args: string[]): Promise<unknown>;
  lmoRateLimitQuota(
    tenantKey: string,
    keyKey: string,
    counterKey: string,
    ...args: string[]
  ): Promise<unknown>;
}

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** A client made with `createRedisClient` (fail-fast options). */
  readonly redis: Redis;
  /** Told when Redis fails and a decision falls back to this replica. */
  readonly logger?: WarnLogger;
  /** The clock of the fallback buckets. @default Date.now */
  readonly now?: () => number;
  /** The token quota to read the counter for (`createRedisTokenQuota(...).link`). */
  readonly quota?: QuotaLink;
}

/** Defines the script on `redis` once (ioredis sends EVALSHA and falls back to EVAL). */
function withScript(redis: Redis): Redis & RateLimitCommand {
  if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: RATE_LIMIT_LUA });
  if (!(COMMAND_WITH_QUOTA in redis)) {
    redis.defineCommand(COMMAND_WITH_QUOTA, { numberOfKeys: 3, lua: RATE_LIMIT_LUA });
  }
  return redis as Redis & RateLimitCommand;
}

type ScriptReply = [allowed: boolean, tenantTokens: number, keyTokens: number, used: number];

function parseReply(reply: unknown, length: 3 | 4): ScriptReply {
  if (!Array.isArray(reply) || reply.length !== length) throw new Error('unexpected rate-limit script reply');
  const [allowed, tenantTokens, keyTokens, used = 0] = reply.map(Number) as [number, number, number, number?];
  if (!Number.isFinite(tenantTokens) || !Number.isFinite(keyTokens) || !Number.isFinite(used)) {
    throw new Error('unexpected rate-limit script reply');
  }
  return [allowed === 1, tenantTokens, keyTokens, used];
}

/** Creates the Redis {@link RateLimiter}; see the module comment for its Redis-down policy. */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const redis = withScript(options.redis);
  const fallback = createInProcessRateLimiter({
    degraded: true,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  let failing = false;

  const { quota } = options;
  /** Runs the script; linked to the quota, with its counter, whose value goes to the quota. */
  const runScript = async (
    tenant: string,
    buckets: [string, string],
    args: string[],
  ): Promise<ScriptReply> => {
    if (quota === undefined) return parseReply(await redis.lmoRateLimit(...buckets, ...args), 3);
    const counter = quota.counterKey(tenant);
    const reply = parseReply(await redis.lmoRateLimitQuota(...buckets, counter, ...args), 4);
    quota.observed(counter, reply[3]);
    return reply;
  };
  const viaRedis = async (request: RateLimitRequest): Promise<RateLimitDecision> => {
    const tenantLimit = bucketLimit(request.requestsPerMinute);
    const keyLimit = bucketLimit(request.keyRequestsPerMinute ?? request.requestsPerMinute);
    const [allowed, tenantTokens, keyTokens] = await runScript(
      request.tenant,
      [tenantBucketKey(request.tenant), keyBucketKey(request.tenant, request.keyId)],
      [tenantLimit.capacity, tenantLimit.refillPerMs, keyLimit.capacity, keyLimit.refillPerMs, 1].map(String),
    );
    return rateLimitDecision(allowed, [
      { scope: 'tenant', tokens: tenantTokens, limit: tenantLimit },
      { scope: 'key', tokens: keyTokens, limit: keyLimit },
    ]);
  };

  return {
    async check(request) {
      try {
        const decision = await viaRedis(request);
        failing = false;
        return decision;
      } catch (error) {
        options.quota?.failed();
        if (!failing) {
          options.logger?.warn(
            { err: errorSummary(error), tenant: request.tenant },
            'Rate limit check failed in Redis; this replica enforces the limit alone until Redis answers',
          );
        }
        failing = true;
        return fallback.checkSync(request);
      }
    },
  };
}
