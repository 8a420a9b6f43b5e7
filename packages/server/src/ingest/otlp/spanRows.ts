// Owns turning a decoded ExportTraceServiceRequest into span rows: both encodings normalised (ids to
// lowercase hex, int64 nanoseconds to milliseconds, attribute values to plain JSON), invalid spans counted
// and described instead of stored.
import { isStorableText } from '@llm-analytics/core';
import { ApiError } from '../../http/ApiError.ts';
import type { SpanRow } from '../../store/RowSet.ts';
import { readGenAi } from './genai/readGenAi.ts';
import { TRACE_PROTO } from './traceProto.ts';

/**
 * The request as the decoder gives it: protobufjs messages (bytes as Uint8Array, int64 as Long, enums as
 * numbers, unset fields falling back to their defaults on the prototype) or parsed JSON (hex ids, int64 as
 * strings or numbers). Fields are lowerCamelCase, as OTLP/JSON requires; snake_case is accepted too.
 */
type Obj = Record<string, unknown>;

export interface SpanRows {
  rows: SpanRow[];
  rejected: number;
  /** Why spans were rejected, the first few. */
  reasons: string[];
}

const MAX_REASONS = 5;
/** Attribute values nest (arrays, key-value lists); deeper than this they are stored as null. */
const MAX_DEPTH = 32;

class InvalidSpan extends Error {}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SNAKE = new Map<string, string>();
/** `k` in snake_case, computed once per field name (this runs for every field of every span). */
function snake(k: string): string {
  let s = SNAKE.get(k);
  if (s === undefined) {
    s = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    SNAKE.set(k, s);
  }
  return s;
}
/** Field `k` of `o`, under its lowerCamelCase name or its proto (snake_case) one. */
const field = (o: Obj, k: string): unknown => o[k] ?? o[snake(k)];
const list = (o: Obj, k: string): unknown[] => {
  const v = field(o, k);
  return Array.isArray(v) ? v : [];
};
/**
 * `s` storable on both engines: NUL (which PostgreSQL cannot store) and unpaired surrogates (no UTF-8 form;
 * jsonb refuses their escapes) become U+FFFD. One span's odd text must not fail the commit it shares.
 */
const LONE_SURROGATE = /\p{Cs}/gu;
function clean(s: string): string {
  return isStorableText(s) ? s : s.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd');
}
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? clean(v) : null);
const name = (v: unknown): string => (typeof v === 'string' ? clean(v) : '');

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** The id as lowercase hex; null when absent; InvalidSpan when it is not `bytes` long or (if `required`) zero. */
function hexId(v: unknown, bytes: number, what: string, required: boolean): string | null {
  let hex: string | undefined;
  // An unset bytes field of a protobuf message reads its prototype default, an empty array.
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) hex = '';
  else if (v instanceof Uint8Array) hex = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  else if (typeof v === 'string' && /^[0-9a-fA-F]*$/.test(v)) hex = v.toLowerCase();
  else if (typeof v === 'string' && v.length === base64Length(bytes) && /^[A-Za-z0-9+/]+=*$/.test(v))
    // Generic protobuf-JSON encoders send bytes as base64; at these lengths it cannot be mistaken for hex.
    hex = Buffer.from(v, 'base64').toString('hex');
  if (hex === '' && !required) return null;
  if (hex === undefined || hex.length !== bytes * 2)
    throw new InvalidSpan(`${what} must be ${bytes} bytes (${bytes * 2} hex digits)`);
  if (/^0+$/.test(hex)) {
    if (required) throw new InvalidSpan(`${what} must not be all zero`);
    return null;
  }
  return hex;
}

/** protobufjs's int64: two 32-bit halves. */
interface Long {
  low: number;
  high: number;
  unsigned: boolean;
}
const isLong = (v: unknown): v is Long =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Long).low === 'number' &&
  typeof (v as Long).high === 'number';
const longBits = (v: Long) => (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);

