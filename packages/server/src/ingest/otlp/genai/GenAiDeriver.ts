// Owns writing the assistant messages of committed LLM spans: re-derives each touched trace from all its stored
// spans (a tool span may arrive after its call) — read back, unless one request brought them all — one derivation
// at a time, batching what arrives meanwhile.
import { type ConversationInput, ConversationSchema, MessageSchema } from '@llm-analytics/core';
import type { z } from 'zod';
import { appendBatchRows, emptyRowSet, type RowSet, type SpanRow } from '../../../store/RowSet.ts';
import type { Store } from '../../../store/Store.ts';
import type { GroupCommitWriter } from '../../GroupCommitWriter.ts';
import type { MessageObserver } from '../../IngestService.ts';
import { listPresentConversations } from '../queries/listPresentConversations.ts';
import { listTraceSpans, type TraceSpanRow } from '../queries/listTraceSpans.ts';
import { KnownIds } from './KnownIds.ts';
import { SeenTraces } from './SeenTraces.ts';
import { type TraceSpan, traceMessages } from './traceMessages.ts';
import { traceSpanOf } from './traceSpanOf.ts';
import { traceSpanRowOf } from './traceSpanRowOf.ts';

interface Waiter {
  resolve(): void;
  reject(e: unknown): void;
}

/** Trace ids per statement: bound parameters stay well under both engines' limits. */
const CHUNK = 500;
/**
 * How far from the request's spans the rest of their traces are looked for. Without an index on DuckDB, a
 * time bound is what keeps this read from scanning every stored span (it still reads the trace ids of every
 * span in the window); a trace whose calls and tools lie more than an hour apart is derived in parts.
 */
export const TRACE_WINDOW_MS = 3_600_000;

interface Pending {
  traces: Set<string>;
  from: number;
  to: number;
  /** The spans of traces whose requests were first to bring them: derived from these, without a read. */
  memory: Map<string, SpanRow[]>;
}

export class GenAiDeriver {
  /** Traces waiting for the next derivation, per workspace, and the requests waiting on it. */
  private pending = new Map<string, Pending>();
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;
  /** Conversations known to be stored (or being written): no lookup, and never written over. */
  private readonly conversations = new KnownIds();
  private readonly seen = new SeenTraces();

  constructor(
    private readonly store: Store,
    private readonly writer: GroupCommitWriter,
    private readonly observer?: MessageObserver,
  ) {
    // A conversation another request writes (with its session, experiment, user) must win over the bare one a
    // derivation would write: every conversation handed to the writer is known from then on.
    writer.watch((rows) => {
      for (const c of rows.conversations) this.conversations.add(c.workspace_id, c.id);
    });
  }

  /** Loads which traces have spans stored (before the first request). */
  load(): Promise<void> {
    return this.seen.load(this.store);
  }

  /** Before a request's spans are written: its traces, and which of them it is the first to bring. */
  claim(workspaceId: string, traceIds: Iterable<string>): Set<string> {
    return this.seen.claim(workspaceId, traceIds);
  }

  /** A request whose spans were not written (or need no derivation) gives its first traces up. */
  release(workspaceId: string, traceIds: Iterable<string>): void {
    this.seen.release(workspaceId, traceIds);
  }

  /**
   * Resolves once the messages of the traces of `rows`' GenAI spans (the request's spans, just committed)
   * reflect every span of those traces committed before this call. `first`: traces the request was first to
   * bring (`claim`); while no other request brings spans of one, it is derived from `rows` without a read.
   */
  derive(workspaceId: string, rows: readonly SpanRow[], first: ReadonlySet<string> = new Set()) {
    const spans = rows.filter((r) => r.span_type !== null);
    const touched = new Set(spans.map((s) => s.trace_id));
    const idle = [...first].filter((t) => !touched.has(t));
    if (idle.length) this.seen.release(workspaceId, idle);
    if (!spans.length) return Promise.resolve();
    const p = this.pending.get(workspaceId) ?? {
      traces: new Set<string>(),
      from: Infinity,
      to: -Infinity,
      memory: new Map<string, SpanRow[]>(),
    };
    for (const s of spans) {
      p.traces.add(s.trace_id);
      p.from = Math.min(p.from, s.start_time - TRACE_WINDOW_MS);
      p.to = Math.max(p.to, s.end_time + TRACE_WINDOW_MS);
    }
    for (const r of rows) {
      if (!first.has(r.trace_id) || !touched.has(r.trace_id)) continue;
      const list = p.memory.get(r.trace_id) ?? [];
      list.push(r);
      p.memory.set(r.trace_id, list);
    }
    this.pending.set(workspaceId, p);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.running ??= this.drain();
    return done;
  }

