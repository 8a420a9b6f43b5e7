// Owns which stored tables an AnalyticsQuery reads, from the registry and the catalogue: what a live `data`
// event (naming the tables written) must match for a reader of the query to re-run it.
import { TABLES, type TableName } from '../catalogue/catalogue.ts';
import type { AnalyticsQuery, Filter } from './AnalyticsQuery.ts';
import { isFilterGroup, isFilterNot } from './filterShape.ts';
import { metricPartials, registry } from './registry/registry.ts';
import type { BaseColumn, Grain } from './registry/types.ts';

/** The fact table of each grain. */
const GRAIN_TABLE = {
  message: 'messages',
  evaluation: 'evaluations',
  tool: 'tool_calls',
} as const satisfies Record<Grain, TableName>;

/** Columns read from another table than the grain's: the model registry's joined attributes, conversation length. */
const JOINED = new Map<string, TableName>([
  ...Object.entries(TABLES.models.columns).flatMap(([name, c]) =>
    'joined' in c ? [name, c.coded].filter((n): n is string => !!n).map((n) => [n, 'models'] as const) : [],
  ),
  ['conversation_length', 'messages'],
  ['cohort_id', 'analytics_cohort_members'],
]);

function filterDimensions(f: Filter | undefined, out: string[]): string[] {
  if (!f) return out;
  if (isFilterGroup(f)) for (const c of f[1]) filterDimensions(c, out);
  else if (isFilterNot(f)) filterDimensions(f[1], out);
  else out.push(f[1]);
  return out;
}

/**
 * Every table the query's rows come from, sorted: its metrics' and dimensions' grain tables, the tables of
 * joined columns, and the parents whose columns those tables carry (a re-sent conversation rewrites its
 * messages' copies). Unknown ids are skipped (the server rejects such a query anyway).
 */
export function queryTables(q: AnalyticsQuery): TableName[] {
  const tables = new Set<TableName>();
  const columns: BaseColumn[] = [];
  for (const id of q.metrics) {
    const m = registry.metrics.get(id);
    if (!m) continue;
    tables.add(GRAIN_TABLE[m.grain]);
    for (const p of metricPartials(m)) columns.push(...(registry.partials.get(p)?.columns ?? []));
  }
  for (const id of [...(q.dimensions ?? []), ...filterDimensions(q.filters, [])]) {
    const d = registry.dimensions.get(id);
    if (!d) continue;
    tables.add(GRAIN_TABLE[d.grain]);
    columns.push(...(d.columns ?? []));
    // A set dimension's filter reads its membership table too; grouping reads it through `columns`.
    if (d.membership) tables.add(d.membership.table as TableName);
  }
  for (const c of columns) {
    const t = JOINED.get(c);
    if (t) tables.add(t);
  }
  for (const t of [...tables]) {
    for (let parent = (TABLES[t] as { carries?: TableName }).carries; parent; ) {
      tables.add(parent);
      parent = (TABLES[parent] as { carries?: TableName }).carries;
    }
  }
  return [...tables].sort();
}
