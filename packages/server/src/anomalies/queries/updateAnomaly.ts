// Owns replacing one anomaly row's fields (its workspace, id and first detection stay).
import type { Db } from '../../store/Store.ts';
import { ANOMALY_COLUMNS, anomalyValues, type StoredAnomaly } from '../StoredAnomaly.ts';

const FIXED = new Set(['workspace_id', 'id', 'detected_ms']);

export async function updateAnomaly(db: Db, r: StoredAnomaly): Promise<void> {
  const values = anomalyValues(r);
  const sets: string[] = [];
  const params: (string | number | null)[] = [r.workspace_id, r.id];
  ANOMALY_COLUMNS.forEach((c, i) => {
    if (!FIXED.has(c)) sets.push(`${c} = $${params.push(values[i])}`);
  });
  await db.query(
    `UPDATE analytics_anomalies SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2`,
    params,
  );
}
