// The live-event plumbing on its own, over real HTTP: commits in one turn of the loop become one `data` event
// (tables merged, rows summed); a client that stops reading is dropped once its unread bytes pass the bound,
// and is unsubscribed.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';
import { DataInvalidations } from '../../src/events/DataInvalidations.ts';
import { type BusEvent, EventBus } from '../../src/events/EventBus.ts';
import { EventStreams } from '../../src/events/EventStreams.ts';
import { emptyRowSet } from '../../src/store/RowSet.ts';
import { spanRow } from '../helpers/spanRow.ts';

describe('live events', () => {
  it('coalesces the commits of one moment into one data event per workspace', async () => {
    const bus = new EventBus();
    const got: BusEvent[] = [];
    bus.subscribe('w1', (e) => got.push(e));
    bus.subscribe('w2', (e) => got.push(e));
    const data = new DataInvalidations(bus);
    const message = (ws: string, id: string) => ({
      workspace_id: ws,
      id,
      conversation_id: 'c',
      role: 'user',
      content: null,
      created_at: 0,
      model_id: null,
      provider: null,
      input_tokens: null,
      output_tokens: null,
      latency_ms: null,
      tools_called: null,
      tool_success: null,
      error_type: null,
      metadata: null,
    });
    data.committed({
      ...emptyRowSet(),
      messages: [message('w1', 'a'), message('w1', 'b'), message('w2', 'c')],
    });
    data.committed({
      ...emptyRowSet(),
      spans: [
        spanRow({ workspace_id: 'w1', trace_id: 't'.repeat(32), span_id: 's'.repeat(16), start_time: 0 }),
      ],
    });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      got.map((e) => [e.workspaceId, e.type, e.type === 'data' ? [e.data.tables, e.data.rows] : null]),
      [
        ['w1', 'data', [['messages', 'spans', 'tool_calls'], 3]],
        ['w2', 'data', [['messages', 'tool_calls'], 1]],
      ],
    );
    data.close();
  });

  it('drops a client that stops reading, past the buffer bound, and unsubscribes it', async () => {
    const bus = new EventBus();
    const streams = new EventStreams(bus, { maxBufferedBytes: 64 * 1024 });
    const server = http.createServer((_req, res) => streams.stream(res, 'w1', undefined, {}));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    const closed = new Promise<void>((resolve) => {
      http.get(`http://127.0.0.1:${port}/`, (res) => {
        res.pause(); // never reads
        res.on('close', () => resolve());
        res.on('error', () => resolve());
      });
    });
    while (streams.connections === 0) await new Promise((r) => setTimeout(r, 5));
    const kind = 'x'.repeat(10_000);
    // 20 MB: far past the kernel's socket buffers and the 64 KiB bound.
    for (let i = 0; i < 2000 && streams.connections > 0; i++) {
      bus.publish('w1', { type: 'job', data: { id: String(i), kind, status: 'running', progress: 0 } });
    }
    assert.equal(streams.connections, 0);
    assert.equal(streams.dropped, 1);
    await closed;
    await new Promise<void>((r) => server.close(() => r()));
  });
});
