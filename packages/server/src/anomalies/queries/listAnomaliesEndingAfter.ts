// Owns reading the anomalies a scan may meet again: those of the workspace ending after the scan's first bucket.
import type { Db } from '../../store/Store.ts';
import { ANOMALY_COLUMNS, type StoredAnomaly } from '../StoredAnomaly.ts';

export async function listAnomaliesEndingAfter(
  db: Db,
  workspaceId: string,
  afterMs: number,
): Promise<StoredAnomaly[]> {
  return db.query<StoredAnomaly & Record<string, unknown>>(
    `SELECT ${ANOMALY_COLUMNS.join(', ')} FROM analytics_anomalies WHERE workspace_id = $1 AND end_ms > $2`,
    [workspaceId, afterMs],
  );
}
