// Owns deciding what a scan's anomalies do to the stored ones: insert, update (keeping triage), or nothing.
import type { DetectedAnomaly } from '@llm-analytics/core';
import { type Detection, detectionChanged, type StoredAnomaly, toDetection } from './StoredAnomaly.ts';

export interface AnomalyUpsertPlan {
  inserts: StoredAnomaly[];
  updates: StoredAnomaly[];
  unchanged: number;
}

/** The series an anomaly belongs to, and its side: two anomalies can only be one incident when these agree. */
const seriesKey = (
  d: Pick<Detection, 'metric' | 'granularity' | 'slice_dimension' | 'slice_value' | 'direction'>,
) => JSON.stringify([d.metric, d.granularity, d.slice_dimension, d.slice_value, d.direction]);

/**
 * Each detected anomaly is matched to a stored one by id (the same series and start), else to a stored
 * anomaly of the same series and side that it overlaps — the scan window moves, so an incident near its
 * start can be judged against a slightly different baseline and begin a bucket earlier or later; it is still
 * the incident the team triaged. A match is updated only when a detection column changed; its status, who
 * acknowledged or resolved it and when, and its first detection stay. Unmatched anomalies are new and open.
 * Stored anomalies the scan no longer finds are kept: they are the history of what was seen.
 */
export function planAnomalyUpsert(
  workspaceId: string,
  stored: readonly StoredAnomaly[],
  detected: readonly DetectedAnomaly[],
  nowMs: number,
): AnomalyUpsertPlan {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const bySeries = new Map<string, StoredAnomaly[]>();
  for (const s of stored) {
    const k = seriesKey(s);
    bySeries.set(k, [...(bySeries.get(k) ?? []), s]);
  }
  const detectedIds = new Set(detected.map((d) => d.id));
  const claimed = new Set<string>();
  const plan: AnomalyUpsertPlan = { inserts: [], updates: [], unchanged: 0 };
  // Exact ids first, so an overlap match never takes a row another anomaly of this scan owns by id.
  const ordered = [...detected].sort((a, b) => Number(byId.has(b.id)) - Number(byId.has(a.id)));
  for (const a of ordered) {
    const next = toDetection(a);
    const match =
      (byId.has(a.id) && !claimed.has(a.id) ? byId.get(a.id) : undefined) ??
      bySeries
        .get(seriesKey(next))
        ?.find((s) => !claimed.has(s.id) && !detectedIds.has(s.id) && overlaps(s, next));
    if (!match) {
      plan.inserts.push({
        workspace_id: workspaceId,
        id: a.id,
        ...next,
        status: 'open',
        acknowledged_by: null,
        acknowledged_ms: null,
        resolved_by: null,
        resolved_ms: null,
        detected_ms: nowMs,
        updated_ms: nowMs,
      });
      continue;
    }
    claimed.add(match.id);
    if (detectionChanged(match, next)) plan.updates.push({ ...match, ...next, updated_ms: nowMs });
    else plan.unchanged++;
  }
  return plan;
}

const overlaps = (s: StoredAnomaly, d: Detection) =>
  Number(s.start_ms) < d.end_ms && Number(s.end_ms) > d.start_ms;
