// Owns the DuckDB flavour of the SQL dialect.
import type { TimeBucket } from '../AnalyticsQuery.ts';
import type { SqlDialect } from './SqlDialect.ts';

export const duckdb: SqlDialect = {
  name: 'duckdb',
  double: 'DOUBLE',
  dateTrunc: (bucket: TimeBucket, expr: string) => `date_trunc('${bucket}', ${expr})`,
  isoText: (expr: string) => `strftime(${expr}, '%Y-%m-%dT%H:%M:%SZ')`,
  timestamp: (param: string) => `CAST(${param} AS TIMESTAMP)`,
  // quantile_cont is DuckDB's exact percentile_cont; the fraction must be a constant.
  percentile: (fraction: number, expr: string) => `quantile_cont(${expr}, ${fraction})`,
  arrayOverlaps: (arrayExpr: string, params: string[]) =>
    `list_has_any(${arrayExpr}, [${params.map((p) => `CAST(${p} AS VARCHAR)`).join(', ')}])`,
  unnestJoin: (arrayExpr: string, alias: string, column: string) =>
    `CROSS JOIN unnest(${arrayExpr}) AS ${alias}(${column})`,
  jsonText: (expr: string, keyParam: string) => `json_extract_string(${expr}, '$.' || ${keyParam})`,
};
