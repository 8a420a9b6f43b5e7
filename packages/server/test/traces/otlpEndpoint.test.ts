// POST /v1/traces on both engines, by hand-made requests: partial success, every attribute value type, and
// every refusal (400 undecodable, 401, 413 including a gzip bomb, 415, 503 when the writer is saturated).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createGzip } from 'node:zlib';
import { TRACE_PROTO } from '../../src/ingest/otlp/traceProto.ts';
import { ENGINES } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { hexSpan, jsonSpan, postTraces, protobufBody, request, TRACE_A } from './otlpRequests.ts';
import { spanCount, storedSpans } from './storedSpans.ts';

const LIMIT = 256 * 1024;

/** `size` zero bytes, gzip-compressed as a stream (the test never holds the inflated body either). */
async function gzipBomb(size: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => gz.on('end', r));
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < size / chunk.length; i++)
    if (!gz.write(chunk)) await new Promise((r) => gz.once('drain', r));
  gz.end();
  await done;
  return Buffer.concat(out);
}

const INVALID = [
  jsonSpan(10, { traceId: 'abcd' }),
  jsonSpan(11, { spanId: '0000000000000000' }),
  jsonSpan(12, { traceId: '00000000000000000000000000000000' }),
  jsonSpan(13, { startTimeUnixNano: '2000', endTimeUnixNano: '1000' }),
  jsonSpan(14, { spanId: 'zz00000000000000' }),
  jsonSpan(15, { parentSpanId: '12' }),
];

