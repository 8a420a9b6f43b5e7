// Owns the reply metadata of a planned query: read off the plan, never off the SQL it renders to.
import type { QueryMeta } from '../CompiledQuery.ts';
import { registry } from '../registry/registry.ts';
import type { TimeWindow } from '../timeWindow.ts';
import type { QueryPlan } from './QueryPlan.ts';

const isoWindow = (w: TimeWindow) => ({ from: w.from.toISOString(), to: w.to.toISOString() });

export function queryMeta(plan: QueryPlan): QueryMeta {
  const { main } = plan;
  return {
    metrics: main.metrics.map((id) => {
      const m = registry.metrics.get(id)!;
      return { id, type: m.type, unit: m.unit };
    }),
    dimensions: main.dimensions,
    time_bucket: main.dimensions.includes('time') ? plan.bucket : null,
    window: plan.window ? isoWindow(plan.window) : null,
    ...(plan.comparison ? { comparison_window: isoWindow(plan.comparison.window) } : {}),
    limit: plan.limit,
    // Result rows carry `__unpriced` exactly when the main statement counts unpriced messages.
    priced: main.unpriced !== null,
  };
}
