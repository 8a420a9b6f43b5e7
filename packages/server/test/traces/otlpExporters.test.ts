// POST /v1/traces with the official OpenTelemetry JS exporters (protobuf and JSON, plain and gzip), on both
// engines: every stored span equals, field by field, the SDK's own span; re-sending changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { expectedRow, makeSpans } from './otelSpans.ts';
import { spanCount, storedSpans } from './storedSpans.ts';

const EXPORTERS = {
  protobuf: ProtoExporter,
  json: JsonExporter,
} as const;

/** Exports `spans` once and resolves with the exporter's verdict (code 0 is success). */
function send(exporter: SpanExporter, spans: ReadableSpan[]): Promise<{ code: number; error?: Error }> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

for (const engine of ENGINES) {
  describe(`OTLP exporters on ${engine}`, () => {
    let s: TestServer;
    let spans: ReadableSpan[];
    before(async () => {
      s = await startTestServer({ engine });
      spans = await makeSpans();
    });
    after(() => s.close());

    for (const [encoding, Exporter] of Object.entries(EXPORTERS)) {
      for (const compression of [CompressionAlgorithm.NONE, CompressionAlgorithm.GZIP]) {
        it(`stores what the ${encoding} exporter sends (${compression}), once however often it is sent`, async () => {
          const ws = `ws-${encoding}-${compression}`;
          const key = await s.createKey('ingest', ws);
          const exporter = new Exporter({
            url: `${s.url}/v1/traces`,
            headers: { Authorization: `Bearer ${key}` },
            compression,
          });
          try {
            const first = await send(exporter, spans);
            assert.equal(first.code, 0, String(first.error));
            const expected = spans
              .map(expectedRow)
              .sort((a, b) => `${a.trace_id}${a.span_id}`.localeCompare(`${b.trace_id}${b.span_id}`));
            assert.deepEqual(await storedSpans(s, ws), expected);
            // The same spans again, twice: upserted, so nothing changes.
            assert.equal((await send(exporter, spans)).code, 0);
            assert.equal((await send(exporter, spans)).code, 0);
            assert.equal(await spanCount(s, ws), spans.length);
            assert.deepEqual(await storedSpans(s, ws), expected);
          } finally {
            await exporter.shutdown();
          }
        });
      }
    }

    it('keeps the trace shape: one root per trace, children pointing at stored spans', async () => {
      const rows = await storedSpans(s, 'ws-json-none');
      const roots = rows.filter((r) => r.parent_span_id === null);
      assert.equal(roots.length, 2);
      const ids = new Set(rows.map((r) => r.span_id));
      for (const r of rows) if (r.parent_span_id !== null) assert.ok(ids.has(r.parent_span_id));
    });
  });
}
