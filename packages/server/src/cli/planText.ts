// Owns the readable form of a query plan that `explain` prints: one line per choice the planner made.
import type { PartPlan, QueryPlan, StatementPlan, TimeWindow } from '@llm-analytics/core';

const span = (w: TimeWindow | null) => (w ? `${w.from.toISOString()} → ${w.to.toISOString()}` : 'all time');
const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');

function partText(p: PartPlan): string {
  switch (p.kind) {
    case 'priced':
      return `priced: additive ${list(p.additive)} · priced ${list(p.priced)} · late dimensions ${list(p.lateDimensions)}`;
    case 'direct':
      return `direct (${p.grain} rows): ${list(p.partials)}`;
    case 'per-period':
      return `per-period (one select per window): ${list(p.partials)}`;
    case 'histogram':
      return `histogram (value → count): ${list(p.partials)}`;
  }
}

function statementText(name: string, s: StatementPlan): string[] {
  const lines = [
    `${name} statement: ${span(s.window)}${s.split ? ` (two periods, split at ${s.split.toISOString()})` : ''}`,
    `  metrics: ${list(s.metrics)}`,
    `  dimensions: ${list(s.dimensions)}`,
    `  source: ${s.source === 'rollup' ? 'rollup (one aggregate per conversation)' : 'parts'}`,
    ...s.parts.map((p, i) => `    part ${i + 1}: ${partText(p)}`),
    `  partials: ${list(s.partials)}`,
    `  row source: ${s.base === 'shared' ? 'shared (one MATERIALIZED CTE)' : 'inline'} · base columns ${list(s.baseColumns)}`,
    ...s.filters.map((f) => `  filter (${f.placement}): ${JSON.stringify(f.conjunct)}`),
    `  unpriced count: ${s.unpriced ?? '—'}`,
    `  order: ${list(s.order.map(([f, d]) => `${f} ${d}`))}`,
  ];
  return lines;
}

/** The plan as indented text lines. */
export function planText(plan: QueryPlan): string {
  return [
    `window: ${span(plan.window)} · bucket ${plan.bucket} · limit ${plan.limit}`,
    `comparison: ${plan.comparison ? `${span(plan.comparison.window)} (${plan.comparison.form})` : '—'}`,
    ...statementText('main', plan.main),
    ...(plan.previous ? statementText('previous', plan.previous) : []),
  ].join('\n');
}
