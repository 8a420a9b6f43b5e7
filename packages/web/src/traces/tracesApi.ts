// Owns reading the traces API: a page of the trace list, one trace's spans, one conversation's thread.
import { api } from '../api/api';
import type { ConversationReply, TraceDetailReply, TraceListReply } from '../api/types';
import { type TraceFilters, traceListParams } from './traceFilters';

export const TRACE_PAGE_SIZE = 50;

export async function fetchTracePage(
  filters: TraceFilters,
  cursor: string | null,
  signal: AbortSignal,
): Promise<TraceListReply['data']> {
  const q = traceListParams(filters);
  q.set('limit', String(TRACE_PAGE_SIZE));
  if (cursor) q.set('cursor', cursor);
  return (await api<TraceListReply>('GET', `/api/analytics/traces?${q}`, undefined, signal)).data;
}

export async function fetchTrace(traceId: string, signal: AbortSignal): Promise<TraceDetailReply['data']> {
  return (await api<TraceDetailReply>('GET', `/api/traces/${encodeURIComponent(traceId)}`, undefined, signal))
    .data;
}

export async function fetchConversation(id: string, signal: AbortSignal): Promise<ConversationReply['data']> {
  return (
    await api<ConversationReply>('GET', `/api/conversations/${encodeURIComponent(id)}`, undefined, signal)
  ).data;
}
