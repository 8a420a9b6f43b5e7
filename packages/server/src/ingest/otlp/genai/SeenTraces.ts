// Owns which traces may have spans stored already, and which traces a request in flight is the first to bring:
// the GenAI derivation of a trace whose every stored span came in one request needs no read of the store.
import { IdFilter } from '../../../store/IdFilter.ts';
import { idKey } from '../../../store/idKey.ts';
import type { Db } from '../../../store/Store.ts';
import { listStoredTraces } from '../queries/listStoredTraces.ts';

export class SeenTraces {
  /** "May have spans stored": false is certain (every stored trace is added), true may be a hash collision. */
  private readonly seen = new IdFilter();
  /** Traces first brought by a request not yet derived: true while no other request has brought spans of it. */
  private readonly firsts = new Map<string, boolean>();

  /** Every trace with stored spans (at start: spans stored before this process). */
  async load(db: Db): Promise<void> {
    const rows = await listStoredTraces(db);
    this.seen.reserve(rows.length);
    for (const r of rows) this.seen.add(idKey(r.workspace_id, r.trace_id));
  }

  /**
   * Notes the traces of a request's spans before they are written, and returns those it is the first to bring.
   * Synchronous, so two requests of one trace can never both be first.
   */
  claim(workspaceId: string, traceIds: Iterable<string>): Set<string> {
    const first = new Set<string>();
    for (const t of traceIds) {
      const k = idKey(workspaceId, t);
      if (this.firsts.has(k)) this.firsts.set(k, false);
      else if (!this.seen.mightContain(k)) {
        this.seen.add(k);
        this.firsts.set(k, true);
        first.add(t);
      }
    }
    return first;
  }

  /** Whether the stored spans of a trace its request was first to bring are still only that request's. */
  sole(workspaceId: string, traceId: string): boolean {
    return this.firsts.get(idKey(workspaceId, traceId)) === true;
  }

  /** After the first request's derivation (or its failure): later requests of these traces read the store. */
  release(workspaceId: string, traceIds: Iterable<string>): void {
    for (const t of traceIds) this.firsts.delete(idKey(workspaceId, t));
  }
}
