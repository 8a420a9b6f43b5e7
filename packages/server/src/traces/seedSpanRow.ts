// Owns mapping the seed's POST /api/analytics/traces body onto a span row of the OTLP tables: its ids made
// OTLP-shaped (hashed when they are not), its fields kept as attributes.
import { createHash } from 'node:crypto';
import {
  isStorableText,
  jsonValueProblem,
  type SeedTraceBody,
  type ValidationIssue,
} from '@llm-analytics/core';
import { z } from 'zod';
import { ApiError } from '../http/ApiError.ts';
import type { SpanRow } from '../store/RowSet.ts';

const HEX32 = /^[0-9a-fA-F]{32}$/;
const HEX16 = /^[0-9a-fA-F]{16}$/;
const ISO = z.iso.datetime({ offset: true });
const LATEST_MS = Date.parse('9999-12-31T00:00:00Z');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** An id as `digits` lowercase hex digits: itself when it is, else the MD5 of it (cut to length). */
export function seedHexId(id: string, digits: 16 | 32): string {
  return (digits === 32 ? HEX32 : HEX16).test(id) ? id.toLowerCase() : md5(id).slice(0, digits);
}

/**
 * The span id a seed span gets without one of its own: the root of trace T gets md5("seed-root:" T), so a
 * re-sent root replaces itself and children sent before it point at it; a child gets md5("seed-span:" its
 * seed trace_id), the same on every re-send.
 */
export const seedRootSpanId = (traceId: string) => md5(`seed-root:${traceId}`).slice(0, 16);
const seedChildSpanId = (seedTraceId: string) => md5(`seed-span:${seedTraceId}`).slice(0, 16);

/** 400 `validation_failed` for text or metadata neither store can hold (what /api/ingest refuses too). */
export function checkSeedBody(body: SeedTraceBody, now: number): void {
  const issues: ValidationIssue[] = [];
  for (const k of [
    'trace_id',
    'span_name',
    'model_name',
    'operation_type',
    'parent_trace_id',
    'span_id',
  ] as const) {
    const v = body[k];
    if (v !== undefined && !isStorableText(v))
      issues.push({ path: k, message: 'must be valid Unicode without the NUL character' });
  }
  if (body.metadata !== undefined) {
    const problem = jsonValueProblem(body.metadata);
    if (problem) issues.push({ path: 'metadata', message: problem });
  }
  if (body.start_time !== undefined && !ISO.safeParse(body.start_time).success)
    issues.push({ path: 'start_time', message: 'must be an ISO-8601 timestamp with a zone' });
  else {
    const start = body.start_time !== undefined ? Date.parse(body.start_time) : now - body.duration_ms;
    if (start < 0 || start + body.duration_ms > LATEST_MS)
      issues.push({ path: 'duration_ms', message: 'the span must lie between 1970 and 9999' });
  }
  if (issues.length)
    throw new ApiError(400, 'validation_failed', `${issues[0].path}: ${issues[0].message}`, issues);
}

/**
 * The span row of a seed body. Without `parent_trace_id` the span is a root in trace hex(trace_id); with it
 * the span joins trace hex(parent_trace_id) as a child of `parentSpanId` (that trace's stored root, else the
 * id its seed root gets). `now` is the arrival time in epoch ms.
 */
export function seedSpanRow(
  body: SeedTraceBody,
  workspaceId: string,
  parentSpanId: string | null,
  now: number,
): SpanRow {
  const child = body.parent_trace_id !== undefined;
  const traceId = seedHexId(body.parent_trace_id ?? body.trace_id, 32);
  const spanId =
    body.span_id !== undefined
      ? seedHexId(body.span_id, 16)
      : child
        ? seedChildSpanId(body.trace_id)
        : seedRootSpanId(traceId);
  const start = body.start_time !== undefined ? Date.parse(body.start_time) : now - body.duration_ms;
  const attributes: Record<string, unknown> = {
    ...body.metadata,
    operation_type: body.operation_type,
    ...(body.model_name !== undefined ? { 'gen_ai.request.model': body.model_name } : {}),
    // The seed's own ids, where the stored ones are not them.
    ...(child || !HEX32.test(body.trace_id) ? { 'seed.trace_id': body.trace_id } : {}),
    ...(child && !HEX32.test(body.parent_trace_id!) ? { 'seed.parent_trace_id': body.parent_trace_id } : {}),
    ...(body.span_id !== undefined && !HEX16.test(body.span_id) ? { 'seed.span_id': body.span_id } : {}),
  };
  return {
    workspace_id: workspaceId,
    trace_id: traceId,
    span_id: spanId,
    parent_span_id: child ? parentSpanId : null,
    trace_state: null,
    name: body.span_name,
    kind: 1,
    start_time: start,
    end_time: start + body.duration_ms,
    duration_ms: body.duration_ms,
    status_code: 0,
    status_message: null,
    attributes: JSON.stringify(attributes),
    resource_attributes: '{}',
    events: null,
    links: null,
    service_name: null,
    scope_name: 'seed',
    scope_version: null,
    span_type: null,
    model_id: body.model_name ?? null,
    provider: null,
    input_tokens: null,
    output_tokens: null,
    conversation_id: null,
    tool_name: null,
  };
}
