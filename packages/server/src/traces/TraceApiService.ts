// Owns the traces API: the trace list (a page of roots, then one priced summary statement for them), a
// trace's detail (its spans and summary) and the seed's span capture (through the one writer, ack after commit).
import type {
  SeedTraceBody,
  SeedTraceReply,
  Span,
  TraceDetailReply,
  TraceListReply,
} from '@llm-analytics/core';
import { ApiError } from '../http/ApiError.ts';
import type { TraceService } from '../ingest/otlp/TraceService.ts';
import type { Store } from '../store/Store.ts';
import type { PricedListing } from './PricedListing.ts';
import { pageRoots } from './pageRoots.ts';
import { findTraceRoot } from './queries/findTraceRoot.ts';
import type { RootRow } from './queries/listTraceRoots.ts';
import { listTraceSpans, type SpanRecord } from './queries/listTraceSpans.ts';
import { summarizeTraceSpans } from './queries/summarizeTraceSpans.ts';
import { checkSeedBody, seedRootSpanId, seedSpanRow } from './seedSpanRow.ts';
import { encodeCursor, parseTraceId, type TraceCursor, type TraceListParams } from './traceListParams.ts';
import { type TraceSummaryOf, traceSummaries } from './traceSummaries.ts';

/** Spans one detail reply carries at most (the earliest): a runaway trace must not make an unbounded reply. */
export const MAX_DETAIL_SPANS = 10_000;
/** Candidate pages one list request reads at most while it drops roots that are not their trace's first. */
const MAX_ROUNDS = 8;

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const obj = (v: unknown) => (json(v) ?? {}) as Record<string, unknown>;
const arr = (v: unknown) => (json(v) ?? []) as Record<string, unknown>[];
const publicSummary = ({ root_span_id: _, ...s }: TraceSummaryOf) => s;

export class TraceApiService {
  constructor(
    private readonly store: Store,
    /** The seed's spans are written as OTLP's are: the derivation must know their traces are stored. */
    private readonly spans: TraceService,
    private readonly priced: PricedListing,
  ) {}

  private async summaries(workspaceId: string, traceIds: string[]): Promise<Map<string, TraceSummaryOf>> {
    const groups = await this.priced.run(workspaceId, (pricing) =>
      summarizeTraceSpans(this.store, workspaceId, traceIds, pricing),
    );
    return traceSummaries(groups);
  }

  /**
   * Newest first by root start. A trace is listed once, at its root (its earliest span without a parent);
   * a later parentless span of it is skipped, which can leave a round short: the next one reads on.
   */
  async list(workspaceId: string, q: TraceListParams): Promise<TraceListReply> {
    const filter = {
      from: q.from,
      to: q.to,
      service: q.service,
      model: q.model,
      conversationId: q.conversation_id,
      status: q.status,
    };
    const listed: { summary: TraceSummaryOf; key: TraceCursor }[] = [];
    let after = q.after;
    let exhausted = false;
    for (let round = 0; round < MAX_ROUNDS && !exhausted && listed.length <= q.limit; round++) {
      const want = q.limit + 1 - listed.length;
      const roots: RootRow[] = await pageRoots(this.store, workspaceId, filter, after, want);
      exhausted = roots.length < want;
      if (roots.length === 0) break;
      const sums = await this.summaries(workspaceId, [...new Set(roots.map((r) => r.trace_id))]);
      for (const r of roots) {
        const s = sums.get(r.trace_id);
        if (s && s.root_span_id === r.span_id)
          listed.push({ summary: s, key: { time: r.k, traceId: r.trace_id } });
      }
      const last = roots[roots.length - 1];
      after = { time: last.k, traceId: last.trace_id };
    }
    const page = listed.slice(0, q.limit);
    // More to read: a (limit+1)-th trace was found, or the rounds ran out before the roots did.
    const more = listed.length > q.limit || !exhausted;
    const cursor = listed.length > q.limit ? page[page.length - 1].key : after;
    return {
      success: true,
      data: {
        traces: page.map((p) => publicSummary(p.summary)),
        next_cursor: more && cursor ? encodeCursor(cursor) : null,
      },
    };
  }

  async detail(workspaceId: string, rawTraceId: string): Promise<TraceDetailReply> {
    const traceId = parseTraceId(rawTraceId);
    const [spans, sums] = await Promise.all([
      listTraceSpans(this.store, workspaceId, traceId, MAX_DETAIL_SPANS),
      this.summaries(workspaceId, [traceId]),
    ]);
    const summary = sums.get(traceId);
    if (spans.length === 0 || !summary)
      throw new ApiError(404, 'not_found', 'no such trace in this workspace');
    return { success: true, data: { summary: publicSummary(summary), spans: spans.map(toSpan) } };
  }

  /** The seed's POST: one span, stored through the writer; resolves after its commit. */
  async capture(workspaceId: string, body: SeedTraceBody): Promise<SeedTraceReply> {
    const now = Date.now();
    checkSeedBody(body, now);
    let parent: string | null = null;
    if (body.parent_trace_id !== undefined) {
      const row = seedSpanRow(body, workspaceId, null, now);
      parent = (await findTraceRoot(this.store, workspaceId, row.trace_id)) ?? seedRootSpanId(row.trace_id);
    }
    const row = seedSpanRow(body, workspaceId, parent, now);
    await this.spans.writeSpans(workspaceId, [row]);
    return { success: true, data: { trace_id: row.trace_id, span_id: row.span_id } };
  }
}

function toSpan(r: SpanRecord): Span {
  return {
    trace_id: r.trace_id,
    span_id: r.span_id,
    parent_span_id: r.parent_span_id,
    name: r.name,
    kind: Number(r.kind),
    start_time: r.start_time,
    end_time: r.end_time,
    duration_ms: Number(r.duration_ms),
    status_code: Number(r.status_code),
    status_message: r.status_message,
    attributes: obj(r.attributes),
    resource_attributes: obj(r.resource_attributes),
    events: arr(r.events),
    links: arr(r.links),
    service_name: r.service_name,
    scope_name: r.scope_name,
    span_type: r.span_type === 'llm' || r.span_type === 'tool' ? r.span_type : null,
    model_id: r.model_id,
    provider: r.provider,
    input_tokens: r.input_tokens === null ? null : Number(r.input_tokens),
    output_tokens: r.output_tokens === null ? null : Number(r.output_tokens),
    conversation_id: r.conversation_id,
    tool_name: r.tool_name,
    message_id: r.span_type === 'llm' ? `${r.trace_id}-${r.span_id}` : null,
  };
}
