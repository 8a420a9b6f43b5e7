// Owns reading raw table rows under a date range and filter tree (complete exports): each table keeps the rows
// its metrics count under the same filters (the compiler's context base and filter compilation), read in
// pages between key bounds so a reader holds one page at a time.
import type { DateRange, Filter } from './AnalyticsQuery.ts';
import type { CompileContext, CompiledStatement } from './CompiledQuery.ts';
import { compileFilter, filterDims } from './compileFilter.ts';
import { contextBaseSql } from './contextBase.ts';
import { getDialect } from './dialect/getDialect.ts';
import { parseQuery } from './parseQuery.ts';
import type { BaseColumn, Grain, SqlContext } from './registry/types.ts';
import { SqlParams } from './SqlParams.ts';
import { resolveWindow, sqlTimestamp } from './timeWindow.ts';
import { workspaceScope } from './workspaceScope.ts';

/** The raw tables a range and filter tree select rows of: the three fact grains and their conversations. */
export type RawTable = 'conversations' | 'messages' | 'evaluations' | 'tool_calls';

export interface RawRowsQuery {
  date_range: DateRange;
  filters?: Filter;
}

/** A page bound: the values of the table's key columns (`RAW_KEYS`), as text; a timestamp as the engine prints it. */
export type RawKey = string[];

type RawContext = Pick<CompileContext, 'workspaceId' | 'workspaceKey' | 'dialect' | 'now'>;

const GRAIN: Record<Exclude<RawTable, 'conversations'>, Grain> = {
  messages: 'message',
  evaluations: 'evaluation',
  tool_calls: 'tool',
};

/**
 * Each table's page key on its row `x`, in order. Facts sort by their message's time (the window's column, so a
 * page's bounds also narrow the scan); tool calls have no id of their own, so a message's calls share a key
 * and always land in one page.
 */
const RAW_KEYS: Record<RawTable, { sql: string; time: boolean }[]> = {
  conversations: [{ sql: 'x.id', time: false }],
  messages: [
    { sql: 'x.created_at', time: true },
    { sql: 'x.id', time: false },
  ],
  evaluations: [
    { sql: 'x.m_created_at', time: true },
    { sql: 'x.id', time: false },
  ],
  tool_calls: [
    { sql: 'x.m_created_at', time: true },
    { sql: 'x.message_id', time: false },
  ],
};

/** A selected column of the raw row: its name, and its SQL on the row `x` when not `x.<name>`. */
export interface RawColumn {
  name: string;
  sql?: string;
}

interface Built {
  x: SqlContext;
  params: SqlParams;
  /**
   * The kept rows as `r`, carrying `select` (on the table row `x`) as `__c<i>` and the page key as `__k<i>`;
   * `bounds` (on `x`) narrows the scan, or the kept rows when the filter counts conversation lengths.
   */
  kept: (select: RawColumn[], bounds: (keys: string[]) => string) => string;
}

