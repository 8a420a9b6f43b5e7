// Owns the PostgreSQL flavour of the SQL dialect.
import type { LogicalType } from '../../catalogue/TableDef.ts';
import type { TimeBucket } from '../AnalyticsQuery.ts';
import type { SqlDialect } from './SqlDialect.ts';

// VARCHAR and TEXT are the same type here; VARCHAR keeps the schema migrations 1-3 created.
const TYPES: Record<LogicalType, string> = {
  text: 'VARCHAR',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSONB',
  'text[]': 'TEXT[]',
};

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
  // An index on (…, column) answers `= ANY` directly.
  keyIn: (_table, alias, scope, column, param) =>
    `${scope(alias)} AND ${alias}.${column} = ANY(CAST(${param} AS TEXT[]))`,
  arrayAnyContains: (arrayExpr: string, param: string) =>
    `EXISTS (SELECT 1 FROM unnest(${arrayExpr}) AS tags(tag) WHERE strpos(lower(tags.tag), lower(${param})) > 0)`,
  jsonTextElements: (param: string) => `jsonb_array_elements_text(CAST(${param} AS jsonb))`,
  jsonText: (expr: string, keyParam: string) => `(${expr} ->> ${keyParam})`,
  columnType: (type) => TYPES[type],
  compression: () => '',
  skipLocked: 'FOR UPDATE SKIP LOCKED',
  indexes: true,
};