  /**
   * Derivations read in turn, and their writes are handed to the writer in the same order (which commits
   * writes of one message in order): the last write of a message always comes from the newest read, so an
   * older derivation can never overwrite a newer one's. The next read overlaps the previous write.
   */
  private async drain(): Promise<void> {
    let inFlight: Promise<void> = Promise.resolve();
    for (;;) {
      while (this.pending.size) {
        const batch = this.pending;
        const waiters = this.waiters;
        this.pending = new Map();
        this.waiters = [];
        const settle = (e?: unknown) => {
          for (const w of waiters) e === undefined ? w.resolve() : w.reject(e);
        };
        try {
          const sets: RowSet[] = [];
          for (const [ws, p] of batch) {
            try {
              sets.push(await this.deriveWorkspace(ws, p));
            } finally {
              this.seen.release(ws, p.memory.keys());
            }
          }
          await inFlight;
          inFlight = this.write(sets).then(() => settle(), settle);
        } catch (e) {
          settle(e);
        }
      }
      await inFlight;
      // Requests that came while the last write ran: derive them before this drain ends.
      if (!this.pending.size) break;
    }
    this.running = null;
  }

  private async write(sets: RowSet[]): Promise<void> {
    for (const set of sets) {
      if (!set.messages.length) continue;
      const ws = set.messages[0].workspace_id;
      // Checked again as the rows are handed over (synchronously): a conversation written since the lookup,
      // or still queued, is not replaced; one written after this queues after it.
      set.conversations = set.conversations.filter((c) => !this.conversations.has(ws, c.id));
      await this.writer.write(set);
      this.observer?.noteCommit(ws);
      this.observer?.noteMessages(ws, set.messages);
    }
  }

  private async deriveWorkspace(workspaceId: string, p: Pending) {
    const { from, to } = p;
    const rows: TraceSpanRow[] = [];
    const toRead: string[] = [];
    for (const t of p.traces) {
      const memory = this.seen.sole(workspaceId, t) ? p.memory.get(t) : undefined;
      if (!memory) toRead.push(t);
      // The same spans, in the same window, as the read would return.
      else
        for (const r of memory) if (r.start_time >= from && r.start_time <= to) rows.push(traceSpanRowOf(r));
    }
    for (let i = 0; i < toRead.length; i += CHUNK) {
      const chunk = toRead.slice(i, i + CHUNK);
      rows.push(...(await listTraceSpans(this.store, this.store.dialect, workspaceId, chunk, from, to)));
    }
    const byTrace = new Map<string, TraceSpan[]>();
    for (const r of rows) {
      const list = byTrace.get(r.trace_id) ?? [];
      list.push(traceSpanOf(r));
      byTrace.set(r.trace_id, list);
    }
    const messages: unknown[] = [];
    const conversations = new Map<string, ConversationInput>();
    for (const [traceId, spans] of byTrace) {
      const derived = traceMessages(traceId, spans);
      messages.push(...derived.messages);
      for (const c of derived.conversations) if (!conversations.has(c.id)) conversations.set(c.id, c);
    }
    const set = emptyRowSet();
    if (!messages.length) return set;
    // A conversation already stored (sent through /api/ingest, or derived before) keeps its own fields.
    const unknown = [...conversations.keys()].filter((id) => !this.conversations.has(workspaceId, id));
    for (let i = 0; i < unknown.length; i += CHUNK) {
      const chunk = unknown.slice(i, i + CHUNK);
      for (const id of await listPresentConversations(this.store, workspaceId, chunk)) {
        this.conversations.add(workspaceId, id);
      }
    }
    const fresh = unknown.filter((id) => !this.conversations.has(workspaceId, id));
    // The schema is the judge of what the mapping produced (an attribute can hold anything): a record it
    // refuses is not written, and its span stays stored.
    appendBatchRows(set, workspaceId, {
      conversations: valid(
        ConversationSchema,
        fresh.map((id) => conversations.get(id)),
      ),
      messages: valid(MessageSchema, messages),
    });
    return set;
  }
}

function valid<S extends z.ZodType>(schema: S, items: readonly unknown[]): z.output<S>[] {
  return items.flatMap((x) => {
    const p = schema.safeParse(x);
    return p.success ? [p.data] : [];
  });
}
