// Owns the `complete` export: raw conversations, messages, evaluations and tool calls in the range and filters,
// each table a source read page by page (bounded memory), with its row count known before the first page.
import {
  COMPLETE_TABLES,
  type CompleteTable,
  compileRawBounds,
  compileRawPage,
  type ExportValue,
  type RawRowsQuery,
} from '@llm-analytics/core';
import { scopeKey } from '../../store/FactScope.ts';
import type { ExportDeps, ExportScope, TableSource } from '../ExportScope.ts';
import { listRawBounds } from '../queries/listRawBounds.ts';
import { listRawPage } from '../queries/listRawPage.ts';
import { rawColumns } from '../rawColumns.ts';
import { COPY_OPTIONS, copySelect } from '../writers/copySelect.ts';

/**
 * Rows per page read from the store: what a complete export holds in memory at once. At 200k demo messages,
 * 20,000 peaked the JS heap at ~180 MB (a page's rows as the driver's values, row objects and arrays, plus the
 * previous page's garbage) and 5,000 at ~100 MB, in the same time.
 */
export const RAW_PAGE_ROWS = 5_000;

export interface CompleteOptions {
  tables?: readonly CompleteTable[];
  pageRows?: number;
  /** Called before each page read (tests count them). */
  onPage?: (table: CompleteTable, rows: number) => void;
}

/**
 * One source per table. Which rows: each table keeps what its metrics count under the same filters —
 * messages of the window that pass the filter tree (an evaluation or tool leaf keeps a message with such an
 * evaluation or call), evaluations and tool calls whose message lies in the window and that pass it on their
 * own grain (`rating = 5` keeps the rating-5 evaluations), and the conversations of the kept messages.
 */
export async function completeTables(
  deps: ExportDeps,
  scope: ExportScope,
  opts: CompleteOptions = {},
): Promise<TableSource[]> {
  const pageRows = opts.pageRows ?? RAW_PAGE_ROWS;
  const q: RawRowsQuery = {
    date_range: scope.dateRange,
    ...(scope.filters ? { filters: scope.filters } : {}),
  };
  const ctx = {
    workspaceId: scope.workspaceId,
    workspaceKey: scopeKey(deps.store.factScope(scope.workspaceId)),
    dialect: deps.store.dialect,
    now: scope.now,
  };
  const tables = opts.tables ?? COMPLETE_TABLES;
  const { store } = deps;
  return Promise.all(
    tables.map(async (table): Promise<TableSource> => {
      const columns = rawColumns(table);
      const names = columns.map((c) => c.name);
      const bounds = await listRawBounds(deps.store, compileRawBounds(table, q, ctx, pageRows));
      const exported = columns.map(({ sql: _sql, ...c }) => c);
      return {
        name: table,
        columns: exported,
        total: bounds.total,
        async *chunks(): AsyncIterable<ExportValue[][]> {
          let after: string[] | undefined;
          for (const upTo of bounds.ends) {
            opts.onPage?.(table, pageRows);
            const page = compileRawPage(table, q, ctx, columns, { ...(after ? { after } : {}), upTo });
            const rows = await listRawPage(deps.store, page, names);
            if (rows.length) yield rows;
            after = upTo;
          }
        },
        ...(store.copyTo
          ? {
              copyTo: (path: string, format: 'csv' | 'parquet') => {
                const all = compileRawPage(table, q, ctx, columns, { ordered: false });
                const select = copySelect(all.sql, exported, format);
                return store.copyTo!(select, all.params, path, COPY_OPTIONS[format]);
              },
            }
          : {}),
      };
    }),
  );
}
