/**
 * OpenTelemetry for LMO's processes: `startTracing` registers an OTLP/HTTP exporter when the
 * standard environment variables ask for one (`OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `..._TRACES_ENDPOINT`; without them the API's no-op tracer costs next to nothing), and `inSpan`
 * runs work in a span. Spans carry ids, names and counts — never prompt text, keys or passwords.
 */
import { SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** A named tracer (no-op until a provider is registered). */
export function lmoTracer(name: string): Tracer {
  return trace.getTracer(name);
}

/** Runs `work` in a span, recording failures; the span ends when `work` settles. */
export async function inSpan<T>(
  tracer: Tracer,
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Registers a tracer provider exporting over OTLP/HTTP when the standard environment variables ask
 * for it. Returns a shutdown function (flushes pending spans), or undefined when tracing is off.
 */
export function startTracing(
  env: NodeJS.ProcessEnv,
  service = 'lmo-mcp-runtime',
): (() => Promise<void>) | undefined {
  if (
    env['OTEL_EXPORTER_OTLP_ENDPOINT'] === undefined &&
    env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] === undefined
  ) {
    return undefined;
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env['OTEL_SERVICE_NAME'] ?? service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return () => provider.shutdown();
}
