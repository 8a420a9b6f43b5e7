// Owns turning committed ingest into `data` events: per workspace, the tables written and the rows, coalesced to
// at most one event per interval; `at` is when the first commit merged into the event landed.
import type { RowSet } from '../store/RowSet.ts';
import type { EventBus } from './EventBus.ts';

interface Pending {
  tables: Set<string>;
  rows: number;
  /** When the first commit merged into the pending event landed: the event's `at`. */
  firstMs: number;
  /** When the workspace's last event went out (0: never). */
  lastMs: number;
  /** Cancels the scheduled flush; null when none is scheduled. */
  timer: (() => void) | null;
}

/**
 * The writer calls `committed` after each commit. The first commit after a quiet interval is published at once
 * (on the next turn of the loop, after the commit's callers have invalidated the analytics cache, so a client
 * re-querying on the event never reads a stale cached reply); later ones within `intervalMs` are merged into one
 * event at its end. The per-commit cost is one pass over the rows' workspace ids.
 */
export class DataInvalidations {
  private readonly pending = new Map<string, Pending>();
  private closed = false;

  constructor(
    private readonly bus: EventBus,
    private readonly intervalMs = 250,
  ) {}

  committed(rows: RowSet): void {
    if (this.closed) return;
    // A RowSet's keys are its tables' names.
    for (const [table, list] of Object.entries(rows) as [keyof RowSet, RowSet[keyof RowSet]][]) {
      let ws: string | undefined;
      let n = 0;
      for (const r of list) {
        if (r.workspace_id !== ws) {
          if (ws !== undefined) this.add(ws, table, n);
          ws = r.workspace_id;
          n = 0;
        }
        n++;
      }
      if (ws !== undefined) this.add(ws, table, n);
    }
  }

  /** Stops publishing; merged events not yet sent are dropped (the streams are closing too). */
  close(): void {
    this.closed = true;
    for (const p of this.pending.values()) p.timer?.();
    this.pending.clear();
  }

  private add(workspaceId: string, table: keyof RowSet, rows: number): void {
    let p = this.pending.get(workspaceId);
    if (!p) {
      p = { tables: new Set(), rows: 0, firstMs: 0, lastMs: 0, timer: null };
      this.pending.set(workspaceId, p);
    }
    if (p.rows === 0) p.firstMs = Date.now();
    p.tables.add(table);
    // A message's tool calls are rewritten with it (replaced, possibly by none).
    if (table === 'messages') p.tables.add('tool_calls');
    p.rows += rows;
    if (p.timer) return;
    const wait = Math.max(0, p.lastMs + this.intervalMs - Date.now());
    const flush = () => this.flush(workspaceId);
    if (wait === 0) {
      const t = setImmediate(flush);
      p.timer = () => clearImmediate(t);
    } else {
      const t = setTimeout(flush, wait);
      p.timer = () => clearTimeout(t);
    }
  }

  private flush(workspaceId: string): void {
    const p = this.pending.get(workspaceId);
    if (!p || this.closed) return;
    const tables = [...p.tables].sort();
    const rows = p.rows;
    p.tables.clear();
    p.rows = 0;
    p.timer = null;
    p.lastMs = Date.now();
    this.bus.publish(workspaceId, {
      type: 'data',
      data: { tables, rows, at: new Date(p.firstMs).toISOString() },
    });
  }
}
