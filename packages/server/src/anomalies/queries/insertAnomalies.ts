// Owns adding anomaly rows, many per statement (run it in a transaction).
import type { Db } from '../../store/Store.ts';
import { ANOMALY_COLUMNS, anomalyValues, type StoredAnomaly } from '../StoredAnomaly.ts';

/** Rows per INSERT: 40 × 28 columns stays far below either engine's parameter limit. */
const CHUNK = 40;

export async function insertAnomalies(db: Db, rows: readonly StoredAnomaly[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: (string | number | null)[] = [];
    const tuples = chunk.map(
      (r) =>
        `(${anomalyValues(r)
          .map((v) => `$${params.push(v)}`)
          .join(', ')})`,
    );
    await db.query(
      `INSERT INTO analytics_anomalies (${ANOMALY_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}
