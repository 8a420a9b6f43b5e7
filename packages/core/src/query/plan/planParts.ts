// Owns the choice of a statement's parts: priced, direct, per-period or histogram, per grain.
import type { Filter } from '../AnalyticsQuery.ts';
import { filterDims } from '../compileFilter.ts';
import { baseColumn } from '../registry/baseColumns.ts';
import type { BaseColumn, DimensionDef, Grain, PartialDef } from '../registry/types.ts';
import type { PartPlan } from './QueryPlan.ts';

const viaModel = (c: BaseColumn) => baseColumn('message', c).join === 'model';
const ids = (ps: PartialDef[]) => ps.map((p) => p.id);

/**
 * Model-attribute dimensions (training method, base model) that the priced part, which groups on the model's
 * code anyway, can look up on its few grouped rows instead of joining every message to `models`: halves that
 * part (1M messages, 30 days: 10 against 20 ms). Not when a filter reads a model attribute: rows join then.
 */
function lateModelDims(dims: DimensionDef[], filters: Filter[]): string[] {
  const filtered = filters.flatMap(filterDims);
  if (filtered.some((d) => d.grain === 'message' && (d.columns ?? []).some(viaModel))) return [];
  return dims
    .filter((d) => d.grain === 'message' && d.code !== undefined && viaModel(d.code))
    .map((d) => d.id);
}

/**
 * The parts of a statement, by grain: priced message partials in the priced part and the message holistic
 * ones beside it, or all message partials in one direct part; without any dimension percentiles from a
 * histogram; evaluations and tool calls in a direct part each. In a two-period statement (`periods`) a message
 * part with distinct counts or percentiles is per period (see `perPeriodPart`). `dims` holds every grouping
 * dimension, the hidden period one included.
 */
export function planParts(
  partials: Record<Grain, PartialDef[]>,
  dims: DimensionDef[],
  filters: Filter[],
  periods: boolean,
): PartPlan[] {
  const parts: PartPlan[] = [];
  const message = (ps: PartialDef[]): PartPlan =>
    periods && ps.some((p) => p.distinct || p.percentile)
      ? { kind: 'per-period', partials: ids(ps) }
      : { kind: 'direct', grain: 'message', partials: ids(ps) };
  const histogram = dims.length === 0 ? partials.message.filter((p) => p.percentile) : [];
  const rest = partials.message.filter((p) => !histogram.includes(p));
  const priced = rest.filter((p) => p.kind === 'priced');
  if (priced.length > 0) {
    parts.push({
      kind: 'priced',
      additive: ids(rest.filter((p) => p.kind === 'additive')),
      priced: ids(priced),
      lateDimensions: lateModelDims(dims, filters),
    });
    const holistic = rest.filter((p) => p.kind === 'holistic');
    if (holistic.length > 0) parts.push(message(holistic));
  } else if (rest.length > 0) {
    parts.push(message(rest));
  }
  if (histogram.length > 0) parts.push({ kind: 'histogram', partials: ids(histogram) });
  for (const grain of ['evaluation', 'tool'] as const) {
    if (partials[grain].length > 0) parts.push({ kind: 'direct', grain, partials: ids(partials[grain]) });
  }
  return parts;
}