/** An unsigned int64 (nanoseconds) sent as a Long, a decimal string or a number; absent is 0. */
function nanos(v: unknown, what: string): bigint {
  if (v === undefined || v === null) return 0n;
  if (isLong(v)) return longBits(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  throw new InvalidSpan(`${what} must be an unsigned integer of nanoseconds`);
}

/** Epoch nanoseconds as epoch milliseconds, to the microsecond (what both engines' timestamps hold). */
const toMs = (ns: bigint) => Number(ns / 1000n) / 1000;

/** An enum sent as its number (or, leniently, its name); unknown names are 0. */
function enumValue(v: unknown, values: Record<string, number>): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : (values[v] ?? 0);
  return 0;
}

/** The oneof member `k` of `o` if it is set: own properties only (a protobuf message's prototype holds defaults). */
function member(o: Obj, k: string): unknown {
  if (Object.hasOwn(o, k)) return o[k];
  const s = snake(k);
  return Object.hasOwn(o, s) ? o[s] : undefined;
}

/** int64 as a number, or as its decimal string beyond 2^53. */
function int64(x: unknown): number | string {
  if (isLong(x)) {
    const n = (x.unsigned ? x.high >>> 0 : x.high) * 2 ** 32 + (x.low >>> 0);
    if (Number.isSafeInteger(n)) return n;
    return String(x.unsigned ? longBits(x) : BigInt.asIntN(64, longBits(x)));
  }
  const n = Number(x);
  return Number.isSafeInteger(n) ? n : String(x);
}

/** An AnyValue as plain JSON: int64 beyond 2^53 stays a decimal string, bytes become base64. */
function plain(v: unknown, depth: number): unknown {
  if (!isObj(v) || depth > MAX_DEPTH) return null;
  let x = member(v, 'stringValue');
  if (x !== undefined && x !== null) return clean(String(x));
  x = member(v, 'boolValue');
  if (x !== undefined && x !== null) return x === true || x === 'true';
  x = member(v, 'intValue');
  if (x !== undefined && x !== null) return int64(x);
  x = member(v, 'doubleValue');
  if (x !== undefined && x !== null) {
    const n = Number(x);
    return Number.isFinite(n) ? n : String(x); // NaN and ±Infinity have no JSON number
  }
  x = member(v, 'arrayValue');
  if (isObj(x)) return list(x, 'values').map((e) => plain(e, depth + 1));
  x = member(v, 'kvlistValue');
  if (isObj(x)) return attributes(list(x, 'values'), depth + 1);
  x = member(v, 'bytesValue');
  if (x instanceof Uint8Array) return Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');
  if (typeof x === 'string') return clean(x); // OTLP/JSON sends bytes as base64 already
  return null;
}

/** Key-value pairs as one JSON object (a later duplicate key wins); every attribute is kept. */
function attributes(kvs: unknown[], depth = 0): Record<string, unknown> {
  const pairs: [string, unknown][] = [];
  for (const kv of kvs) {
    if (!isObj(kv) || typeof kv.key !== 'string') continue;
    pairs.push([clean(kv.key), plain(kv.value, depth)]);
  }
  // fromEntries defines own properties: a "__proto__" attribute stays an attribute.
  return Object.fromEntries(pairs);
}

const json = (v: unknown) => JSON.stringify(v);

/** The span rows of `request` for workspace `ws`; a request whose shape is not OTLP's is a 400. */
export function spanRows(request: unknown, ws: string): SpanRows {
  if (!isObj(request)) throw undecodable('the body must be an ExportTraceServiceRequest object');
  const resourceSpans = field(request, 'resourceSpans') ?? [];
  if (!Array.isArray(resourceSpans)) throw undecodable('resourceSpans must be an array');
  const out: SpanRows = { rows: [], rejected: 0, reasons: [] };
  for (const [ri, rs] of resourceSpans.entries()) {
    if (!isObj(rs)) throw undecodable(`resourceSpans[${ri}] must be an object`);
    const resource = field(rs, 'resource');
    const resourceAttrs = attributes(isObj(resource) ? list(resource, 'attributes') : []);
    const resourceJson = json(resourceAttrs);
    const service = resourceAttrs['service.name'];
    const serviceName = typeof service === 'string' ? service : null;
    for (const [si, ss] of list(rs, 'scopeSpans').entries()) {
      if (!isObj(ss)) throw undecodable(`resourceSpans[${ri}].scopeSpans[${si}] must be an object`);
      const scope = field(ss, 'scope');
      const scopeName = isObj(scope) ? text(scope.name) : null;
      const scopeVersion = isObj(scope) ? text(scope.version) : null;
      for (const [pi, span] of list(ss, 'spans').entries()) {
        try {
          const row = spanRow(span, ws);
          row.resource_attributes = resourceJson;
          row.service_name = serviceName;
          row.scope_name = scopeName;
          row.scope_version = scopeVersion;
          out.rows.push(row);
        } catch (e) {
          if (!(e instanceof InvalidSpan)) throw e;
          out.rejected++;
          if (out.reasons.length < MAX_REASONS)
            out.reasons.push(`resourceSpans[${ri}].scopeSpans[${si}].spans[${pi}]: ${e.message}`);
        }
      }
    }
  }
  return out;
}

