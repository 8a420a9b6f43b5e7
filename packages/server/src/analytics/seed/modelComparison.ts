// Owns GET /api/analytics/model-comparison: per-model metrics (one AnalyticsQuery grouped by model) beside the
// model registry, and each fine-tune's (sft/dpo/rlhf) delta against its base model.
import {
  COMPARED_METRICS,
  type ComparedMetric,
  type ComparedModel,
  type Delta,
  type ModelComparisonReply,
  RELATIVE_RANGES,
  type ReplyRow,
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

export async function modelComparison(
  deps: { analytics: AnalyticsService; store: Store },
  workspaceId: string,
  params: ModelComparisonParams,
  now = new Date(),
): Promise<ModelComparisonReply> {
  const [reply, registered] = await Promise.all([
    deps.analytics.query(
      workspaceId,
      { metrics: [...COMPARED_METRICS], dimensions: ['model'], date_range: params.date_range },
      now,
    ),
    listRegisteredModels(deps.store, workspaceId),
  ]);
  const info = new Map(registered.map((m) => [m.model_id, m]));
  const rows = new Map<string, ReplyRow>();
  for (const r of reply.rows) if (typeof r.model === 'string' && r.model) rows.set(r.model, r);
  // Registered models without traffic in the window are listed too (zero counts), so a fine-tune's base shows.
  const ids = [...rows.keys(), ...[...info.keys()].filter((id) => !rows.has(id))];
  const metricsOf = (id: string) => {
    const row = rows.get(id);
    const out = {} as Record<ComparedMetric, number | null>;
    for (const m of COMPARED_METRICS) {
      const v = row?.[m];
      out[m] = typeof v === 'number' ? v : row || !isCount(m) ? null : 0;
    }
    return out;
  };
  const models: ComparedModel[] = ids.map((id) => {
    const m = info.get(id);
    const values = metricsOf(id);
    const base = m?.base_model && FINE_TUNES.has(m.training_method ?? '') ? m.base_model : null;
    let vs_base: ComparedModel['vs_base'] = null;
    if (base && (rows.has(base) || info.has(base))) {
      const b = metricsOf(base);
      const deltas = {} as Record<ComparedMetric, Delta>;
      for (const k of COMPARED_METRICS) deltas[k] = delta(values[k], b[k]);
      vs_base = { base_model: base, deltas };
    }
    return {
      model_id: id,
      name: m?.name ?? null,
      provider: m?.provider ?? null,
      training_method: m?.training_method ?? null,
      base_model: m?.base_model ?? null,
      ...values,
      vs_base,
    };
  });
  return {
    success: true as const,
    data: {
      date_range: params.date_range,
      window: reply.meta.window,
      models,
      unpriced_messages: reply.meta.unpriced_messages ?? 0,
    },
  };
}

const isCount = (m: ComparedMetric) =>
  ['messages', 'evaluations', 'input_tokens', 'output_tokens', 'total_tokens', 'cost'].includes(m);
