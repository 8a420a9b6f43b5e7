// Owns GET /api/analytics/model-comparison: per-model metrics (one AnalyticsQuery grouped by model) beside the
// model registry, and each fine-tune's (sft/dpo/rlhf) delta against its base model. `compareModels` is the
// same table for any metrics, window and filter tree (exports read it).
import {
  COMPARED_METRICS,
  type ComparedModel,
  type DateRange,
  type Delta,
  type Filter,
  type ModelComparisonReply,
  RELATIVE_RANGES,
  type ReplyRow,
  registry,
} from '@llm-analytics/core';
import { z } from 'zod';
import type { Store } from '../../store/Store.ts';
import type { AnalyticsService } from '../AnalyticsService.ts';
import { listRegisteredModels } from '../queries/listRegisteredModels.ts';

export const ModelComparisonParams = z.object({ date_range: z.enum(RELATIVE_RANGES).default('30d') });
export type ModelComparisonParams = z.output<typeof ModelComparisonParams>;

const FINE_TUNES = new Set(['sft', 'dpo', 'rlhf']);

export function delta(value: number | null, base: number | null): Delta {
  if (value === null || base === null) return { absolute: null, pct: null };
  return { absolute: value - base, pct: base === 0 ? null : ((value - base) / Math.abs(base)) * 100 };
}

export interface ModelRow<M extends string> {
  model_id: string;
  name: string | null;
  provider: string | null;
  training_method: string | null;
  base_model: string | null;
  values: Record<M, number | null>;
  vs_base: { base_model: string; deltas: Record<M, Delta> } | null;
}

export interface ModelTable<M extends string> {
  window: { from: string; to: string } | null;
  models: ModelRow<M>[];
  unpriced_messages: number;
}

/**
 * The model table: `metrics` per model over the range and filters, registered models without traffic listed
 * with zero counts (so a fine-tune's base shows), and a fine-tune's delta to its base model per metric.
 */
export async function compareModels<M extends string>(
  deps: { analytics: AnalyticsService; store: Store },
  workspaceId: string,
  q: { metrics: readonly M[]; date_range: DateRange; filters?: Filter },
  now = new Date(),
): Promise<ModelTable<M>> {
  const [reply, registered] = await Promise.all([
    deps.analytics.query(
      workspaceId,
      {
        metrics: [...q.metrics],
        dimensions: ['model'],
        date_range: q.date_range,
        ...(q.filters ? { filters: q.filters } : {}),
      },
      now,
    ),
    listRegisteredModels(deps.store, workspaceId),
  ]);
  const info = new Map(registered.map((m) => [m.model_id, m]));
  const rows = new Map<string, ReplyRow>();
  for (const r of reply.rows) if (typeof r.model === 'string' && r.model) rows.set(r.model, r);
  const ids = [...rows.keys(), ...[...info.keys()].filter((id) => !rows.has(id))];
  const metricsOf = (id: string) => {
    const row = rows.get(id);
    const out = {} as Record<M, number | null>;
    for (const m of q.metrics) {
      const v = row?.[m];
      out[m] = typeof v === 'number' ? v : row || !isCount(m) ? null : 0;
    }
    return out;
  };
  const models = ids.map((id): ModelRow<M> => {
    const m = info.get(id);
    const values = metricsOf(id);
    const base = m?.base_model && FINE_TUNES.has(m.training_method ?? '') ? m.base_model : null;
    let vs_base: ModelRow<M>['vs_base'] = null;
    if (base && (rows.has(base) || info.has(base))) {
      const b = metricsOf(base);
      const deltas = {} as Record<M, Delta>;
      for (const k of q.metrics) deltas[k] = delta(values[k], b[k]);
      vs_base = { base_model: base, deltas };
    }
    return {
      model_id: id,
      name: m?.name ?? null,
      provider: m?.provider ?? null,
      training_method: m?.training_method ?? null,
      base_model: m?.base_model ?? null,
      values,
      vs_base,
    };
  });
  return { window: reply.meta.window, models, unpriced_messages: reply.meta.unpriced_messages ?? 0 };
}

export async function modelComparison(
  deps: { analytics: AnalyticsService; store: Store },
  workspaceId: string,
  params: ModelComparisonParams,
  now = new Date(),
): Promise<ModelComparisonReply> {
  const t = await compareModels(
    deps,
    workspaceId,
    { metrics: COMPARED_METRICS, date_range: params.date_range },
    now,
  );
  const models = t.models.map(({ values, vs_base, ...m }): ComparedModel => ({ ...m, ...values, vs_base }));
  return {
    success: true as const,
    data: {
      date_range: params.date_range,
      window: t.window,
      models,
      unpriced_messages: t.unpriced_messages,
    },
  };
}

/** A registered model without traffic has each metric's empty value: 0 for counts and sums, else none. */
const isCount = (m: string) => registry.metrics.get(m)?.empty === 0;
