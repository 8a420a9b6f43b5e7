// Owns the `model_comparison` export: the model table (registry attributes, metrics per model, and for each
// fine-tune the delta to its base model per metric) over the window and filters, from `compareModels`.
import { COMPARED_METRICS, type ExportColumn, type ExportTable, type ExportValue } from '@llm-analytics/core';
import { compareModels, type ModelTable } from '../../analytics/seed/modelComparison.ts';
import type { ExportDeps, ExportScope } from '../ExportScope.ts';
import { metricColumn } from './replyColumns.ts';

export interface ModelComparisonContent {
  /**
   * Columns: model_id, name, provider, training_method, base_model, then per metric `<m>`,
   * `<m>_vs_base` (fine-tune minus base) and `<m>_vs_base_pct`.
   */
  table: ExportTable;
  /** The same figures structured (what the table was made from). */
  models: ModelTable<string>;
}

export async function modelComparisonTable(
  deps: ExportDeps,
  scope: ExportScope,
): Promise<ModelComparisonContent> {
  const metrics = scope.includedMetrics ?? [...COMPARED_METRICS];
  const models = await compareModels(
    deps,
    scope.workspaceId,
    { metrics, date_range: scope.dateRange, ...(scope.filters ? { filters: scope.filters } : {}) },
    scope.now,
  );
  const columns: ExportColumn[] = [
    { name: 'model_id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'provider', type: 'text' },
    { name: 'training_method', type: 'text' },
    { name: 'base_model', type: 'text' },
  ];
  for (const m of metrics) {
    const c = metricColumn(m);
    columns.push(
      c,
      { ...c, name: `${m}_vs_base`, type: 'double' },
      { name: `${m}_vs_base_pct`, type: 'double', unit: 'percent' },
    );
  }
  const rows = models.models.map((r): ExportValue[] => [
    r.model_id,
    r.name,
    r.provider,
    r.training_method,
    r.base_model,
    ...metrics.flatMap((m) => [
      r.values[m] ?? null,
      r.vs_base?.deltas[m]?.absolute ?? null,
      r.vs_base?.deltas[m]?.pct ?? null,
    ]),
  ]);
  return { table: { name: 'model_comparison', columns, rows }, models };
}
