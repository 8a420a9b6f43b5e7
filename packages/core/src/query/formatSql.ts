// Owns the human-readable layout of a compiled statement (for `explain` and the golden snapshots): one clause
// per line, indented by subquery depth. Layout only: whitespace outside quotes collapses, nothing else changes.

const BREAK_BEFORE = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP BY',
  'ORDER BY',
  'LIMIT',
  'LEFT JOIN',
  'JOIN',
  'UNION ALL',
];
const WORD = /[A-Za-z0-9_]/;

/** `sql` with a line break and indentation before each clause keyword that stands outside quotes. */
export function formatSql(sql: string): string {
  let out = '';
  let depth = 0;
  let i = 0;
  const newline = () => {
    out = out.trimEnd();
    if (out) out += `\n${'  '.repeat(depth)}`;
  };
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (/\s/.test(ch)) {
      if (!out.endsWith(' ') && !out.endsWith('\n') && out) out += ' ';
      i += 1;
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    const atWord = !WORD.test(sql[i - 1] ?? ' ');
    const keyword = atWord
      ? BREAK_BEFORE.find((k) => sql.startsWith(k, i) && !WORD.test(sql[i + k.length] ?? ' '))
      : undefined;
    // `IS NOT DISTINCT FROM` is an operator, not a clause.
    if (keyword && !out.endsWith('(') && !(keyword === 'FROM' && out.endsWith('DISTINCT '))) {
      newline();
      out += keyword;
      i += keyword.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out.trimEnd();
}
