// Owns turning exported cell values into wire-format values: PostgreSQL/Supabase spellings of booleans,
// timestamps, text arrays and JSON (as they appear in CSV cells or stringified in JSON exports).
// Each parser throws a CellError with a message fit for the user; the caller adds line and field.
export class CellError extends Error {}

const TRUE = new Set(['t', 'true', '1', 'yes', 'y']);
const FALSE = new Set(['f', 'false', '0', 'no', 'n']);

export function parseBoolean(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new CellError(`expected a boolean (t/f/true/false), got ${JSON.stringify(v)}`);
}

export function parseNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  const n = Number(s);
  // Number('') is 0 and Number('0x1f') is 31: accept only plain decimal spellings.
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) || !Number.isFinite(n)) {
    throw new CellError(`expected a number, got ${JSON.stringify(v)}`);
  }
  return n;
}

/** JSON columns (json/jsonb) arrive as text in CSV and sometimes double-encoded in JSON exports. */
export function parseJsonCell(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw new CellError(`expected JSON, got ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`);
  }
}

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * `2025-11-20 14:03:11.123456+00` (Postgres timestamptz text) → `2025-11-20T14:03:11.123Z`. A value without
 * an offset (timestamp without time zone) is taken as UTC, which is what Supabase stores. Microseconds are
 * truncated to the milliseconds JavaScript dates carry.
 */
export function normalizeTimestamp(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = TIMESTAMP.exec(v.trim());
  if (!m) throw new CellError(`expected an ISO-8601 or PostgreSQL timestamp, got ${JSON.stringify(v)}`);
  const [, date, hh = '00', mi = '00', ss = '00', frac = '', rawOffset] = m;
  let offset = !rawOffset || rawOffset.toUpperCase() === 'Z' ? 'Z' : rawOffset;
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
  }
  const ms = `${frac}000`.slice(0, 3);
  const t = Date.parse(`${date}T${hh}:${mi}:${ss}.${ms}${offset}`);
  if (Number.isNaN(t)) throw new CellError(`not a valid date/time: ${JSON.stringify(v)}`);
  return new Date(t).toISOString();
}

/**
 * Text-array cells: a Postgres array literal `{hallucination,"off topic"}`, a JSON array `["a","b"]`, or a
 * plain comma-separated list `a, b` (hand-written CSV). NULL elements are dropped.
 */
export function parseTextArray(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s.startsWith('[')) return parseJsonCell(s);
  if (!s.startsWith('{')) {
    return s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }
  if (!s.endsWith('}')) throw new CellError(`unterminated array literal ${JSON.stringify(v)}`);
  return parsePgArrayBody(s.slice(1, -1), v);
}

function parsePgArrayBody(body: string, original: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    while (body[i] === ' ') i++;
    if (body[i] === '"') {
      // Quoted element: backslash escapes the next character.
      let value = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        value += body[i] ?? '';
        i++;
      }
      if (body[i] !== '"') throw new CellError(`unterminated quoted element in ${JSON.stringify(original)}`);
      i++;
      out.push(value);
    } else {
      let j = i;
      while (j < body.length && body[j] !== ',') j++;
      const value = body.slice(i, j).trim();
      if (value.startsWith('{'))
        throw new CellError(`nested arrays are not supported: ${JSON.stringify(original)}`);
      if (value.toUpperCase() !== 'NULL' && value !== '') out.push(value);
      i = j;
    }
    while (body[i] === ' ') i++;
    if (i < body.length && body[i] !== ',') {
      throw new CellError(`malformed array literal ${JSON.stringify(original)}`);
    }
    i++;
  }
  return out;
}
