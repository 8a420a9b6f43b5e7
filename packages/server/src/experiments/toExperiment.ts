// Owns turning a stored experiment row into its wire shape (core wire/experiments.ts).
import type { Experiment, ExperimentStatus, ExperimentVariant } from '@llm-analytics/core';
import { experimentJson, type StoredExperiment } from './StoredExperiment.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toExperiment(r: StoredExperiment): Experiment {
  return {
    id: r.id,
    workspace_id: r.workspace_id,
    name: r.name,
    hypothesis: r.hypothesis,
    unit: r.unit as Experiment['unit'],
    status: r.status as ExperimentStatus,
    status_changed_by: r.status_changed_by,
    status_changed_at: iso(r.status_changed_ms)!,
    variants: experimentJson(r.variants) as ExperimentVariant[],
    control: r.control,
    primary_metric: r.primary_metric,
    secondary_metrics: (experimentJson(r.secondary_metrics) as string[] | null) ?? [],
    min_effect: r.min_effect === null ? null : Number(r.min_effect),
    planned_split: experimentJson(r.planned_split) as number[] | null,
    start: iso(r.start_ms),
    end: iso(r.end_ms),
    conclusion: r.conclusion,
    created_by: r.created_by,
    created_at: iso(r.created_ms)!,
    updated_at: iso(r.updated_ms)!,
  };
}
