// The README's zero-argument exporter setup: an OpenTelemetry JS exporter configured only by the standard
// environment variables (endpoint, and the Authorization header percent-encoded) exports to the real server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const SERVER_PKG = resolve(fileURLToPath(import.meta.url), '../../..');

/** A child process that sets up tracing the README's way, exports two nested spans and shuts down. */
const SCRIPT = `
import { context, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': process.env.SERVICE }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
trace.setGlobalTracerProvider(provider);
const tracer = trace.getTracer('env-config');
const root = tracer.startSpan('handle request');
const ctx = trace.setSpan(context.active(), root);
tracer.startSpan('chat gpt-4o', { attributes: { 'gen_ai.request.model': 'gpt-4o' } }, ctx).end();
root.end();
await provider.shutdown();
`;

describe('an OpenTelemetry JS exporter configured by environment variables only', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  async function exportWith(env: Record<string, string>) {
    // Async: the in-process server must keep answering while the child exports.
    const { stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd: SERVER_PKG,
      env: { PATH: process.env.PATH ?? '', OTEL_LOG_LEVEL: 'error', ...env },
    });
    assert.equal(stderr, '');
  }

  async function stored(service: string) {
    return s.ctx.store.query<{ name: string; root: boolean }>(
      `SELECT name, parent_span_id IS NULL AS root FROM spans WHERE service_name = $1 ORDER BY name`,
      [service],
    );
  }

  for (const [variable, path] of [
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '/v1/traces'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', ''],
  ] as const) {
    it(`${variable}=…${path || ' (base URL)'} and OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<key>`, async () => {
      const service = variable.toLowerCase();
      const key = await s.createKey('ingest');
      await exportWith({
        SERVICE: service,
        [variable]: `${s.url}${path}`,
        OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer%20${key}`,
      });
      assert.deepEqual(await stored(service), [
        { name: 'chat gpt-4o', root: false },
        { name: 'handle request', root: true },
      ]);
    });
  }

  it('the same setup with a wrong key stores nothing (the header is what authenticates)', async () => {
    await exportWith({
      SERVICE: 'env-bad-key',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${s.url}/v1/traces`,
      OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20not-a-key',
    }).catch(() => {});
    assert.deepEqual(await stored('env-bad-key'), []);
  });
});
