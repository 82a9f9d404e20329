// The I/O the issue requires of every request, and nothing else, for the floor's `--required-io`
// mode (floor-proxy.ts): one Redis script call shaped like the runtime's rate-limit check (a
// token bucket read and taken from in one EVALSHA, on the Redis server's clock), and one usage line
// appended to a file opened with O_DSYNC, the flags and call of the runtime's usage spool
// (mcp-runtime/src/metering/usage-spool.ts). A runtime that keeps its limits in Redis shared by its
// replicas and makes each usage event durable before answering cannot do less.
import { once } from 'node:events';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { failFastRedisOptions } from '../../mcp-runtime/src/limits/redis-client.ts';

/**
 * One token bucket (KEYS[1], a hash { tokens, ts (ms) }), as the runtime's script handles each of
 * its buckets: refill from the Redis server's `TIME`, take ARGV[3] tokens if there are enough,
 * store, and expire the key once it would be full again. ARGV: capacity, refill per ms, cost.
 * Returns { allowed (0|1), tokens left (a string: Lua numbers would be truncated) }.
 */
export const FLOOR_BUCKET_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local capacity, rate, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens, ts = tonumber(state[1]), tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
else
  tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
end
local allowed = 0
if tokens >= cost then
  allowed = 1
  tokens = tokens - cost
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
return { allowed, tostring(tokens) }
`;

/** A million requests a minute: a limit the bench never reaches, so every check admits. */
const CAPACITY = 1_000_000;
const REFILL_PER_MS = CAPACITY / 60_000;

/** The floor's own bucket, `lmo:bench-floor:{<run>}` (a hash tag, like the runtime's keys). Pure. */
export function floorBucketKey(run: string): string {
  return `lmo:bench-floor:{${run}}`;
}

/** What one answered request's usage line says. */
export interface UsageFields {
  readonly run: string;
  /** The request's number in this process. */
  readonly n: number;
  /** The provider's HTTP status. */
  readonly status: number;
  readonly latencyMs: number;
  /** When the provider answered (ms since the epoch). */
  readonly at: number;
}

/**
 * A usage line shaped like the runtime's usage event (the fields of `UsageEventV1`, about 300
 * bytes), newline included. Pure.
 */
export function usageLine(fields: UsageFields): string {
  const event = {
    version: 1,
    requestId: `req_bench-floor-${fields.run}-${String(fields.n).padStart(10, '0')}`,
    tenant: `bench-floor-${fields.run}`,
    keyId: 'key_benchfloor0001',
    model: 'gpt-4o-mini',
    provider: 'openai-compatible',
    tokensIn: 12,
    tokensOut: 7,
    cached: false,
    latencyMs: Math.round(fields.latencyMs * 1000) / 1000,
    status: fields.status < 400 ? 'ok' : 'error',
    transport: 'rest',
    tool: 'ask',
    time: new Date(fields.at).toISOString(),
  };
  return `${JSON.stringify(event)}\n`;
}

/** The required I/O of one floor process. */
export interface RequiredIo {
  /** One script call on the floor's bucket: whether the request may go on. */
  admit(): Promise<boolean>;
  /** One O_DSYNC append of `line`: resolves once it is on disk. */
  record(line: string): Promise<void>;
  /** Closes the file, deletes the bucket, disconnects. */
  close(): Promise<void>;
}

interface BucketCommand {
  lmoBenchFloorBucket(key: string, ...args: string[]): Promise<unknown>;
}

/**
 * Connects to Redis (the runtime's fail-fast client options; ioredis sends EVALSHA and falls back
 * to EVAL once) and opens `<dir>/usage.jsonl` with the spool's flags. Appends are not queued: each
 * request writes its own line (O_APPEND keeps every line whole).
 */
export async function openRequiredIo(options: {
  readonly redisUrl: string;
  readonly run: string;
  readonly dir: string;
}): Promise<RequiredIo> {
  const redis = new Redis(options.redisUrl, failFastRedisOptions()) as Redis & BucketCommand;
  await once(redis, 'ready');
  redis.defineCommand('lmoBenchFloorBucket', { numberOfKeys: 1, lua: FLOOR_BUCKET_LUA });
  const key = floorBucketKey(options.run);
  const args = [CAPACITY, REFILL_PER_MS, 1].map(String);
  // O_DSYNC: each write returns once its data (and the size it adds) is on disk.
  const file = await open(
    join(options.dir, 'usage.jsonl'),
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC,
  );
  return {
    admit: async () => {
      const reply = await redis.lmoBenchFloorBucket(key, ...args);
      return Array.isArray(reply) && Number(reply[0]) === 1;
    },
    record: async (line) => {
      const size = Buffer.byteLength(line);
      const { bytesWritten } = await file.write(line);
      if (bytesWritten !== size)
        throw new Error(`short write (${String(bytesWritten)} of ${String(size)} bytes)`);
    },
    close: async () => {
      await file.close();
      await redis.del(key).catch(() => undefined);
      redis.disconnect();
    },
  };
}
