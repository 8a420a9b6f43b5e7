// Owns the open Server-Sent Events streams of GET /api/events: resume from Last-Event-ID, heartbeats, the
// per-client buffer bound, unsubscribing on disconnect, and ending every stream when the server closes.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { BusEvent, EventBus } from './EventBus.ts';

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the client's idle timers from closing the stream (15 s). */
  heartbeatMs?: number;
  /** The reconnection delay the `retry:` field suggests to EventSource (3 s). */
  retryMs?: number;
  /**
   * Bytes a client may leave unread in its socket buffer; past it the client is dropped (its EventSource
   * reconnects and resumes), so a stalled reader never holds unbounded memory (1 MiB).
   */
  maxBufferedBytes?: number;
}

/**
 * Ids are `<boot>.<n>`: `n` is the bus's id, `boot` this process's random tag, so an id from before a restart
 * is recognised as such (a `reset`) instead of matching an unrelated event of the new process.
 */
export class EventStreams {
  private readonly boot = randomBytes(4).toString('hex');
  private readonly open = new Set<() => void>();
  private readonly opts: Required<EventStreamOptions>;
  /** Streams dropped for not reading (the backpressure bound), since start. */
  dropped = 0;

  constructor(
    private readonly bus: EventBus,
    opts: EventStreamOptions = {},
  ) {
    this.opts = {
      heartbeatMs: opts.heartbeatMs ?? 15_000,
      retryMs: opts.retryMs ?? 3000,
      maxBufferedBytes: opts.maxBufferedBytes ?? 1024 * 1024,
    };
  }

  /** Streams open now (all workspaces). */
  get connections(): number {
    return this.open.size;
  }

  /**
   * Streams the workspace's events to `res` until either side closes: first what the client missed after
   * `lastEventId` (or a `reset` when that cannot be replayed), then every event as it is published.
   * `headers` are added to the stream's own (the app's security headers).
   */
  stream(
    res: ServerResponse,
    workspaceId: string,
    lastEventId: string | undefined,
    headers: Record<string, string>,
  ): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx buffers proxied replies by default, which would hold events back.
      'x-accel-buffering': 'no',
    });
    let closed = false;
    const write = (text: string) => {
      if (closed) return;
      res.write(text);
      if (res.writableLength > this.opts.maxBufferedBytes) {
        this.dropped++;
        close();
        res.destroy();
      }
    };
    const send = (e: BusEvent) =>
      write(`id: ${this.boot}.${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
    // Replay and subscribe in one synchronous step: no event can be published between them.
    const missed = this.missed(workspaceId, lastEventId);
    const unsubscribe = this.bus.subscribe(workspaceId, send);
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), this.opts.heartbeatMs);
    heartbeat.unref();
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(end);
    };
    const end = () => {
      close();
      res.end();
    };
    this.open.add(end);
    res.on('close', close);
    // An `id:` without data sets the client's last id without dispatching: a client that disconnects before any
    // event still resumes from here.
    write(`retry: ${this.opts.retryMs}\nid: ${this.boot}.${this.bus.lastId}\n\n`);
    if (missed === 'reset') {
      write(
        `id: ${this.boot}.${this.bus.lastId}\nevent: reset\ndata: ${JSON.stringify({ reason: 'cannot_resume' })}\n\n`,
      );
    } else for (const e of missed) send(e);
  }

  /** Ends every open stream (the server is closing: open streams would hold its close). */
  closeAll(): void {
    for (const end of [...this.open]) end();
  }

  private missed(workspaceId: string, lastEventId: string | undefined): BusEvent[] | 'reset' {
    if (lastEventId === undefined || lastEventId === '') return [];
    const m = /^([0-9a-f]+)\.(\d+)$/.exec(lastEventId);
    if (!m || m[1] !== this.boot) return 'reset';
    return this.bus.replay(workspaceId, Number(m[2])) ?? 'reset';
  }
}
