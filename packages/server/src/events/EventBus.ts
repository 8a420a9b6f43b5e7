// Owns the in-process live-event bus: per-workspace publish, a replay buffer for Last-Event-ID, subscribers.
import type { LiveEvent } from '@llm-analytics/core';

/** A published event with its id (monotonic in this process) and workspace. */
export type BusEvent = LiveEvent & { id: number; workspaceId: string };
export type BusListener = (event: BusEvent) => void;

/**
 * What services publish to (anomaly scans, alert state changes, jobs, the writer's commits) and what
 * GET /api/events subscribes to. In memory: one process serves one store; events are hints to re-read,
 * never data, so a restart loses nothing but makes resuming clients re-run everything (a `reset`).
 */
export class EventBus {
  private nextId = 1;
  private readonly listeners = new Map<string, Set<BusListener>>();
  private readonly buffers = new Map<string, BusEvent[]>();

  constructor(private readonly replaySize = 1000) {}

  publish(workspaceId: string, event: LiveEvent): BusEvent {
    const e = { ...event, id: this.nextId++, workspaceId } as BusEvent;
    const buf = this.buffers.get(workspaceId) ?? [];
    this.buffers.set(workspaceId, buf);
    buf.push(e);
    if (buf.length > this.replaySize) buf.splice(0, buf.length - this.replaySize);
    for (const l of this.listeners.get(workspaceId) ?? []) l(e);
    return e;
  }

  /**
   * Events of the workspace after `lastEventId` still in the buffer, or null when some were dropped (or the id is
   * from another process): the caller then sends a `reset`.
   */
  replay(workspaceId: string, lastEventId: number): BusEvent[] | null {
    if (lastEventId >= this.nextId) return null;
    const buf = this.buffers.get(workspaceId) ?? [];
    const after = buf.filter((e) => e.id > lastEventId);
    const oldest = buf[0]?.id;
    // Nothing lost when the buffer starts right after the client's event (or it holds every later event).
    if (oldest !== undefined && oldest > lastEventId + 1 && buf.length >= this.replaySize) return null;
    return after;
  }

  subscribe(workspaceId: string, listener: BusListener): () => void {
    const set = this.listeners.get(workspaceId) ?? new Set<BusListener>();
    this.listeners.set(workspaceId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(workspaceId);
    };
  }

  /** The last id handed out (0 before any). */
  get lastId(): number {
    return this.nextId - 1;
  }
}
