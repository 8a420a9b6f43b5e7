// Owns the browser's one live-event stream per workspace: leader election between tabs (Web Locks), the
// EventSource the leader holds and its reconnects, and the BroadcastChannel relay to the other tabs.
import type { LiveEventType } from '@llm-analytics/core';

export type LiveStatus = 'connecting' | 'live' | 'polling';
export interface LiveMessage {
  type: LiveEventType;
  id: string;
  data: unknown;
}
type Relay =
  | { kind: 'event'; event: LiveMessage }
  | { kind: 'status'; status: LiveStatus; lastId: string | null }
  | { kind: 'hello' };

const TYPES: readonly LiveEventType[] = ['data', 'anomaly', 'alert', 'job', 'reset'];
/** Reconnect delay after the server refused the stream (EventSource then gives up by itself). */
const RETRY_MS = 5000;

/**
 * One per tab and workspace. Every tab asks for the lock `lla-live:<workspace>`; the tab holding it opens the
 * EventSource and relays each event and its status over a BroadcastChannel of the same name; when it closes,
 * the lock passes to another tab, which resumes from the last id any tab saw (`?lastEventId=`). Without Web
 * Locks or BroadcastChannel each tab keeps its own stream.
 */
export class LiveConnection {
  private readonly listeners = new Set<(e: LiveMessage) => void>();
  private readonly statusListeners = new Set<(s: LiveStatus) => void>();
  private channel: BroadcastChannel | null = null;
  private source: EventSource | null = null;
  private releaseLock: (() => void) | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private lastId: string | null = null;
  private closed = false;
  status: LiveStatus = 'connecting';

  constructor(private readonly workspaceId: string) {
    const name = `lla-live:${workspaceId}`;
    const shared =
      typeof BroadcastChannel !== 'undefined' && typeof navigator !== 'undefined' && navigator.locks;
    if (!shared) {
      this.lead();
      return;
    }
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (m: MessageEvent<Relay>) => this.relayed(m.data);
    this.channel.postMessage({ kind: 'hello' } satisfies Relay);
    void navigator.locks.request(name, () => {
      if (this.closed) return;
      this.lead();
      // Held until this tab closes the connection (or the tab goes away, which frees it).
      return new Promise<void>((release) => {
        this.releaseLock = release;
      });
    });
  }

  onEvent(fn: (e: LiveMessage) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onStatus(fn: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.source?.close();
    this.channel?.close();
    this.releaseLock?.();
  }

  private get leading(): boolean {
    return this.source !== null || this.retry !== null || !this.channel;
  }

  private lead(): void {
    if (this.closed) return;
    const params = new URLSearchParams({ workspace: this.workspaceId });
    if (this.lastId) params.set('lastEventId', this.lastId);
    const source = new EventSource(`/api/events?${params}`);
    this.source = source;
    source.onopen = () => this.setStatus('live');
    source.onerror = () => {
      this.setStatus('polling');
      // CLOSED: the server refused (EventSource retries only dropped connections by itself).
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        this.source = null;
        this.retry = setTimeout(() => {
          this.retry = null;
          this.lead();
        }, RETRY_MS);
      }
    };
    for (const type of TYPES) {
      source.addEventListener(type, (m) => {
        const event: LiveMessage = { type, id: m.lastEventId, data: JSON.parse(m.data) };
        this.deliver(event);
        this.channel?.postMessage({ kind: 'event', event } satisfies Relay);
      });
    }
  }

  private relayed(m: Relay): void {
    if (m.kind === 'event') this.deliver(m.event);
    else if (m.kind === 'status') {
      if (m.lastId) this.lastId = m.lastId;
      if (!this.leading) this.setStatus(m.status);
    } else if (this.leading) this.broadcastStatus();
  }

  private deliver(e: LiveMessage): void {
    if (e.id) this.lastId = e.id;
    for (const fn of this.listeners) fn(e);
  }

  private setStatus(s: LiveStatus): void {
    if (this.leading) this.broadcastStatus(s);
    if (s === this.status) return;
    this.status = s;
    for (const fn of this.statusListeners) fn(s);
  }

  private broadcastStatus(s: LiveStatus = this.status): void {
    this.channel?.postMessage({ kind: 'status', status: s, lastId: this.lastId } satisfies Relay);
  }
}
