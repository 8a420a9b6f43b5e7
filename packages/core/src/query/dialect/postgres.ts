// Owns the PostgreSQL flavour of the SQL dialect.
import type { TimeBucket } from '../AnalyticsQuery.ts';
import type { SqlDialect } from './SqlDialect.ts';

export const postgres: SqlDialect = {
  name: 'postgres',
  double: 'double precision',
  dateTrunc: (bucket: TimeBucket, expr: string) => `date_trunc('${bucket}', ${expr})`,
  isoText: (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  timestamp: (param: string) => `CAST(${param} AS TIMESTAMP)`,
  percentile: (fraction: number, expr: string) =>
    `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${expr})`,
  arrayOverlaps: (arrayExpr: string, params: string[]) =>
    `${arrayExpr} && CAST(ARRAY[${params.join(', ')}] AS TEXT[])`,
  unnestJoin: (arrayExpr: string, alias: string, column: string) =>
    `CROSS JOIN LATERAL unnest(${arrayExpr}) AS ${alias}(${column})`,
  jsonText: (expr: string, keyParam: string) => `(${expr} ->> ${keyParam})`,
};
