// Owns listing a workspace's anomalies with the GET filters, newest first.
import type { AnomalyGranularity, AnomalySensitivity, AnomalyStatus, SqlValue } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';
import { ANOMALY_COLUMNS, type StoredAnomaly } from '../StoredAnomaly.ts';

export interface AnomalyFilter {
  /** The stored `sensitivity` values shown (a `medium` list shows `low` and `medium` anomalies). */
  sensitivities: readonly AnomalySensitivity[];
  /** Anomalies overlapping [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
  metric?: string;
  status?: AnomalyStatus;
  model?: string;
  provider?: string;
  granularity?: AnomalyGranularity;
  limit: number;
}

export async function listAnomalies(db: Db, workspaceId: string, f: AnomalyFilter): Promise<StoredAnomaly[]> {
  const params: SqlValue[] = [workspaceId];
  const bind = (v: SqlValue) => `$${params.push(v)}`;
  const where = ['workspace_id = $1', `sensitivity IN (${f.sensitivities.map(bind).join(', ')})`];
  if (f.fromMs !== undefined) where.push(`end_ms > ${bind(f.fromMs)}`);
  if (f.toMs !== undefined) where.push(`start_ms < ${bind(f.toMs)}`);
  if (f.metric !== undefined) where.push(`metric = ${bind(f.metric)}`);
  if (f.status !== undefined) where.push(`status = ${bind(f.status)}`);
  if (f.granularity !== undefined) where.push(`granularity = ${bind(f.granularity)}`);
  if (f.model !== undefined) where.push(`slice_dimension = 'model' AND slice_value = ${bind(f.model)}`);
  if (f.provider !== undefined)
    where.push(`slice_dimension = 'provider' AND slice_value = ${bind(f.provider)}`);
  return db.query<StoredAnomaly & Record<string, unknown>>(
    `SELECT ${ANOMALY_COLUMNS.join(', ')} FROM analytics_anomalies WHERE ${where.join(' AND ')}
       ORDER BY start_ms DESC, id DESC LIMIT ${bind(f.limit)}`,
    params,
  );
}
