// Owns `llm-analytics explain`: a query's plan and the SQL and parameters it compiles to, per dialect, without
// opening a database (default settings, no catalog prices).
import {
  type CompiledQuery,
  type CompiledStatement,
  type DialectName,
  explainQuery,
  formatSql,
  QueryError,
  type QueryExplanation,
} from '@llm-analytics/core';
import { queryNow } from '../analytics/AnalyticsService.ts';
import { DEFAULT_SETTINGS } from '../settings/SettingsService.ts';
import { planText } from './planText.ts';

const DIALECTS: DialectName[] = ['duckdb', 'postgres'];
/** DuckDB keeps fact rows to a workspace by its integer key, which only the database knows: shown as this. */
export const EXPLAIN_WORKSPACE_KEY = 1;

export interface ExplainOptions {
  workspace: string;
  dialect?: string;
  json?: boolean;
  now?: string;
}

/** The context `explain` compiles in, as the server would for a new workspace with default settings. */
export function explainContext(o: { workspace: string; now: Date }) {
  return {
    workspaceId: o.workspace,
    now: o.now,
    priceBook: DEFAULT_SETTINGS.price_book,
    slaThresholdMs: DEFAULT_SETTINGS.sla_threshold_ms,
    catalogPrices: [],
  };
}

/** The statements that run, in order: the main one, then the previous period's own one when it has one. */
function statements(c: CompiledQuery): { role: string; sql: string; params: CompiledStatement['params'] }[] {
  const out = [{ role: 'main', sql: c.sql, params: c.params }];
  if (c.comparison) out.push({ role: 'comparison', sql: c.comparison.sql, params: c.comparison.params });
  return out;
}

/** Runs the command; returns the exit code (2: bad input, with the error on stderr). */
export function explain(queryJson: string | undefined, o: ExplainOptions): number {
  const problem = (e: { code: string; message: string; path: string }) => {
    console.error(JSON.stringify(e));
    return 2;
  };
  if (o.dialect !== undefined && !DIALECTS.includes(o.dialect as DialectName)) {
    return problem({
      code: 'invalid_option',
      message: `--dialect must be ${DIALECTS.join(' or ')}`,
      path: '',
    });
  }
  const now = o.now ? new Date(o.now) : queryNow();
  if (Number.isNaN(now.getTime())) {
    return problem({ code: 'invalid_option', message: '--now must be an ISO-8601 timestamp', path: '' });
  }
  let input: unknown;
  try {
    input = JSON.parse(queryJson ?? '');
  } catch (e) {
    return problem({
      code: 'invalid_query',
      message: `query is not JSON: ${(e as Error).message}`,
      path: '',
    });
  }
  const ctx = explainContext({ workspace: o.workspace, now });
  const dialects = (o.dialect ? [o.dialect as DialectName] : DIALECTS).map((dialect) => ({
    dialect,
    ...(dialect === 'duckdb' ? { workspaceKey: EXPLAIN_WORKSPACE_KEY } : {}),
  }));
  let x: QueryExplanation;
  try {
    x = explainQuery(input, ctx, dialects);
  } catch (e) {
    if (e instanceof QueryError) return problem({ code: e.code, message: e.message, path: e.path });
    throw e;
  }
  if (o.json) {
    const out = {
      query: input,
      context: { workspace_id: o.workspace, now: now.toISOString(), settings: DEFAULT_SETTINGS },
      plan: x.plan,
      dialects: Object.fromEntries(
        x.rendered.map(({ dialect, compiled }) => [
          dialect,
          { meta: compiled.meta, periods: compiled.periods ?? false, statements: statements(compiled) },
        ]),
      ),
    };
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  const out = [
    `query: ${JSON.stringify(input)}`,
    `context: workspace ${o.workspace} · now ${now.toISOString()} · default settings (SLA ${DEFAULT_SETTINGS.sla_threshold_ms} ms, empty price book) · no catalog prices · DuckDB workspace key ${EXPLAIN_WORKSPACE_KEY}`,
    '',
    'plan',
    planText(x.plan).replace(/^/gm, '  '),
  ];
  for (const { dialect, compiled } of x.rendered) {
    out.push(
      '',
      `${dialect}${compiled.periods ? ' (both periods in the main statement, told apart by __period)' : ''}`,
    );
    for (const s of statements(compiled)) {
      out.push(`-- ${s.role} statement`, `${formatSql(s.sql)};`, `-- params: ${JSON.stringify(s.params)}`);
    }
  }
  console.log(out.join('\n'));
  return 0;
}
