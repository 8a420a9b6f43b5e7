// Owns the size and shape bounds of ingested data, shared by the zod schemas, the fast validator and the importer.
export const LIMITS = {
  idLength: 256,
  contentChars: 100_000,
  metadataJsonChars: 16_384,
  /** Objects and arrays nested in one free-form JSON value (metadata, training_dataset,
   *  evaluation_metrics); `{}` is 1 level. Far below where JSON.stringify and other recursive walks
   *  overflow the stack (about 4,000 levels in V8), which a 30 KB body could otherwise reach. */
  jsonDepth: 32,
  failureTags: 32,
  tagLength: 64,
  toolsPerMessage: 64,
  itemsPerBatch: 20_000,
} as const;
