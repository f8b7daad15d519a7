import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces across gateway → exchange → countries, W3C `traceparent` between them.
 * Off by default: without `setupTracing` the API is a no-op (no span is recorded, no header is
 * added, nothing is sent). `OTEL_EXPORTER_OTLP_ENDPOINT` (read by core/config.ts) turns on the
 * OTLP/HTTP exporter; tests pass an in-memory exporter instead.
 */
const tracer = () => trace.getTracer('lmis-gateway');

export interface Tracing {
  /** Sends what is buffered, then switches tracing off again. */
  shutdown(): Promise<void>;
}

export function setupTracing(options: { serviceName: string; otlpEndpoint?: string | undefined; exporter?: SpanExporter }): Tracing | undefined {
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : options.otlpEndpoint
      ? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }))
      : undefined;
  if (!processor) return undefined;
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': options.serviceName }), spanProcessors: [processor] });
  // Sets the global provider, the async-local context and the W3C trace-context propagator.
  provider.register();
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Runs `work` in a server span continuing the caller's trace (its `traceparent`, when sent). */
export function inServerSpan<T>(name: string, headers: IncomingHttpHeaders, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, (span) => finish(span, work));
}

/** Runs `work` in a client span; `headers` carries its `traceparent` to the service called. */
export function inClientSpan<T>(name: string, attributes: Attributes, work: (headers: Record<string, string>, span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, (span) => {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    return finish(span, (s) => work(headers, s));
  });
}

async function finish<T>(span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await work(span);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
