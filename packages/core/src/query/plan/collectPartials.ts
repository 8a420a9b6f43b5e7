// Owns which partial aggregates a statement computes: those its metrics read, what priced ones need, and the
// unpriced-message count whenever anything is priced (the reply reports it).
import { metricPartials, registry } from '../registry/registry.ts';
import type { Grain, MetricDef, PartialDef } from '../registry/types.ts';

/** The partials of `metrics` by grain, each grain's in registry order. */
export function collectPartials(metrics: MetricDef[]): Record<Grain, PartialDef[]> {
  const ids = new Set(metrics.flatMap(metricPartials));
  for (const id of [...ids]) for (const need of registry.partials.get(id)!.needs ?? []) ids.add(need);
  if ([...ids].some((id) => registry.partials.get(id)!.kind === 'priced')) {
    for (const id of ['unpriced', 'tok_msgs']) ids.add(id);
  }
  const out: Record<Grain, PartialDef[]> = { message: [], evaluation: [], tool: [] };
  for (const p of registry.partials.values()) if (ids.has(p.id)) out[p.grain].push(p);
  return out;
}
