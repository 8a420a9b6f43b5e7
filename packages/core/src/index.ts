// Public surface of @llm-analytics/core: schemas, registries, compiler, statistics (pure, no I/O).
export * from './schemas/ingest.ts';
export * from './schemas/errors.ts';
