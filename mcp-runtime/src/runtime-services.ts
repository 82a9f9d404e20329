/**
 * The runtime's services, real or embedded: with `--redis-url`, limits, cache and conversations live
 * in Redis and are shared by every replica; without it they live in this process (`make dev`, one
 * replica). With `--kafka-brokers`, usage events go to Kafka through an on-disk spool; without it,
 * to a local JSON-lines file the platform API reads in `make dev`.
 */
import type { Redis } from 'ioredis';
import { Kafka, logLevel as kafkaLogLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { createInProcessResponseCache, createRedisResponseCache, type ResponseCache } from './cache/index.ts';
import type { TenantState } from './config/tenant-state.ts';
import {
  createInProcessConversationStore,
  createRedisConversationStore,
  type ConversationStore,
} from './conversations/index.ts';
import { knexKnowledgeStore, openKnowledgeDatabase } from './knowledge/knex-knowledge-store.ts';
import type { KnowledgeStore } from './knowledge/knowledge-store.ts';
import {
  createInProcessRateLimiter,
  createInProcessTokenQuota,
  createRedisClient,
  createRedisRateLimiter,
  createRedisTokenQuota,
  redisReady,
  type RateLimiter,
  type TokenQuota,
} from './limits/index.ts';
import type { ConversationHistory } from './mcp/tool-deps.ts';
import { createKafkaUsagePublisher } from './metering/kafka-usage-publisher.ts';
import { createLocalUsagePublisher } from './metering/local-usage-publisher.ts';
import { createRuntimeMetrics, type RuntimeMetrics } from './metering/runtime-metrics.ts';
import type { UsagePublisher } from './metering/usage-publisher.ts';
import type { RequestAdmission } from './pipeline/admission.ts';
import type { CachePort, MeterPort, QuotaPort } from './pipeline/llm-gateway.ts';
import {
  admissionOver,
  cacheOver,
  conversationsOver,
  meterOver,
  quotaOver,
} from './pipeline/service-adapters.ts';
import type { RuntimeOptions } from './runtime-options.ts';

/** Everything the gate and the pipeline talk to. */
export interface RuntimeServices {
  readonly admission: RequestAdmission;
  readonly quota: QuotaPort;
  readonly cache: CachePort;
  readonly conversations: ConversationHistory;
  readonly meter: MeterPort;
  readonly metrics: RuntimeMetrics;
  readonly usage: UsagePublisher;
  readonly knowledge: KnowledgeStore | undefined;
  close(): Promise<void>;
}

/** How long the gate's reading of the token counter stands in for a quota check's own GET. */
const QUOTA_READING_TTL_MS = 100;

interface StateServices {
  readonly limiter: RateLimiter;
  readonly quota: TokenQuota;
  readonly cache: ResponseCache;
  readonly conversations: ConversationStore;
}

function stateServices(
  options: RuntimeOptions,
  state: TenantState,
  redis: Redis | undefined,
  logger: Logger,
): StateServices {
  const tokensPerMonth = (): number => state.current().config.limits.tokensPerMonth;
  if (redis === undefined) {
    return {
      limiter: createInProcessRateLimiter(),
      quota: createInProcessTokenQuota({ tokensPerMonth }),
      cache: createInProcessResponseCache({ ttlSeconds: options.cacheTtlSeconds }),
      conversations: createInProcessConversationStore(),
    };
  }
  // The gate's rate-limit script also reads the quota counter; an LLM call right behind it checks
  // its quota on that reading instead of a round trip of its own (see limits/quota-link.ts).
  const quota = createRedisTokenQuota({ redis, logger, tokensPerMonth, readingTtlMs: QUOTA_READING_TTL_MS });
  return {
    limiter: createRedisRateLimiter({ redis, logger, quota: quota.link }),
    quota,
    cache: createRedisResponseCache({ redis, ttlSeconds: options.cacheTtlSeconds, logger }),
    conversations: createRedisConversationStore({ redis }),
  };
}

async function usagePublisher(
  options: RuntimeOptions,
  metrics: RuntimeMetrics,
  logger: Logger,
): Promise<UsagePublisher> {
  if (options.kafkaBrokers === undefined) return createLocalUsagePublisher({ path: options.eventsFile });
  const kafka = new Kafka({
    clientId: 'lmo-mcp-runtime',
    brokers: [...options.kafkaBrokers],
    logLevel: kafkaLogLevel.NOTHING,
  });
  return createKafkaUsagePublisher({
    kafka,
    topic: options.usageTopic,
    spoolDir: options.spoolDir,
    logger,
    metrics,
  });
}

/** Connects the services the options name. */
/** Services given from outside instead of built from the options (tests, embedding). */
export interface ServiceOverrides {
  readonly knowledge?: KnowledgeStore;
}

export async function createRuntimeServices(
  options: RuntimeOptions,
  state: TenantState,
  logger: Logger,
  overrides: ServiceOverrides = {},
): Promise<RuntimeServices> {
  const metrics = createRuntimeMetrics();
  const redis = options.redisUrl === undefined ? undefined : createRedisClient(options.redisUrl, { logger });
  // Serve only once Redis answers (or after a bounded wait: then the Redis-down policies apply).
  if (redis !== undefined && !(await redisReady(redis, 5000))) {
    logger.warn('Redis is not reachable yet; serving with the Redis-down policies until it is');
  }
  const s = stateServices(options, state, redis, logger);
  const usage = await usagePublisher(options, metrics, logger);
  const knowledgeDb =
    options.knowledgeDatabaseUrl === undefined
      ? undefined
      : openKnowledgeDatabase(options.knowledgeDatabaseUrl);
  return {
    admission: admissionOver(s.limiter, () => state.current(), metrics),
    quota: quotaOver(s.quota),
    cache: cacheOver(s.cache, metrics),
    conversations: conversationsOver(s.conversations),
    meter: meterOver(metrics, usage, logger),
    metrics,
    usage,
    knowledge:
      overrides.knowledge ?? (knowledgeDb === undefined ? undefined : knexKnowledgeStore(knowledgeDb)),
    close: async () => {
      await usage.close();
      await knowledgeDb?.destroy();
      redis?.disconnect();
    },
  };
}
