// The pipeline's spans: one per LLM call with a child around the provider call, carrying tenant,
// model, request id and token counts — never the prompt or the answer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';
import { renderRuntimeConfig } from '@lmo/cdk8s/runtime-config';
import { validateTenantSpec, type TenantSpec } from '@lmo/contracts';
import type { TenantSnapshot } from '../../src/config/tenant-state.ts';
import { createLlmGateway } from '../../src/pipeline/llm-gateway.ts';
import { EchoProvider } from '../../src/providers/echo-provider.ts';

const spec = (validateTenantSpec({ displayName: 'Acme', owner: 'a@example.com' }) as { value: TenantSpec })
  .value;
const snapshot: TenantSnapshot = {
  config: renderRuntimeConfig({ name: 'acme', spec }, DEFAULT_PLATFORM_SETTINGS),
  secrets: { keyHashes: new Map(), providerApiKey: undefined, malformedEntries: [] },
  generation: 1,
};

// What NodeTracerProvider.register() installs in the runtime: context that follows async calls.
const contextManager = new AsyncLocalStorageContextManager();
beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
});
afterAll(() => {
  context.disable();
});

describe('tracing', () => {
  it('opens lmo.llm.complete with a child lmo.provider.complete, without prompt text', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const gateway = createLlmGateway({
      snapshot: () => snapshot,
      provider: () => Promise.resolve(new EchoProvider()),
      quota: { assertAvailable: () => Promise.resolve(), record: () => Promise.resolve() },
      cache: { lookup: () => Promise.resolve(undefined), store: () => Promise.resolve() },
      meter: { record: () => Promise.resolve() },
      tracer: provider.getTracer('test'),
    });
    await gateway.complete({
      principal: { tenant: 'acme', keyId: 'abcdefabcdef' },
      requestId: 'req-trace-01',
      transport: 'rest',
      signal: new AbortController().signal,
      messages: [{ role: 'user', content: 'a secret prompt' }],
    });
    const spans = exporter.getFinishedSpans();
    const call = spans.find((s) => s.name === 'lmo.llm.complete');
    const child = spans.find((s) => s.name === 'lmo.provider.complete');
    expect(call?.attributes['lmo.request_id']).toBe('req-trace-01');
    expect(call?.attributes['lmo.tenant']).toBe('acme');
    expect(call?.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    expect(child?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('secret prompt');
  });
});
