// Owns reading one anomaly of a workspace by id.
import type { Db } from '../../store/Store.ts';
import { ANOMALY_COLUMNS, type StoredAnomaly } from '../StoredAnomaly.ts';

export async function findAnomaly(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<StoredAnomaly | undefined> {
  const [row] = await db.query<StoredAnomaly & Record<string, unknown>>(
    `SELECT ${ANOMALY_COLUMNS.join(', ')} FROM analytics_anomalies WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return row;
}
