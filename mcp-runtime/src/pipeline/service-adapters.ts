/**
 * Adapters from the runtime's services (limits, cache, conversations, metrics, usage events) to the
 * ports the gate and the pipeline use. Each is small and decides nothing the modules behind it
 * already decide.
 */
import { randomUUID } from 'node:crypto';
import { LmoError, type UsageEventV1 } from '@lmo/contracts';
import type { Logger } from 'pino';
import { responseCacheKey, type ResponseCache } from '../cache/index.ts';
import type { TenantSnapshot } from '../config/tenant-state.ts';
import type { ConversationStore } from '../conversations/index.ts';
import { rateLimitedError, rateLimitHeaders, type RateLimiter, type TokenQuota } from '../limits/index.ts';
import type { ConversationHistory } from '../mcp/tool-deps.ts';
import type { RuntimeMetrics } from '../metering/runtime-metrics.ts';
import type { UsagePublisher } from '../metering/usage-publisher.ts';
import type { RequestAdmission } from './admission.ts';
import type { CachePort, MeterPort, MeterRecord, QuotaPort } from './llm-gateway.ts';

/** The gate's rate limits over a {@link RateLimiter}. */
export function admissionOver(
  limiter: RateLimiter,
  snapshot: () => TenantSnapshot,
  metrics: RuntimeMetrics,
): RequestAdmission {
  return {
    admit: async (principal) => {
      const decision = await limiter.check({
        tenant: principal.tenant,
        keyId: principal.keyId,
        requestsPerMinute: snapshot().config.limits.requestsPerMinute,
      });
      const headers = rateLimitHeaders(decision);
      if (decision.allowed) return { headers };
      metrics.recordRateLimited(principal.tenant);
      const refusal = rateLimitedError(decision);
      throw new LmoError('LMO_RATE_LIMITED', refusal.message, { details: { ...refusal.details, headers } });
    },
  };
}

/** The pipeline's quota over a {@link TokenQuota} (whose `check` throws when used up or unknown). */
export function quotaOver(quota: TokenQuota): QuotaPort {
  return {
    assertAvailable: async (tenant) => {
      await quota.check(tenant);
    },
    record: (tenant, tokens) => quota.record(tenant, tokens),
  };
}

/** The pipeline's cache over a {@link ResponseCache}, counting hits and misses. */
export function cacheOver(cache: ResponseCache, metrics: RuntimeMetrics): CachePort {
  const keyOf = (request: Parameters<CachePort['lookup']>[0]): string =>
    responseCacheKey(request.tenant, {
      provider: request.provider as Parameters<typeof responseCacheKey>[1]['provider'],
      model: request.model,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      messages: request.messages,
      kind: 'completion',
    });
  return {
    lookup: async (request) => {
      const hit = await cache.get(keyOf(request));
      const subject = { tenant: request.tenant, model: request.model };
      if (hit === undefined) metrics.recordCacheMiss(subject);
      else metrics.recordCacheHit(subject);
      return hit;
    },
    store: (request, completion) => cache.set(keyOf(request), completion),
  };
}

/** Server-kept conversations over a {@link ConversationStore}: scoped to tenant and key. */
export function conversationsOver(store: ConversationStore): ConversationHistory {
  return {
    load: (principal, id) => store.load({ tenant: principal.tenant, keyId: principal.keyId }, id),
    append: (principal, id, messages) =>
      store.append({ tenant: principal.tenant, keyId: principal.keyId }, id, messages),
  };
}

/** The usage event of a finished call. */
export function usageEventOf(record: MeterRecord, time: Date): UsageEventV1 {
  return {
    version: 1,
    eventId: randomUUID(),
    requestId: record.context.requestId,
    tenant: record.context.principal.tenant,
    keyId: record.context.principal.keyId,
    model: record.model,
    provider: record.provider as UsageEventV1['provider'],
    tokensIn: record.usage.tokensIn,
    tokensOut: record.usage.tokensOut,
    cached: record.cached,
    latencyMs: Math.round(record.latencyMs * 1000) / 1000,
    status: record.status,
    // A cancelled call is the client's doing, not an error with a code.
    ...(record.status === 'ok' || record.status === 'cancelled' || record.error === undefined
      ? {}
      : { errorCode: record.error.code }),
    transport: record.context.transport,
    ...(record.context.tool === undefined ? {} : { tool: record.context.tool }),
    time: time.toISOString(),
  };
}

/**
 * Metrics, one log line and the usage event of every finished call. The event is durable before the
 * answer leaves. The log line names request, tenant and key id — never the key, never prompt text.
 */
export function meterOver(
  metrics: RuntimeMetrics,
  publisher: UsagePublisher,
  logger: Pick<Logger, 'info'>,
  now: () => Date = () => new Date(),
): MeterPort {
  return {
    record: async (record) => {
      logger.info(
        {
          requestId: record.context.requestId,
          tenant: record.context.principal.tenant,
          keyId: record.context.principal.keyId,
          transport: record.context.transport,
          tool: record.context.tool,
          model: record.model,
          status: record.status,
          errorCode: record.error?.code,
          tokensIn: record.usage.tokensIn,
          tokensOut: record.usage.tokensOut,
          cached: record.cached,
          latencyMs: Math.round(record.latencyMs),
        },
        'llm call',
      );
      const subject = { tenant: record.context.principal.tenant, model: record.model };
      metrics.recordRequest({
        ...subject,
        transport: record.context.transport,
        status: record.status,
        durationSeconds: record.latencyMs / 1000,
      });
      metrics.recordTokens(subject, record.usage);
      // Built here from checked inputs: the publisher skips the schema check (see usageRecord).
      await publisher.publish(usageEventOf(record, now()), { trusted: true });
      metrics.setUsageEventsPending(publisher.pending());
    },
  };
}
