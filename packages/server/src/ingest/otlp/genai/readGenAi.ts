// Owns reading one span by the GenAI mapping: whether it is an LLM or a tool call, and the fields its attributes give.
import { LIMITS } from '@llm-analytics/core';
import {
  type Attrs,
  CONTENT_EVENTS,
  CONVENTIONS,
  type ConventionId,
  markerPresent,
} from './genAiConventions.ts';

export interface GenAiSpan {
  type: 'llm' | 'tool';
  convention: ConventionId;
  model: string | null;
  provider: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  /** The conversation the span names; null when it names none (the trace is then the conversation). */
  conversation_id: string | null;
  user_id: string | null;
  error_type: string | null;
  /** The prompt and completion as text (text parts of chat messages joined), when the span carries them. */
  input: string | null;
  output: string | null;
  tool_name: string | null;
}

/** What readGenAi needs of a span besides its attributes. */
export interface SpanFacts {
  status_code: number;
  events: readonly { name: string; attributes: Attrs }[];
}

const STATUS_ERROR = 2;

/** The span's GenAI reading, or null when no convention calls it an LLM or tool call. */
export function readGenAi(a: Attrs, span: SpanFacts): GenAiSpan | null {
  for (const c of CONVENTIONS) {
    if (!markerPresent(c, a)) continue;
    const type = c.isLlm(a) ? 'llm' : c.isTool(a) ? 'tool' : null;
    // The first convention whose marker is present decides: a Vercel wrapper is not read again as gen_ai.
    if (type === null) return null;
    const pick = (f: keyof typeof c.fields) => first(a, c.fields[f] ?? []);
    let input = contentText(pick('input'));
    let output = contentText(pick('output'));
    for (const e of CONTENT_EVENTS) {
      const ev = span.events.find((x) => x.name === e.event);
      if (!ev) continue;
      const t = contentText(ev.attributes[e.attribute]);
      if (e.field === 'input') input ??= t;
      else output ??= t;
    }
    return {
      type,
      convention: c.id,
      model: label(pick('model')),
      provider: providerName(pick('provider')),
      input_tokens: tokens(pick('input_tokens')),
      output_tokens: tokens(pick('output_tokens')),
      conversation_id: label(pick('conversation_id')),
      user_id: label(pick('user_id')),
      error_type:
        label(pick('error_type')) ?? (span.status_code === STATUS_ERROR ? exceptionType(span) : null),
      input,
      output,
      tool_name: label(pick('tool_name')),
    };
  }
  return null;
}

function first(a: Attrs, keys: readonly string[]): unknown {
  for (const k of keys) if (a[k] !== undefined && a[k] !== null && a[k] !== '') return a[k];
  return undefined;
}

/** A label the ingest schema accepts: a non-empty string (numbers as text) of at most the id length. */
function label(v: unknown): string | null {
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  return s === '' || s.length > LIMITS.idLength ? null : s;
}

function providerName(v: unknown): string | null {
  const s = label(v)?.toLowerCase();
  // The Vercel AI SDK names its provider with the API it calls (`openai.chat`, `anthropic.messages`).
  return s ? (s.split('.')[0] ?? s) : null;
}

function tokens(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}

function exceptionType(span: SpanFacts): string {
  const ex = span.events.find((e) => e.name === 'exception');
  return label(ex?.attributes['exception.type']) ?? 'span_error';
}

/**
 * Text of a prompt or completion: a plain string, or chat messages (GenAI's `[{role, parts: [{type: 'text',
 * content}]}]`, OpenInference's `[{message: {content}}]`, OpenAI's `[{content}]`) with their text joined. A JSON
 * string is parsed first; what has no text is kept as its JSON.
 */
export function contentText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  let value = v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!(t.startsWith('[') || t.startsWith('{'))) return clip(v);
    try {
      value = JSON.parse(t);
    } catch {
      return clip(v);
    }
  }
  const parts: string[] = [];
  collectText(value, parts, 0);
  return clip(parts.length ? parts.join('\n') : JSON.stringify(value));
}

function collectText(v: unknown, out: string[], depth: number): void {
  if (depth > 6 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collectText(x, out, depth + 1);
    return;
  }
  const o = v as Attrs;
  if (typeof o.content === 'string') out.push(o.content);
  else if (typeof o.text === 'string') out.push(o.text);
  else
    for (const k of ['parts', 'content', 'message', 'messages', 'choices']) collectText(o[k], out, depth + 1);
}

const clip = (s: string) => (s.length > LIMITS.contentChars ? s.slice(0, LIMITS.contentChars) : s);