for (const engine of ENGINES) {
  describe(`POST /v1/traces on ${engine}`, () => {
    let s: TestServer;
    let key: string;
    before(async () => {
      s = await startTestServer({ engine, config: { bodyLimitBytes: LIMIT } });
      key = await s.createKey('ingest');
    });
    after(() => s.close());

    for (const type of ['application/json', 'application/x-protobuf']) {
      it(`stores the valid spans and reports the invalid ones in partialSuccess (${type})`, async () => {
        const ws = `partial-${type.slice(12)}`;
        const wsKey = await s.createKey('ingest', ws);
        const req = request([jsonSpan(1), ...INVALID, jsonSpan(2)]);
        const proto = type === 'application/x-protobuf';
        const res = await postTraces(s.url, proto ? protobufBody(req) : JSON.stringify(req), {
          key: wsKey,
          type,
        });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', new RegExp(type.replace('/', '\\/')));
        const body = proto
          ? TRACE_PROTO.response.toObject(TRACE_PROTO.response.decode(Buffer.from(await res.arrayBuffer())), {
              longs: Number,
            })
          : await res.json();
        assert.equal(body.partialSuccess.rejectedSpans, INVALID.length);
        assert.match(body.partialSuccess.errorMessage, /^6 span\(s\) rejected: /);
        assert.match(body.partialSuccess.errorMessage, /trace_id must be 16 bytes/);
        assert.match(body.partialSuccess.errorMessage, /span_id must not be all zero/);
        assert.match(body.partialSuccess.errorMessage, /end_time_unix_nano is before/);
        assert.match(body.partialSuccess.errorMessage, /and 1 more$/);
        const rows = await storedSpans(s, ws);
        assert.deepEqual(
          rows.map((r) => r.span_id),
          [hexSpan(2), hexSpan(3)],
        );
      });
    }

    it('answers a fully stored request with an empty ExportTraceServiceResponse, in both encodings', async () => {
      const json = await postTraces(s.url, JSON.stringify(request([jsonSpan(20)])), { key });
      assert.equal(json.status, 200);
      assert.deepEqual(await json.json(), {});
      const proto = await postTraces(s.url, protobufBody(request([jsonSpan(21)])), {
        key,
        type: 'application/x-protobuf',
      });
      assert.equal(proto.status, 200);
      assert.equal(proto.headers.get('content-type'), 'application/x-protobuf');
      assert.equal((await proto.arrayBuffer()).byteLength, 0);
    });

    it('keeps every attribute value type as plain JSON, and unknown attributes as they are', async () => {
      const ws = 'attributes';
      const wsKey = await s.createKey('ingest', ws);
      const attributes = [
        { key: 's', value: { stringValue: 'text' } },
        { key: 'b', value: { boolValue: false } },
        { key: 'i', value: { intValue: '42' } },
        { key: 'i_num', value: { intValue: 7 } },
        { key: 'i_big', value: { intValue: '9223372036854775807' } },
        { key: 'i_neg', value: { intValue: '-5' } },
        { key: 'i_min', value: { intValue: '-9223372036854775808' } },
        { key: 'd', value: { doubleValue: 1.5 } },
        { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: '1' }] } } },
        { key: 'kv', value: { kvlistValue: { values: [{ key: 'inner', value: { boolValue: true } }] } } },
        { key: 'bytes', value: { bytesValue: Buffer.from('hi').toString('base64') } },
        { key: 'empty', value: {} },
        { key: 'vendor.future_thing', value: { stringValue: 'kept' } },
      ];
      const resource = [{ key: 'service.name', value: { stringValue: 'svc-a' } }];
      const req = request(
        [jsonSpan(30, { attributes, status: { code: 2, message: 'boom' }, kind: 3 })],
        resource,
      );
      for (const [type, body] of [
        ['application/json', JSON.stringify(req)],
        ['application/x-protobuf', protobufBody(req)],
      ] as const) {
        const res = await postTraces(s.url, body, { key: wsKey, type });
        assert.equal(res.status, 200);
        const [row] = await storedSpans(s, ws);
        assert.deepEqual(row.attributes, {
          s: 'text',
          b: false,
          i: 42,
          i_num: 7,
          i_big: '9223372036854775807',
          i_neg: -5,
          i_min: '-9223372036854775808',
          d: 1.5,
          arr: ['x', 1],
          kv: { inner: true },
          bytes: 'aGk=',
          empty: null,
          'vendor.future_thing': 'kept',
        });
        assert.deepEqual(row.resource_attributes, { 'service.name': 'svc-a' });
        assert.equal(row.service_name, 'svc-a');
        assert.equal(row.status_code, 2);
        assert.equal(row.status_message, 'boom');
        assert.equal(row.kind, 3);
        assert.equal(row.trace_id, TRACE_A);
        assert.equal(row.duration_ms, 2.5);
        assert.equal(row.start_us, 1_767_225_600_000_000 + 30_000);
      }
      assert.equal(await spanCount(s, ws), 1);
    });

    it('stores NUL and unpaired surrogates as U+FFFD (both engines can store them), emoji as they are', async () => {
      const ws = 'odd-text';
      const wsKey = await s.createKey('ingest', ws);
      const attributes = [
        { key: 'k\ud800', value: { stringValue: 'x\udc00y\u0000' } },
        { key: 'e', value: { stringValue: 'ok 😀' } },
      ];
      const span = jsonSpan(35, { name: 'a\u0000b', attributes, status: { code: 2, message: '\ud83d' } });
      const res = await postTraces(s.url, JSON.stringify(request([span, jsonSpan(36)])), { key: wsKey });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {});
      const [row] = await storedSpans(s, ws);
      assert.equal(row.name, 'a\ufffdb');
      assert.deepEqual(row.attributes, { 'k\ufffd': 'x\ufffdy\ufffd', e: 'ok 😀' });
      assert.equal(row.status_message, '\ufffd');
      assert.equal(await spanCount(s, ws), 2);
    });

    it('accepts int64 times as JSON numbers and ids in upper-case hex', async () => {
      const ws = 'numbers';
      const wsKey = await s.createKey('ingest', ws);
      const span = jsonSpan(40, {
        traceId: TRACE_A.toUpperCase(),
        startTimeUnixNano: 1_700_000_000_000_000,
        endTimeUnixNano: 1_700_000_000_001_000,
      });
      assert.equal((await postTraces(s.url, JSON.stringify(request([span])), { key: wsKey })).status, 200);
      const [row] = await storedSpans(s, ws);
      assert.equal(row.trace_id, TRACE_A);
      assert.equal(row.start_us, 1_700_000_000_000_000 / 1000);
      assert.equal(row.duration_ms, 0.001);
    });

    it('refuses an undecodable body with 400 and stores nothing', async () => {
      const before = await spanCount(s, s.workspaceId);
      const cases: [string | Buffer, { type?: string; gzip?: boolean; encoding?: string }][] = [
        ['{"resourceSpans": [', {}],
        ['[1, 2]', {}],
        ['{"resourceSpans": {"x": 1}}', {}],
        [Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), { type: 'application/x-protobuf' }],
        ['not gzip at all', { type: 'application/json', encoding: 'gzip' }],
      ];
      for (const [body, o] of cases) {
        const res = await postTraces(s.url, body, { key, ...o });
        assert.equal(res.status, 400, String(body));
        const err = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(err.error.code, 'invalid_body');
      }
      assert.equal(await spanCount(s, s.workspaceId), before);
    });

    it('refuses without a valid ingest key (401) and with a read-only key (403)', async () => {
      const body = JSON.stringify(request([jsonSpan(50)]));
      assert.equal((await postTraces(s.url, body)).status, 401);
      assert.equal((await postTraces(s.url, body, { key: 'lla_not_a_key' })).status, 401);
      assert.equal((await postTraces(s.url, body, { key: await s.createKey('read') })).status, 403);
    });

    it('refuses a body larger than the limit (413), also when only its decompressed size is', async () => {
      const big = JSON.stringify(request([jsonSpan(60, { name: 'x'.repeat(LIMIT) })]));
      const plain = await postTraces(s.url, big, { key });
      assert.equal(plain.status, 413);
      assert.equal(((await plain.json()) as { error: { code: string } }).error.code, 'payload_too_large');
      // Small on the wire, over the limit once inflated.
      const res = await postTraces(s.url, big, { key, gzip: true });
      assert.equal(res.status, 413);
    });

    it('answers a gzip bomb with 413 without inflating it', async () => {
      const inflated = 256 * 1024 * 1024;
      const bomb = await gzipBomb(inflated);
      assert.ok(bomb.length < LIMIT, 'the bomb itself is under the limit');
      const rss = process.memoryUsage().rss;
      const res = await postTraces(s.url, bomb, { key, encoding: 'gzip' });
      assert.equal(res.status, 413);
      const grew = process.memoryUsage().rss - rss;
      assert.ok(grew < inflated / 4, `memory grew by ${Math.round(grew / 2 ** 20)} MB`);
    });

    it('refuses unsupported encodings and media types with 415', async () => {
      const body = JSON.stringify(request([jsonSpan(70)]));
      assert.equal((await postTraces(s.url, body, { key, encoding: 'br' })).status, 415);
      assert.equal((await postTraces(s.url, body, { key, type: 'text/plain' })).status, 415);
    });
  });

  describe(`POST /v1/traces on ${engine} with the writer saturated`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ engine, config: { ingestMaxQueuedRows: 1 } });
    });
    after(() => s.close());

    it('answers 503 with Retry-After past the queue bound, and stores exactly the acknowledged spans', async () => {
      const key = await s.createKey('ingest');
      const per = 200;
      const bodies = Array.from({ length: 30 }, (_, r) =>
        protobufBody(request(Array.from({ length: per }, (_, i) => jsonSpan(r * per + i)))),
      );
      const replies = await Promise.all(
        bodies.map((b) => postTraces(s.url, b, { key, type: 'application/x-protobuf' })),
      );
      const ok = replies.filter((r) => r.status === 200).length;
      const refused = replies.filter((r) => r.status === 503);
      assert.equal(ok + refused.length, bodies.length);
      assert.ok(refused.length > 0, 'some requests found the queue full');
      for (const r of refused) assert.equal(r.headers.get('retry-after'), '1');
      assert.equal(await spanCount(s, s.workspaceId), ok * per);
    });
  });
}
