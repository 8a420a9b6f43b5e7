// Owns a test span row: every column of the catalogue's `spans` filled with a plain default, the test's own
// fields over it (a new column then needs one default here, not one per fixture).
import type { SpanRow } from '../../src/store/RowSet.ts';

export function spanRow(
  over: Partial<SpanRow> & Pick<SpanRow, 'workspace_id' | 'trace_id' | 'span_id' | 'start_time'>,
): SpanRow {
  const duration = over.duration_ms ?? 10;
  return {
    parent_span_id: null,
    trace_state: null,
    name: 'span',
    kind: 1,
    end_time: over.start_time + duration,
    duration_ms: duration,
    status_code: 0,
    status_message: null,
    attributes: '{}',
    resource_attributes: '{}',
    events: null,
    links: null,
    service_name: null,
    scope_name: null,
    scope_version: null,
    span_type: null,
    model_id: null,
    provider: null,
    input_tokens: null,
    output_tokens: null,
    conversation_id: null,
    tool_name: null,
    ...over,
  };
}
