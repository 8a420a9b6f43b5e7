// Owns the OTLP/JSON encoding of the SDK's spans: attribute values as AnyValue, one span, and the
// ExportTraceServiceRequest body that carries them under the client's resource and scope.
import type { Envelope } from './queue.ts';

/** An attribute value, as OpenTelemetry allows: a primitive or a homogeneous array of primitives. */
export type AttributeValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly number[]
  | readonly boolean[];
/** Attributes to set; `null` and `undefined` values are skipped. */
export type Attributes = Readonly<Record<string, AttributeValue | null | undefined>>;

/** OTLP's span kinds and status codes (opentelemetry-proto trace.proto), as OTLP/JSON writes them. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;
export const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

/** The scope name every span of the SDK is reported under. */
export const SCOPE_NAME = '@llm-analytics/sdk';

type AnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number | string }
  | { arrayValue: { values: AnyValue[] } };

interface KeyValue {
  key: string;
  value: AnyValue;
}

/** A span once it has ended, in the SDK's terms; `encodeSpan` writes it as OTLP/JSON. */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  startNs: bigint;
  endNs: bigint;
  attributes: ReadonlyMap<string, AttributeValue>;
  events: readonly { name: string; timeNs: bigint; attributes: ReadonlyMap<string, AttributeValue> }[];
  status: { code: number; message: string | null };
}

function anyValue(v: AttributeValue): AnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') {
    // int64 is a decimal string in OTLP/JSON; NaN and ±Infinity are the strings protobuf's JSON mapping uses.
    if (Number.isSafeInteger(v)) return { intValue: String(v) };
    return { doubleValue: Number.isFinite(v) ? v : String(v) };
  }
  return { arrayValue: { values: (v as readonly (string | number | boolean)[]).map(anyValue) } };
}

function keyValues(attributes: ReadonlyMap<string, AttributeValue>): KeyValue[] {
  return [...attributes].map(([key, value]) => ({ key, value: anyValue(value) }));
}

/** Copies the set values of `attributes` into `into` (a later value replaces an earlier one). */
export function mergeAttributes(into: Map<string, AttributeValue>, attributes: Attributes | undefined): void {
  if (!attributes) return;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) into.set(key, value);
  }
}

/** One span as an OTLP/JSON Span object (hex ids, nanoseconds as decimal strings, enums as integers). */
export function encodeSpan(span: FinishedSpan): string {
  return JSON.stringify({
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: String(span.startNs),
    endTimeUnixNano: String(span.endNs),
    attributes: keyValues(span.attributes),
    ...(span.events.length
      ? {
          events: span.events.map((e) => ({
            timeUnixNano: String(e.timeNs),
            name: e.name,
            attributes: keyValues(e.attributes),
          })),
        }
      : {}),
    status: { code: span.status.code, ...(span.status.message ? { message: span.status.message } : {}) },
  });
}

/** The ExportTraceServiceRequest around encoded spans: one resource (`service.name`…), one scope. */
export function tracesEnvelope(serviceName: string): Envelope<'spans'> {
  const resource = keyValues(
    new Map<string, AttributeValue>([
      ['service.name', serviceName],
      ['telemetry.sdk.name', SCOPE_NAME],
      ['telemetry.sdk.language', 'nodejs'],
    ]),
  );
  const head = JSON.stringify({ resource: { attributes: resource } }).slice(0, -1);
  const scope = JSON.stringify({ name: SCOPE_NAME });
  return (groups) =>
    `{"resourceSpans":[${head},"scopeSpans":[{"scope":${scope},"spans":[${groups.spans.join(',')}]}]}]}`;
}
