// Owns the oracle's rows, dimension values and filter semantics, written from docs/metrics.md (no SQL involved).
import type { Filter, FilterLeaf, FilterValue } from '@llm-analytics/core';
import type { DsEvaluation, DsTool } from './dataset.ts';

export type Grain = 'message' | 'evaluation' | 'tool';
export type Val = string | number | boolean | null;

/** A message in the window with everything its dimensions need. */
export interface Msg {
  id: string;
  t: number;
  conversation_id: string;
  role: string;
  model_id: string | null;
  provider: string | null;
  error_type: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  user_id: string | null;
  session_id: string | null;
  experiment_name: string | null;
  widget: boolean | null;
  training_method: string | null;
  base_model: string | null;
  /** Messages of its conversation inside the window. */
  length: number;
  evals: DsEvaluation[];
  tools: DsTool[];
}

/** One row of a grain: a message, an evaluation (or one (evaluation, tag) pair), or a tool call. */
export interface Row {
  grain: Grain;
  msg: Msg;
  ev?: DsEvaluation;
  tag?: string;
  tool?: DsTool;
}

export const DIM_GRAIN: Record<string, Grain> = {
  time: 'message',
  model: 'message',
  provider: 'message',
  role: 'message',
  error_type: 'message',
  session: 'message',
  conversation: 'message',
  latency: 'message',
  experiment: 'message',
  widget: 'message',
  user: 'message',
  conversation_length: 'message',
  training_method: 'message',
  base_model: 'message',
  rating: 'evaluation',
  evaluator: 'evaluation',
  failure_tag: 'evaluation',
  success: 'evaluation',
  tool: 'tool',
};

export function lengthBucket(n: number): string {
  if (n <= 1) return '1';
  if (n <= 3) return '2-3';
  if (n <= 5) return '4-5';
  if (n <= 10) return '6-10';
  if (n <= 20) return '11-20';
  if (n <= 50) return '21-50';
  return '51+';
}

export function dayStart(t: number): string {
  return `${new Date(t).toISOString().slice(0, 10)}T00:00:00Z`;
}

/** The rows of `grain` for one message; with `unnestTags`, an evaluation yields one row per failure tag. */
export function rowsOf(grain: Grain, msg: Msg, unnestTags: boolean): Row[] {
  if (grain === 'message') return [{ grain, msg }];
  if (grain === 'tool') return msg.tools.map((tool) => ({ grain, msg, tool }));
  if (!unnestTags) return msg.evals.map((ev) => ({ grain, msg, ev }));
  return msg.evals.flatMap((ev) => (ev.failure_tags ?? []).map((tag) => ({ grain, msg, ev, tag })));
}

function messageValue(dim: string, m: Msg): Val {
  switch (dim) {
    case 'time':
      return dayStart(m.t);
    case 'model':
      return m.model_id;
    case 'provider':
      return m.provider;
    case 'role':
      return m.role;
    case 'error_type':
      return m.error_type;
    case 'session':
      return m.session_id;
    case 'conversation':
      return m.conversation_id;
    case 'latency':
      return m.latency_ms;
    case 'experiment':
      return m.experiment_name;
    case 'widget':
      return m.widget;
    case 'user':
      return m.user_id;
    case 'conversation_length':
      return lengthBucket(m.length);
    case 'training_method':
      return m.training_method;
    case 'base_model':
      return m.base_model;
  }
  throw new Error(`not a message dimension: ${dim}`);
}

/** The value a row shows for a dimension of its own grain or of the message grain. */
export function groupValue(dim: string, row: Row): Val {
  if (DIM_GRAIN[dim] === 'message') return messageValue(dim, row.msg);
  if (dim === 'rating') return row.ev?.rating ?? null;
  if (dim === 'evaluator') return row.ev?.evaluator_id ?? null;
  if (dim === 'success') return row.ev?.success ?? null;
  if (dim === 'failure_tag') return row.tag ?? null;
  if (dim === 'tool') return row.tool?.name ?? null;
  throw new Error(`unknown dimension ${dim}`);
}

const isGroup = (f: Filter): f is ['and' | 'or', Filter[]] => f[0] === 'and' || f[0] === 'or';
const isNot = (f: Filter): f is ['not', Filter] => f[0] === 'not';

export function grainsOf(f: Filter): Set<Grain> {
  if (isGroup(f)) return new Set(f[1].flatMap((c) => [...grainsOf(c)]));
  if (isNot(f)) return grainsOf(f[1]);
  return new Set([DIM_GRAIN[f[1]]]);
}

/** Top-level AND terms. */
export function conjuncts(f: Filter | undefined): Filter[] {
  if (!f) return [];
  return isGroup(f) && f[0] === 'and' ? f[1].flatMap(conjuncts) : [f];
}

/** A single-valued test; a missing value fails every positive op and passes neq/not_in. */
function scalarTest(op: FilterLeaf[0], v: Val, want: Val[]): boolean {
  switch (op) {
    case 'eq':
      return v !== null && v === want[0];
    case 'neq':
      return v === null || v !== want[0];
    case 'in':
      return v !== null && want.includes(v);
    case 'not_in':
      return v === null || !want.includes(v);
    case 'contains':
      return typeof v === 'string' && v.toLowerCase().includes(String(want[0]).toLowerCase());
    case 'gte':
      return typeof v === 'number' && v >= Number(want[0]);
    case 'lte':
      return typeof v === 'number' && v <= Number(want[0]);
  }
}

function wanted(dim: string, raw: FilterValue[]): Val[] {
  if (dim === 'widget' || dim === 'success') return raw.map((v) => v === true || v === 'true');
  if (dim === 'rating') return raw.map(Number);
  return raw.map(String);
}

/** A leaf tested on a row of the leaf's own grain (or any row, for message dimensions). */
function leafOnRow(leaf: FilterLeaf, row: Row): boolean {
  const [op, dim, raw] = leaf;
  const values = Array.isArray(raw) ? raw : [raw];
  if (dim === 'failure_tag' && row.tag === undefined) {
    // The whole tag list of one evaluation: eq/in match when one tag matches, neq/not_in when none does.
    const tags = row.ev?.failure_tags ?? [];
    const want = values.map(String);
    const any = tags.some((t) => want.includes(t));
    if (op === 'eq' || op === 'in') return any;
    if (op === 'neq' || op === 'not_in') return !any;
    if (op === 'contains') return tags.some((t) => t.toLowerCase().includes(want[0].toLowerCase()));
    throw new Error(`${op} on failure_tag`);
  }
  if (op === 'gte' || op === 'lte') {
    if (dim === 'time') return scalarTest(op, row.msg.t, [Date.parse(String(values[0]))]);
    if (dim === 'conversation_length') return scalarTest(op, row.msg.length, values.map(Number));
  }
  return scalarTest(op, groupValue(dim, row), wanted(dim, values));
}

/**
 * Whether a row passes a filter. A leaf on another (non-message) grain tests the row's message: it passes
 * when one of the message's rows of that grain passes the leaf. `not` is plain negation.
 */
export function passes(f: Filter, row: Row): boolean {
  if (isGroup(f))
    return f[0] === 'and' ? f[1].every((c) => passes(c, row)) : f[1].some((c) => passes(c, row));
  if (isNot(f)) return !passes(f[1], row);
  const grain = DIM_GRAIN[f[1]];
  if (grain === 'message' || grain === row.grain) return leafOnRow(f, row);
  return rowsOf(grain, row.msg, false).some((r) => leafOnRow(f, r));
}
