// Owns the calls of the AnomalyFeed to /api/analytics/anomalies (list, triage, scan now).
import type { AnomalyListQuery, AnomalyRecord, AnomalyStatus, JobInfo } from '@llm-analytics/core';
import { api } from '../api/api';

const BASE = '/api/analytics/anomalies';

export interface AnomalyList {
  anomalies: AnomalyRecord[];
}

export const anomaliesApi = {
  list: (
    params: Partial<Pick<AnomalyListQuery, 'status' | 'sensitivity' | 'limit'>>,
    signal?: AbortSignal,
  ) => {
    const qs = new URLSearchParams(
      Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    return api<AnomalyList>('GET', `${BASE}?${qs}`, undefined, signal);
  },
  triage: (id: string, status: AnomalyStatus) =>
    api<AnomalyRecord>('PATCH', `${BASE}/${encodeURIComponent(id)}`, { status }),
  /** Queues a scan (or returns the one queued or running): follow the job for its outcome. */
  scan: () => api<JobInfo>('POST', `${BASE}/scan`, {}),
};
