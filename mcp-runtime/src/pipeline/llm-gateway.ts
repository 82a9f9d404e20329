/**
 * The request pipeline behind every LLM tool and the REST API: quota → cache → provider → metering.
 * (Rate limits run earlier, at the gate, for every request.) Decisions are made here; the I/O sits
 * behind the ports passed in, so the same pipeline runs on Redis and Kafka in a cluster and
 * in-process in `make dev`.
 */
import { toLmoError, type UsageStatus } from '@lmo/contracts';
import type { Span, Tracer } from '@opentelemetry/api';
import type { TenantSnapshot } from '../config/tenant-state.ts';
import type { ChatMessage, Completion, LlmProvider, TokenUsage } from '../providers/llm-provider.ts';
import { inSpan, lmoTracer } from '@lmo/telemetry';
import type {
  CallContext,
  CompletionCall,
  CompletionOutcome,
  EmbeddingCall,
  EmbeddingOutcome,
  LlmGateway,
} from './llm-call.ts';

/** A request as the response cache keys it. */
export interface CacheableRequest {
  readonly tenant: string;
  readonly provider: string;
  readonly model: string;
  readonly temperature: number;
  readonly maxTokens: number;
  readonly messages: readonly ChatMessage[];
}

/** The response cache, as the pipeline uses it. Failures are misses (the cache fails open). */
export interface CachePort {
  lookup(request: CacheableRequest): Promise<Completion | undefined>;
  store(request: CacheableRequest, completion: Completion): Promise<void>;
}

/** The monthly token quota. */
export interface QuotaPort {
  /** @throws {LmoError} `LMO_QUOTA_EXCEEDED`, or `LMO_DEPENDENCY_UNAVAILABLE` when it cannot tell (fails closed). */
  assertAvailable(tenant: string): Promise<void>;
  record(tenant: string, tokens: number): Promise<void>;
}

/** One finished call, for metrics and the usage event. */
export interface MeterRecord {
  readonly context: CallContext;
  readonly provider: string;
  readonly model: string;
  readonly usage: TokenUsage;
  readonly cached: boolean;
  readonly latencyMs: number;
  readonly status: UsageStatus;
  readonly error?: ReturnType<typeof toLmoError>;
}

/** Metrics and usage events. */
export interface MeterPort {
  /** @throws {LmoError} `LMO_DEPENDENCY_UNAVAILABLE` when the event cannot be kept (spool full). */
  record(record: MeterRecord): Promise<void>;
}

/** What the pipeline needs. */
export interface GatewayPorts {
  readonly snapshot: () => TenantSnapshot;
  /** The provider for a snapshot's settings (built once per configuration generation). */
  readonly provider: (snapshot: TenantSnapshot) => Promise<LlmProvider>;
  readonly quota: QuotaPort;
  readonly cache: CachePort;
  readonly meter: MeterPort;
  /** The monotonic clock in milliseconds. @default performance.now */
  readonly now?: () => number;
  /** Where spans go. @default the global OpenTelemetry tracer of the runtime */
  readonly tracer?: Tracer;
  /** Logs prompt and answer text at debug level when set (`--log-prompts`); off by default. */
  readonly promptLog?: (entry: {
    requestId: string;
    messages: readonly ChatMessage[];
    answer: string;
  }) => void;
}

/** Whether a call may use the exact-match cache: deterministic (temperature 0) or opted in. */
export function isCacheable(temperature: number, optIn: boolean | undefined): boolean {
  return temperature === 0 || optIn === true;
}

/** The status a failure is recorded with. */
export function statusOf(error: unknown, signal: AbortSignal): UsageStatus {
  if (signal.aborted) return 'cancelled';
  const code = toLmoError(error).code;
  if (code === 'LMO_PROVIDER_TIMEOUT' || code === 'LMO_DEADLINE_EXCEEDED') return 'timeout';
  if (code === 'LMO_QUOTA_EXCEEDED') return 'quota_exceeded';
  if (code === 'LMO_RATE_LIMITED') return 'rate_limited';
  if (code === 'LMO_TOOL_INPUT_INVALID' || code === 'LMO_VALIDATION_FAILED') return 'invalid_request';
  return 'error';
}

function messagesWithSystem(call: CompletionCall, snapshot: TenantSnapshot): ChatMessage[] {
  const system = call.system ?? snapshot.config.model.systemPrompt;
  return system === undefined || system === ''
    ? [...call.messages]
    : [{ role: 'system', content: system }, ...call.messages];
}

const ZERO: TokenUsage = { tokensIn: 0, tokensOut: 0 };

/** What a call computed, and the writes it started that the answer must wait for. */
interface Work<T> {
  readonly value: T;
  readonly usage: TokenUsage;
  readonly cached: boolean;
  /** Settles once the quota count (and a cache entry) are written. */
  readonly settling?: Promise<unknown>;
}

