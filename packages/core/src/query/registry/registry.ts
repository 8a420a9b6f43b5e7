// Owns the assembled registry: every metric, partial and dimension by id, from the per-subject files.
import { cohortsSubject } from './cohorts.ts';
import { conversationsSubject } from './conversations.ts';
import { costSubject } from './cost.ts';
import { latencySubject } from './latency.ts';
import { messagesSubject } from './messages.ts';
import { modelsSubject } from './models.ts';
import { qualitySubject } from './quality.ts';
import { toolsSubject } from './tools.ts';
import type { DimensionDef, MetricDef, PartialDef, RegistrySubject } from './types.ts';

const SUBJECTS: RegistrySubject[] = [
  messagesSubject,
  conversationsSubject,
  costSubject,
  latencySubject,
  qualitySubject,
  toolsSubject,
  modelsSubject,
  cohortsSubject,
];

function byId<T extends { id: string }>(items: T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new Error(`duplicate registry id ${item.id}`);
    map.set(item.id, item);
  }
  return map;
}

export const registry = {
  metrics: byId<MetricDef>(SUBJECTS.flatMap((s) => s.metrics)),
  partials: byId<PartialDef>(SUBJECTS.flatMap((s) => s.partials)),
  dimensions: byId<DimensionDef>(SUBJECTS.flatMap((s) => s.dimensions)),
  /** Metric and dimension id → file name (in this directory) of the subject module that declares it. */
  files: new Map(
    SUBJECTS.flatMap((s) => {
      const file = new URL(s.module).pathname.split('/').pop() ?? '';
      return [...s.metrics, ...s.dimensions].map((d) => [d.id, file] as const);
    }),
  ) as ReadonlyMap<string, string>,
} as const;

/** Partial ids a metric's SQL reads, in order of appearance. */
export function metricPartials(metric: MetricDef): string[] {
  return [...new Set([...metric.sql.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}
