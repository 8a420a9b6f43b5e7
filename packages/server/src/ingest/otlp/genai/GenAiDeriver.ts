// Owns writing the assistant messages of committed LLM spans: re-derives each touched trace from all its stored
// spans (a tool span may arrive after its call), one derivation at a time, batching what arrives meanwhile.
import { type ConversationInput, ConversationSchema, MessageSchema } from '@llm-analytics/core';
import type { z } from 'zod';
import { appendBatchRows, emptyRowSet } from '../../../store/RowSet.ts';
import type { Store } from '../../../store/Store.ts';
import type { GroupCommitWriter } from '../../GroupCommitWriter.ts';
import type { MessageObserver } from '../../IngestService.ts';
import { listPresentConversations } from '../queries/listPresentConversations.ts';
import { listTraceSpans, type TraceSpanRow } from '../queries/listTraceSpans.ts';
import { readGenAi } from './readGenAi.ts';
import { type TraceSpan, traceMessages } from './traceMessages.ts';

interface Waiter {
  resolve(): void;
  reject(e: unknown): void;
}

/** Trace ids per statement: bound parameters stay well under both engines' limits. */
const CHUNK = 500;
/**
 * How far from the request's spans the rest of their traces are looked for. Without an index on DuckDB, a
 * time bound is what keeps this read from scanning every stored span; a trace longer than this (a tool span
 * six hours after its call) is read in parts.
 */
export const TRACE_WINDOW_MS = 6 * 3_600_000;

interface Pending {
  traces: Set<string>;
  from: number;
  to: number;
}

export class GenAiDeriver {
  /** Traces waiting for the next derivation, per workspace, and the requests waiting on it. */
  private pending = new Map<string, Pending>();
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly writer: GroupCommitWriter,
    private readonly observer?: MessageObserver,
  ) {}

  /**
   * Resolves once the messages of the traces of `spans` (their GenAI spans) reflect every span of theirs committed before this call.
   * Derivations run one at a time: a later one always reads what an earlier one read, so a slower, older
   * derivation can never overwrite a newer one's messages.
   */
  derive(workspaceId: string, spans: readonly { trace_id: string; start_time: number; end_time: number }[]) {
    if (!spans.length) return Promise.resolve();
    const p = this.pending.get(workspaceId) ?? { traces: new Set<string>(), from: Infinity, to: -Infinity };
    for (const s of spans) {
      p.traces.add(s.trace_id);
      p.from = Math.min(p.from, s.start_time - TRACE_WINDOW_MS);
      p.to = Math.max(p.to, s.end_time + TRACE_WINDOW_MS);
    }
    this.pending.set(workspaceId, p);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.running ??= this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    while (this.pending.size) {
      const batch = this.pending;
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        for (const [ws, p] of batch) await this.deriveWorkspace(ws, [...p.traces], p.from, p.to);
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.running = null;
  }

  private async deriveWorkspace(workspaceId: string, traceIds: string[], from: number, to: number) {
    const rows: TraceSpanRow[] = [];
    for (let i = 0; i < traceIds.length; i += CHUNK) {
      rows.push(...(await listTraceSpans(this.store, workspaceId, traceIds.slice(i, i + CHUNK), from, to)));
    }
    const byTrace = new Map<string, TraceSpan[]>();
    for (const r of rows) {
      const list = byTrace.get(r.trace_id) ?? [];
      list.push(traceSpan(r));
      byTrace.set(r.trace_id, list);
    }
    const messages: unknown[] = [];
    const conversations = new Map<string, ConversationInput>();
    for (const [traceId, spans] of byTrace) {
      const derived = traceMessages(traceId, spans);
      messages.push(...derived.messages);
      for (const c of derived.conversations) if (!conversations.has(c.id)) conversations.set(c.id, c);
    }
    if (!messages.length) return;
    // A conversation already stored (sent through /api/ingest, or derived before) keeps its own fields.
    const ids = [...conversations.keys()];
    const present = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const id of await listPresentConversations(this.store, workspaceId, ids.slice(i, i + CHUNK))) {
        present.add(id);
      }
    }
    // The schema is the judge of what the mapping produced (an attribute can hold anything): a record it
    // refuses is not written, and its span stays stored.
    const set = emptyRowSet();
    appendBatchRows(set, workspaceId, {
      conversations: valid(
        ConversationSchema,
        [...conversations.values()].filter((c) => !present.has(c.id)),
      ),
      messages: valid(MessageSchema, messages),
    });
    if (!set.messages.length) return;
    await this.writer.write(set);
    this.observer?.noteCommit(workspaceId);
    this.observer?.noteMessages(workspaceId, set.messages);
  }
}

function valid<S extends z.ZodType>(schema: S, items: readonly unknown[]): z.output<S>[] {
  return items.flatMap((x) => {
    const p = schema.safeParse(x);
    return p.success ? [p.data] : [];
  });
}

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

function traceSpan(r: TraceSpanRow): TraceSpan {
  const start = Date.parse(r.start_time);
  const end = Date.parse(r.end_time);
  const base = {
    span_id: r.span_id,
    parent_span_id: r.parent_span_id,
    name: r.name,
    start_ms: start,
    end_ms: end,
    duration_ms: Number(r.duration_ms),
    status_code: Number(r.status_code),
  };
  if (r.span_type === 'llm') {
    const attrs = (parseJson(r.attributes) ?? {}) as Record<string, unknown>;
    const events = (parseJson(r.events) ?? []) as { name: string; attributes: Record<string, unknown> }[];
    return { ...base, genai: readGenAi(attrs, { status_code: base.status_code, events }) };
  }
  if (r.span_type === 'tool') {
    return { ...base, genai: toolReading(r.tool_name) };
  }
  return { ...base, genai: null };
}

/** A tool span needs only its name (a column) for the derivation. */
function toolReading(tool: string | null): TraceSpan['genai'] {
  return {
    type: 'tool',
    convention: 'gen_ai',
    model: null,
    provider: null,
    input_tokens: null,
    output_tokens: null,
    conversation_id: null,
    user_id: null,
    error_type: null,
    input: null,
    output: null,
    tool_name: tool,
  };
}
