// Owns building raw OTLP requests for the trace tests: spans in OTLP/JSON, the protobuf encoding of the same
// request (from the test's own copy of nothing but protobufjs and trace.proto), and posting them.
import { gzipSync } from 'node:zlib';
import { TRACE_PROTO } from '../../src/ingest/otlp/traceProto.ts';

export const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
export const hexSpan = (n: number) => n.toString(16).padStart(16, '0');

/** One OTLP/JSON span; times in ns since the epoch (as strings, as OTLP/JSON sends int64). */
export function jsonSpan(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const start = 1_767_225_600_000_000_000n + BigInt(n) * 1_000_000n;
  return {
    traceId: TRACE_A,
    spanId: hexSpan(n + 1),
    name: `span ${n}`,
    kind: 1,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + 2_500_000n),
    ...over,
  };
}

export const request = (spans: unknown[], resourceAttributes: unknown[] = []) => ({
  resourceSpans: [
    { resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 't' }, spans }] },
  ],
});

/** `req` (OTLP/JSON with hex ids) as protobuf bytes. */
export function protobufBody(req: ReturnType<typeof request>): Buffer {
  const toBytes = (v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'hex') : v);
  const converted = {
    resourceSpans: req.resourceSpans.map((rs) => ({
      ...rs,
      scopeSpans: rs.scopeSpans.map((ss) => ({
        ...ss,
        spans: (ss.spans as Record<string, unknown>[]).map((sp) => ({
          ...sp,
          traceId: toBytes(sp.traceId),
          spanId: toBytes(sp.spanId),
          ...(sp.parentSpanId ? { parentSpanId: toBytes(sp.parentSpanId) } : {}),
        })),
      })),
    })),
  };
  const message = TRACE_PROTO.request.fromObject(converted);
  return Buffer.from(TRACE_PROTO.request.encode(message).finish());
}

export interface PostOptions {
  key?: string;
  type?: string;
  gzip?: boolean;
  encoding?: string;
}

export async function postTraces(url: string, body: Buffer | string, o: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': o.type ?? 'application/json' };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (o.gzip) headers['content-encoding'] = 'gzip';
  if (o.encoding) headers['content-encoding'] = o.encoding;
  return fetch(`${url}/v1/traces`, {
    method: 'POST',
    headers,
    body: new Uint8Array(o.gzip ? gzipSync(bytes) : bytes),
  });
}
