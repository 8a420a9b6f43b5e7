// Owns turning an edit form's save into a PATCH body: only the fields the user changed (so the activity log names
// them), compared with what the same form sends untouched, and the status only when it moves.
import type { Experiment, ExperimentStatus, UpdateExperimentRequest } from '../api/types.ts';
import { experimentDraft, type RequestBody } from './experimentDraft.ts';

export function editPatch(
  e: Experiment,
  body: RequestBody,
  status: ExperimentStatus,
): UpdateExperimentRequest {
  const untouched = experimentDraft.toRequest(experimentDraft.from(e));
  const before: Partial<RequestBody> = 'body' in untouched ? untouched.body : {};
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body))
    if (JSON.stringify(v) !== JSON.stringify(before[k as keyof RequestBody])) patch[k] = v;
  if (status !== e.status) patch.status = status;
  return patch as UpdateExperimentRequest;
}
