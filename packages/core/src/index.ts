// Public surface of @llm-analytics/core: schemas, registries, compiler, statistics (pure, no I/O).

export * from './catalogue/carriedContext.ts';
export * from './catalogue/catalogue.ts';
export * from './catalogue/citusStatements.ts';
export type * from './catalogue/TableDef.ts';
export * from './catalogue/tableColumns.ts';
export * from './catalogue/tableDdl.ts';
export * from './pricing/catalogPrices.ts';
export * from './pricing/PriceBook.ts';
export * from './query/AnalyticsQuery.ts';
export * from './query/compileEvaluationRows.ts';
export * from './query/compileQuery.ts';
export { getDialect } from './query/dialect/getDialect.ts';
export type { DialectName, SqlDialect } from './query/dialect/SqlDialect.ts';
export * from './query/formatResult.ts';
export * from './query/parseQuery.ts';
export * from './query/QueryError.ts';
export { metricPartials, registry } from './query/registry/registry.ts';
export type * from './query/registry/types.ts';
export type { SqlValue } from './query/SqlParams.ts';
export * from './query/timeWindow.ts';
export * from './schemas/errors.ts';
export * from './schemas/ingest.ts';
export * from './schemas/validateBatchFast.ts';
