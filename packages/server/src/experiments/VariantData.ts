// Owns the shape of one variant's loaded data, which the per-metric statistics read.

/** One variant's data: per-unit rows of the unit query, latency values per unit (sampled), exact percentiles. */
export interface VariantData {
  units: Record<string, number | string | boolean | null>[];
  /** Latency values of each sampled unit's messages, ascending; null when no percentile metric was asked for. */
  latencies: number[][] | null;
  /** Units that have latency values, and how many of them `latencies` holds: a sample when fewer. */
  latencyUnits: number;
  sampledUnits: number;
  /** Exact percentiles over all the variant's latency values, by metric id. */
  percentiles: Record<string, number | null>;
}
