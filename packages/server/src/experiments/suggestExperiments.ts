// Owns the drafts offered from the data: each experiment_name whose sessions no stored experiment covers yet.
import type { Experiment, ExperimentSuggestion } from '@llm-analytics/core';
import type { AnalyticsService } from '../analytics/AnalyticsService.ts';

/** A session id that reads like the control arm; otherwise the first session (by name) is the control. */
const CONTROL = /(^|[-_ ])(control|baseline|base|a)$/i;

const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "SFT vs DPO" with sessions ab-finetune-sft, ab-finetune-dpo: the session whose last part the name says first. */
function namedFirst(name: string, ids: readonly string[]): string | undefined {
  const text = plain(name);
  const at = (id: string) => text.indexOf(plain(id.split(/[-_ ]/).pop() ?? id));
  return ids
    .filter((id) => at(id) >= 0)
    .sort((x, y) => at(x) - at(y))
    .at(0);
}

const DEFAULT_SECONDARY = ['error_rate', 'latency_p95', 'cost_per_message'];

export async function suggestExperiments(
  analytics: AnalyticsService,
  workspaceId: string,
  existing: readonly Experiment[],
): Promise<ExperimentSuggestion[]> {
  const covered = new Set(existing.flatMap((e) => e.variants.flatMap((v) => v.session_ids ?? [])));
  const reply = await analytics.query(workspaceId, {
    metrics: ['conversations'],
    dimensions: ['experiment', 'session'],
    date_range: 'all',
  });
  const groups = new Map<string, Map<string, number>>();
  for (const r of reply.rows) {
    const name = r.experiment;
    const session = r.session;
    if (typeof name !== 'string' || typeof session !== 'string' || covered.has(session)) continue;
    const sessions = groups.get(name) ?? new Map<string, number>();
    sessions.set(session, Number(r.conversations ?? 0));
    groups.set(name, sessions);
  }
  return [...groups.entries()]
    .filter(([, sessions]) => sessions.size >= 2)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, sessions]) => {
      const ids = [...sessions.keys()].sort();
      const control = ids.find((s) => CONTROL.test(s)) ?? namedFirst(name, ids) ?? ids[0];
      const draft: ExperimentSuggestion['draft'] = {
        name,
        unit: 'conversation',
        status: 'draft',
        variants: ids.map((s) => ({ name: s, session_ids: [s] })),
        control,
        primary_metric: 'success_rate',
        secondary_metrics: DEFAULT_SECONDARY,
      };
      return {
        experiment_name: name,
        session_ids: ids,
        conversations: ids.map((s) => sessions.get(s) ?? 0),
        draft,
      };
    });
}
