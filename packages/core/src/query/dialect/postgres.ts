// Owns the PostgreSQL flavour of the SQL dialect.
import type { TimeBucket } from '../AnalyticsQuery.ts';
import type { SqlDialect } from './SqlDialect.ts';

export const postgres: SqlDialect = {
  name: 'postgres',
  double: 'double precision',
  dateTrunc: (bucket: TimeBucket, expr: string) => `date_trunc('${bucket}', ${expr})`,
  isoText: (expr: string) => `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  timestamp: (param: string) => `CAST(${param} AS TIMESTAMP)`,
  percentile: (fractions, index, expr) =>
    `(percentile_cont(ARRAY[${fractions.join(', ')}]::double precision[]) WITHIN GROUP (ORDER BY ${expr}))[${index + 1}]`,
  countIf: (cond: string) => `count(*) FILTER (WHERE ${cond})`,
  arrayOverlaps: (arrayExpr: string, params: string[]) =>
    `${arrayExpr} && CAST(ARRAY[${params.join(', ')}] AS TEXT[])`,
  arrayAnyContains: (arrayExpr: string, param: string) =>
    `EXISTS (SELECT 1 FROM unnest(${arrayExpr}) AS tags(tag) WHERE strpos(lower(tags.tag), lower(${param})) > 0)`,
  jsonText: (expr: string, keyParam: string) => `(${expr} ->> ${keyParam})`,
};
