// Owns a minimal Server-Sent Events client for tests and the events bench: raw HTTP, the text/event-stream
// parser (id, event, data, comments), and waiting for an event that matches.
import http from 'node:http';

export interface SseEvent {
  id: string | null;
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect event data loosely
  data: any;
  /** performance.now() when the event's last line arrived. */
  receivedAt: number;
  /** Date.now() then: comparable with the server's timestamps on the same machine. */
  receivedWall: number;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  /** Comment lines (`: heartbeat`) received. */
  comments = 0;
  /** The last `id:` seen (what an EventSource would send as Last-Event-ID). */
  lastId: string | null = null;
  retry: number | null = null;
  closed = false;
  private waiters: (() => void)[] = [];
  private constructor(
    private readonly req: http.ClientRequest,
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders,
    /** The body of a refused request (not 200). */
    readonly body: string,
  ) {}

  /** Opens `url` (path and query included); resolves once the status and headers are in. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve(new SseClient(req, res.statusCode ?? 0, res.headers, body)));
          return;
        }
        const client = new SseClient(req, 200, res.headers, '');
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let at = buf.indexOf('\n\n');
          while (at >= 0) {
            client.parse(buf.slice(0, at));
            buf = buf.slice(at + 2);
            at = buf.indexOf('\n\n');
          }
        });
        res.on('close', () => {
          client.closed = true;
          client.wake();
        });
        resolve(client);
      });
      req.on('error', reject);
    });
  }

  /** Waits for the stream's opening block (its `retry:` and current `id:`). */
  async ready(timeoutMs = 10_000): Promise<string> {
    await this.waitFor(() => this.lastId !== null, timeoutMs);
    return this.lastId!;
  }

  /** Waits (up to `timeoutMs`) for an event matching `match` among those received; returns it. */
  async next(match: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    let found: SseEvent | undefined;
    await this.waitFor(() => {
      found = this.events.find(match);
      return found !== undefined;
    }, timeoutMs);
    return found!;
  }

  private async waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (check()) return;
      if (this.closed) throw new Error('the stream closed before the event arrived');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing matching arrived within ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  /** Waits until the stream has ended (the server closed it), up to `timeoutMs`. */
  async ended(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error(`the stream is still open after ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  close(): void {
    this.req.destroy();
  }

  private parse(block: string): void {
    let event = 'message';
    let data: string | null = null;
    let isComment = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) isComment = true;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') this.lastId = value;
      else if (field === 'event') event = value;
      else if (field === 'retry') this.retry = Number(value);
      else if (field === 'data') data = data === null ? value : `${data}\n${value}`;
    }
    if (isComment) this.comments++;
    if (data !== null) {
      this.events.push({
        id: this.lastId,
        event,
        data: JSON.parse(data),
        receivedAt: performance.now(),
        receivedWall: Date.now(),
      });
    }
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
