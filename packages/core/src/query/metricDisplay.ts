// Owns how any registry metric is shown: its label and display unit (the KPI row's where it has one).
import { type DisplayUnit, KPIS, type KpiDef } from './kpis.ts';
import { registry } from './registry/registry.ts';
import type { Unit } from './registry/types.ts';

/** Registry unit → display unit; counts of anything (messages, evaluations…) show as counts. */
const DISPLAY: Partial<Record<Unit, DisplayUnit>> = {
  usd: 'usd',
  ms: 'ms',
  percent: 'percent',
  rating: 'rating',
  tokens: 'tokens',
  messages_per_conversation: 'ratio',
  none: 'ratio',
};

/** The KPI card of `id`, or one built from the registry (label from the id, unit from its registry unit). */
export function metricDisplay(id: string): KpiDef {
  const known = KPIS.find((k) => k.metric === id);
  if (known) return known;
  const def = registry.metrics.get(id);
  const label = id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const better = def?.direction === 'higher' ? 'up' : def?.direction === 'lower' ? 'down' : 'none';
  return { metric: id, label, unit: (def && DISPLAY[def.unit]) ?? 'count', better };
}