function build(table: RawTable, q: RawRowsQuery, ctx: RawContext): Built {
  const { filters } = parseQuery({ metrics: ['messages'], ...q });
  const window = resolveWindow(q.date_range, ctx.now);
  const params = new SqlParams();
  const dialect = getDialect(ctx.dialect);
  const grain: Grain = table === 'conversations' ? 'message' : GRAIN[table];
  const x: SqlContext = {
    dialect,
    param: (v) => params.add(v),
    sla: () => {
      throw new Error('no filterable dimension reads the SLA threshold');
    },
    bucket: 'day',
    m: grain === 'message' ? 'b' : grain === 'evaluation' ? 'e' : 't',
    ...workspaceScope(params, ctx),
  };
  const windowSql = (column: string) =>
    window
      ? `${column} >= ${dialect.timestamp(params.add(sqlTimestamp(window.from)))} AND ${column} < ${dialect.timestamp(params.add(sqlTimestamp(window.to)))}`
      : '';
  const dims = filterDims(filters);
  // Conversation length counts a conversation's messages in the whole window: its join must not see page bounds.
  const lengthFilter = dims.some((d) => d.columns?.includes('conversation_length'));
  // Leaves on another grain are semi-joins on the message id.
  const columns = new Set<BaseColumn>(grain === 'message' ? ['id'] : []);
  for (const d of dims) {
    if (d.grain === 'message' || d.grain === grain) for (const c of d.columns ?? []) columns.add(c);
  }
  const kept = (select: RawColumn[], bounds: (keys: string[]) => string): string => {
    const keys = RAW_KEYS[table].map((k) => k.sql);
    const scanBounds = lengthFilter ? '' : bounds(keys);
    const base = contextBaseSql(grain, {
      columns,
      x,
      window: (c) => [windowSql(c), scanBounds].filter(Boolean).join(' AND '),
      ownExtra: [
        ...select.map((c, i) => `${c.sql ?? `x.${c.name}`} AS __c${i}`),
        ...keys.map((k, i) => `${k} AS __k${i}`),
      ],
    });
    const where = [
      filters ? compileFilter(filters, { grain, unnested: false, x }) : '',
      lengthFilter ? bounds(keys.map((_, i) => `${x.m}.__k${i}`)) : '',
    ].filter(Boolean);
    return `SELECT * FROM (${base}) ${x.m}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  };
  return { x, params, kept };
}

/** Key columns `keys` after `after` (exclusive) and up to `upTo` (inclusive), lexicographically. */
function boundsSql(
  table: RawTable,
  x: SqlContext,
  bounds: { after?: RawKey; upTo?: RawKey },
): (keys: string[]) => string {
  const types = RAW_KEYS[table];
  const bind = (bound: RawKey | undefined) =>
    bound?.map((v, i) =>
      types[i].time ? x.dialect.timestamp(x.param(v)) : `CAST(${x.param(v)} AS VARCHAR)`,
    );
  const after = bind(bounds.after);
  const upTo = bind(bounds.upTo);
  return (keys) => {
    const compare = (b: string[], strict: '>' | '<', inclusive: boolean): string => {
      // The first column alone as well, so the engine narrows the scan by it (DuckDB: row groups by min/max).
      const terms = keys.map((k, i) => {
        const eq = keys.slice(0, i).map((kj, j) => `${kj} = ${b[j]}`);
        const op = i === keys.length - 1 && inclusive ? `${strict}=` : strict;
        return `(${[...eq, `${k} ${op} ${b[i]}`].join(' AND ')})`;
      });
      return `${keys[0]} ${strict}= ${b[0]} AND (${terms.join(' OR ')})`;
    };
    return [after ? compare(after, '>', false) : '', upTo ? compare(upTo, '<', true) : '']
      .filter(Boolean)
      .join(' AND ');
  };
}

/** The kept keys' select items as text (`k<i>`), as `compileRawPage` takes them back. */
function keyText(table: RawTable, alias: string): string {
  return RAW_KEYS[table]
    .map((k, i) => (k.time ? `CAST(${alias}.__k${i} AS VARCHAR) AS k${i}` : `${alias}.__k${i} AS k${i}`))
    .join(', ');
}

/** Conversations with a kept message: the messages' filter, the conversations table's rows. */
function conversationRows(b: Built, select: RawColumn[], bounds: (keys: string[]) => string): string {
  const kept = b.kept([{ name: 'conversation_id' }], () => '');
  const where = [
    `x.workspace_id = ${b.x.workspace()}`,
    bounds(['x.id']),
    `x.id IN (SELECT b.__c0 FROM (${kept}) b)`,
  ];
  const items = [...select.map((c, i) => `${c.sql ?? `x.${c.name}`} AS __c${i}`), 'x.id AS __k0'];
  return `SELECT ${items.join(', ')} FROM conversations x WHERE ${where.filter(Boolean).join(' AND ')}`;
}

function keptRows(
  table: RawTable,
  b: Built,
  select: RawColumn[],
  bounds: (keys: string[]) => string,
): string {
  return table === 'conversations' ? conversationRows(b, select, bounds) : b.kept(select, bounds);
}

/**
 * One row per page of `pageSize` kept rows, in key order: the key of the page's last row (`k0`, `k1`… as text)
 * and `total`, the number of kept rows. Pages end at these keys, the last at the last kept row.
 */
export function compileRawBounds(
  table: RawTable,
  q: RawRowsQuery,
  ctx: RawContext,
  pageSize: number,
): CompiledStatement {
  const b = build(table, q, ctx);
  const order = RAW_KEYS[table].map((_, i) => `r.__k${i}`).join(', ');
  const rows = keptRows(table, b, [], () => '');
  const keys = RAW_KEYS[table].map((_, i) => `r.__k${i}`).join(', ');
  const inner = `SELECT ${keys}, row_number() OVER (ORDER BY ${order}) AS rn, count(*) OVER () AS total FROM (${rows}) r`;
  const size = b.x.param(pageSize);
  // Keys become text only on the few page-end rows.
  return {
    sql: `SELECT ${keyText(table, 'p')}, p.total FROM (${inner}) p WHERE p.rn % ${size} = 0 OR p.rn = p.total ORDER BY p.rn`,
    params: b.params.values,
    window: resolveWindow(q.date_range, ctx.now),
  };
}

/**
 * The kept rows of `table` with keys in (`after`, `upTo`], as `columns` of its row, in key order — or, with
 * `ordered: false`, in the order the engine finds them (a whole table copied by the engine itself: sorting it
 * would hold every row in memory at once).
 */
export function compileRawPage(
  table: RawTable,
  q: RawRowsQuery,
  ctx: RawContext,
  columns: RawColumn[],
  bounds: { after?: RawKey; upTo?: RawKey; ordered?: boolean },
): CompiledStatement {
  const b = build(table, q, ctx);
  const rows = keptRows(table, b, columns, boundsSql(table, b.x, bounds));
  const select = columns.map((c, i) => `r.__c${i} AS ${c.name}`).join(', ');
  const order = RAW_KEYS[table].map((_, i) => `r.__k${i}`).join(', ');
  return {
    sql: `SELECT ${select} FROM (${rows}) r${bounds.ordered === false ? '' : ` ORDER BY ${order}`}`,
    params: b.params.values,
    window: resolveWindow(q.date_range, ctx.now),
  };
}
