// Owns the spans the trace tests send: made by the OpenTelemetry JS SDK (a real tracer, real ids and clocks),
// and what each must be stored as, computed from the SDK's own span objects (not from our decoder).
import { type Attributes, context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export const SERVICE = 'checkout-api';

/** A trace of three spans (server root, client child with an event and a link, an errored internal span)
 *  and a second one-span trace, with attributes of every type the API allows. */
export async function makeSpans(): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': SERVICE, 'deployment.environment': 'test' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('trace-tests', '1.2.3');
  const other = tracer.startSpan('background-job', { kind: SpanKind.CONSUMER });
  other.end();
  const root = tracer.startSpan('POST /chat', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.method': 'POST',
      'http.status_code': 200,
      'app.ratio': 0.25,
      'app.flag': true,
      'app.tags': ['a', 'b'],
      'app.sizes': [1, 2, 3],
      'gen_ai.request.model': 'gpt-4o',
      'unknown.vendor.attribute': 'kept',
    },
  });
  const inRoot = trace.setSpan(context.active(), root);
  const child = tracer.startSpan(
    'chat gpt-4o',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'gen_ai.usage.input_tokens': 12, 'gen_ai.usage.output_tokens': 34 },
      links: [{ context: other.spanContext(), attributes: { 'link.reason': 'triggered-by' } }],
    },
    inRoot,
  );
  child.addEvent('gen_ai.content.prompt', { 'gen_ai.prompt': 'hello' });
  await new Promise((r) => setTimeout(r, 3));
  child.end();
  const failed = tracer.startSpan('tool lookup', { kind: SpanKind.INTERNAL }, inRoot);
  failed.setStatus({ code: SpanStatusCode.ERROR, message: 'lookup failed' });
  failed.end();
  root.setStatus({ code: SpanStatusCode.OK });
  root.end();
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

const nanos = ([s, ns]: [number, number]) => BigInt(s) * 1_000_000_000n + BigInt(ns);
/** Epoch microseconds of an HrTime: what both engines' timestamps keep. */
export const micros = (t: [number, number]) => Number(nanos(t) / 1000n);

/** The row (as the test reads it back) that `s` must be stored as. */
export function expectedRow(s: ReadableSpan): Record<string, unknown> {
  const plain = (a: Attributes) => JSON.parse(JSON.stringify(a));
  return {
    trace_id: s.spanContext().traceId,
    span_id: s.spanContext().spanId,
    parent_span_id: s.parentSpanContext?.spanId ?? null,
    name: s.name,
    kind:
      [SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER].indexOf(
        s.kind,
      ) + 1,
    start_us: micros(s.startTime),
    end_us: micros(s.endTime),
    duration_ms: Number(nanos(s.endTime) - nanos(s.startTime)) / 1e6,
    status_code: s.status.code,
    status_message: s.status.message ?? null,
    attributes: plain(s.attributes),
    resource_attributes: plain(s.resource.attributes),
    events: s.events.length
      ? s.events.map((e) => ({
          name: e.name,
          time_ms: micros(e.time) / 1000,
          attributes: plain(e.attributes ?? {}),
        }))
      : null,
    links: s.links.length
      ? s.links.map((l) => ({
          trace_id: l.context.traceId,
          span_id: l.context.spanId,
          trace_state: null,
          attributes: plain(l.attributes ?? {}),
        }))
      : null,
    service_name: SERVICE,
    scope_name: s.instrumentationScope.name,
    scope_version: s.instrumentationScope.version ?? null,
  };
}
