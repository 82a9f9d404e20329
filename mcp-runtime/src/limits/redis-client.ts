/**
 * The runtime's Redis connection, set up to fail fast. Rate limits, the token quota, the response
 * cache and conversation history all share one client; each decides for itself what a failed
 * command means (see "When Redis is down" in mcp-runtime/README.md). For those decisions to cost
 * milliseconds rather than seconds, a command must never wait for a dead server:
 *
 * - `enableOfflineQueue: false`: while disconnected, a command fails at once instead of queueing;
 * - `commandTimeout`: a connected but unresponsive server fails the command after a few hundred ms;
 * - `maxRetriesPerRequest: 1`: a command is re-sent at most once after a reconnect.
 *
 * The client keeps reconnecting in the background (ioredis' default retry strategy), so the first
 * command after Redis returns succeeds again.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { errorSummary, type WarnLogger } from './warn-logger.ts';

/** Tuning of {@link createRedisClient}. */
export interface RedisClientOptions {
  /** Milliseconds before a sent command counts as failed. @default 500 */
  readonly commandTimeoutMs?: number;
  /** Milliseconds to establish a connection. @default 1000 */
  readonly connectTimeoutMs?: number;
  /** Told about connection errors (without it they are dropped: the modules report failed commands). */
  readonly logger?: WarnLogger;
}

/** The fail-fast options {@link createRedisClient} uses, for callers that build their own client. */
export function failFastRedisOptions(
  options: RedisClientOptions = {},
): Required<
  Pick<
    RedisOptions,
    'commandTimeout' | 'connectTimeout' | 'maxRetriesPerRequest' | 'enableOfflineQueue' | 'disconnectTimeout'
  >
> {
  return {
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: options.connectTimeoutMs ?? 1000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // A closing client waits this long for the socket before destroying it (shutdown stays quick).
    disconnectTimeout: 500,
  };
}

/**
 * Connects to `url` (`redis://` or `rediss://`) with {@link failFastRedisOptions}. Connection errors
 * are logged at most once per outage, without the URL (it may carry a password).
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const redis = new Redis(url, failFastRedisOptions(options));
  let reported = false;
  redis.on('error', (error: unknown) => {
    if (reported) return;
    reported = true;
    options.logger?.warn({ err: errorSummary(error) }, 'Redis connection failed; retrying in the background');
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

/**
 * Waits until `redis` is ready, at most `timeoutMs`. Commands sent before that fail (there is no
 * offline queue), so the runtime awaits this at start-up. Resolves `false` on timeout; never throws.
 */
export async function redisReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (ready: boolean): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = (): void => {
      done(true);
    };
    const timer = setTimeout(() => {
      done(false);
    }, timeoutMs);
    redis.on('ready', onReady);
  });
}