const undecodable = (message: string) => new ApiError(400, 'invalid_body', message);

/** One span's row, resource and scope columns left for the caller. */
function spanRow(span: unknown, ws: string): SpanRow {
  if (!isObj(span)) throw new InvalidSpan('a span must be an object');
  const traceId = hexId(field(span, 'traceId'), 16, 'trace_id', true) as string;
  const spanId = hexId(field(span, 'spanId'), 8, 'span_id', true) as string;
  const parent = hexId(field(span, 'parentSpanId'), 8, 'parent_span_id', false);
  const start = nanos(field(span, 'startTimeUnixNano'), 'start_time_unix_nano');
  const end = nanos(field(span, 'endTimeUnixNano'), 'end_time_unix_nano');
  if (end < start) throw new InvalidSpan('end_time_unix_nano is before start_time_unix_nano');
  const status = field(span, 'status');
  const statusCode = isObj(status) ? enumValue(status.code, TRACE_PROTO.statusCode) : 0;
  const attrs = attributes(list(span, 'attributes'));
  const events = list(span, 'events')
    .filter(isObj)
    .map((e) => ({
      name: name(e.name),
      time_ms: toMs(safeNanos(field(e, 'timeUnixNano'))),
      attributes: attributes(list(e, 'attributes')),
    }));
  const links = list(span, 'links').filter(isObj);
  const g = readGenAi(attrs, { status_code: statusCode, events });
  return {
    workspace_id: ws,
    trace_id: traceId,
    span_id: spanId,
    parent_span_id: parent,
    trace_state: text(field(span, 'traceState')),
    name: name(span.name),
    kind: enumValue(span.kind, TRACE_PROTO.spanKind),
    start_time: toMs(start),
    end_time: toMs(end),
    duration_ms: Number(end - start) / 1e6,
    status_code: statusCode,
    status_message: isObj(status) ? text(status.message) : null,
    attributes: json(attrs),
    resource_attributes: '{}',
    events: events.length ? json(events) : null,
    links: links.length
      ? json(
          links.map((l) => ({
            trace_id: safeId(field(l, 'traceId'), 16),
            span_id: safeId(field(l, 'spanId'), 8),
            trace_state: text(field(l, 'traceState')),
            attributes: attributes(list(l, 'attributes')),
          })),
        )
      : null,
    service_name: null,
    scope_name: null,
    scope_version: null,
    span_type: g?.type ?? null,
    model_id: g?.model ?? null,
    provider: g?.provider ?? null,
    input_tokens: g?.input_tokens ?? null,
    output_tokens: g?.output_tokens ?? null,
    conversation_id: g?.type === 'llm' ? (g.conversation_id ?? traceId) : null,
    tool_name: g?.type === 'tool' ? g.tool_name : null,
  };
}

/** Events and links never reject their span: what cannot be read is left null or 0. */
function safeNanos(v: unknown): bigint {
  try {
    return nanos(v, 'time');
  } catch {
    return 0n;
  }
}

function safeId(v: unknown, bytes: number): string | null {
  try {
    return hexId(v, bytes, 'id', false);
  } catch {
    return null;
  }
}
