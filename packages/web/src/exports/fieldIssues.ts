// Owns placing a failed export's error: a 400's issues at their fields (by the path's first part), the rest on top.
import { ApiError } from '../api/api';

export interface PlacedErrors {
  /** Message per top-level request field (`startDate`, `includedMetrics`…). */
  fields: Record<string, string>;
  /** What belongs to no field shown: the quota (429), a server or network failure, an unplaced issue. */
  general: string | null;
  quota: boolean;
}

export const NO_ERRORS: PlacedErrors = { fields: {}, general: null, quota: false };

export function placeErrors(err: unknown, shownFields: readonly string[]): PlacedErrors {
  if (!(err instanceof ApiError)) return { fields: {}, general: (err as Error).message, quota: false };
  if (err.status === 429) return { fields: {}, general: err.message, quota: true };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of err.issues) {
    const field = issue.path.split(/[.[]/)[0] ?? '';
    if (shownFields.includes(field)) fields[field] ??= issue.message;
    else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  const general =
    unplaced.length > 0 ? unplaced.join('; ') : Object.keys(fields).length > 0 ? null : err.message;
  return { fields, general, quota: false };
}