/** Builds the pipeline. */
export function createLlmGateway(ports: GatewayPorts): LlmGateway {
  const now = ports.now ?? (() => performance.now());
  const tracer = ports.tracer ?? lmoTracer('lmo-mcp-runtime');

  async function finish<T>(
    context: CallContext,
    meta: { provider: string; model: string; span: string },
    work: () => Promise<Work<T>>,
  ): Promise<T> {
    const attributes = {
      'lmo.tenant': context.principal.tenant,
      'lmo.key_id': context.principal.keyId,
      'lmo.request_id': context.requestId,
      'lmo.transport': context.transport,
      'gen_ai.system': meta.provider,
      'gen_ai.request.model': meta.model,
    };
    return inSpan(tracer, meta.span, attributes, (span) => measure(context, meta, span, work));
  }

  async function measure<T>(
    context: CallContext,
    meta: { provider: string; model: string },
    span: Span,
    work: () => Promise<Work<T>>,
  ): Promise<T> {
    const started = now();
    let metered = false;
    try {
      const { value, usage, cached, settling } = await work();
      span.setAttributes({
        'gen_ai.usage.input_tokens': usage.tokensIn,
        'gen_ai.usage.output_tokens': usage.tokensOut,
        'lmo.cached': cached,
      });
      // The usage event and what the call still writes (quota count, cache entry) go out together;
      // the answer waits for both.
      const [event, rest] = await Promise.allSettled([
        ports.meter.record({ context, ...meta, usage, cached, latencyMs: now() - started, status: 'ok' }),
        settling,
      ]);
      if (event.status === 'rejected') throw event.reason;
      metered = true;
      if (rest.status === 'rejected') throw rest.reason;
      return value;
    } catch (error) {
      const status = statusOf(error, context.signal);
      const failure = toLmoError(error);
      // One usage event per call: none more when the call's own was kept.
      if (!metered) {
        await ports.meter
          .record({
            context,
            ...meta,
            usage: ZERO,
            cached: false,
            latencyMs: now() - started,
            status,
            error: failure,
          })
          .catch(() => undefined);
      }
      throw context.signal.aborted ? error : failure;
    }
  }

  async function complete(call: CompletionCall): Promise<CompletionOutcome> {
    const snapshot = ports.snapshot();
    const { model } = snapshot.config;
    const tenant = snapshot.config.tenant.name;
    return finish(
      call,
      { provider: model.provider, model: model.model, span: 'lmo.llm.complete' },
      async () => {
        const request: CacheableRequest = {
          tenant,
          provider: model.provider,
          model: model.model,
          temperature: call.temperature ?? model.temperature,
          maxTokens: call.maxTokens ?? model.maxTokens,
          messages: messagesWithSystem(call, snapshot),
        };
        const cacheable = isCacheable(request.temperature, call.cache);
        const hit = cacheable ? await ports.cache.lookup(request) : undefined;
        if (hit !== undefined) {
          call.onDelta?.(hit.text);
          return { value: outcome(hit, true, call.requestId), usage: ZERO, cached: true };
        }
        await ports.quota.assertAvailable(tenant);
        const provider = await ports.provider(snapshot);
        const completion = await inSpan(
          tracer,
          'lmo.provider.complete',
          { 'gen_ai.system': model.provider },
          () => provider.complete({ ...request, signal: call.signal }, call.onDelta),
        );
        const settling = Promise.all([
          ports.quota.record(tenant, completion.usage.tokensIn + completion.usage.tokensOut),
          cacheable ? ports.cache.store(request, completion) : undefined,
        ]);
        ports.promptLog?.({ requestId: call.requestId, messages: request.messages, answer: completion.text });
        const value = outcome(completion, false, call.requestId);
        return { value, usage: completion.usage, cached: false, settling };
      },
    );
  }

  async function embed(call: EmbeddingCall): Promise<EmbeddingOutcome> {
    const snapshot = ports.snapshot();
    const { model } = snapshot.config;
    const tenant = snapshot.config.tenant.name;
    const embeddingModel = model.embeddingModel ?? model.model;
    return finish(
      call,
      { provider: model.provider, model: embeddingModel, span: 'lmo.llm.embed' },
      async () => {
        await ports.quota.assertAvailable(tenant);
        const provider = await ports.provider(snapshot);
        const result = await inSpan(tracer, 'lmo.provider.embed', { 'gen_ai.system': model.provider }, () =>
          provider.embed({
            input: call.input,
            signal: call.signal,
            ...(call.dimensions === undefined ? {} : { dimensions: call.dimensions }),
            ...(model.embeddingModel === undefined ? {} : { model: model.embeddingModel }),
          }),
        );
        const settling = ports.quota.record(tenant, result.usage.tokensIn + result.usage.tokensOut);
        const value = {
          vectors: result.vectors,
          model: result.model,
          usage: result.usage,
          requestId: call.requestId,
        };
        return { value, usage: result.usage, cached: false, settling };
      },
    );
  }

  return { complete, embed };
}

function outcome(completion: Completion, cached: boolean, requestId: string): CompletionOutcome {
  return {
    text: completion.text,
    model: completion.model,
    usage: cached ? ZERO : completion.usage,
    cached,
    finishReason: completion.finishReason,
    requestId,
  };
}
