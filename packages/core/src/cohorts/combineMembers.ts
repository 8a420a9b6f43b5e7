// Owns turning the rows of a cohort's condition queries into its member set (all: every condition; any: one).
import type { ConditionPlan } from './cohortConditionPlan.ts';

/** A users-by-user row of AnalyticsQuery: the `user` value and the plan's metric. */
export type UserRow = Record<string, string | number | boolean | null>;

/** Users meeting one condition: `included` rows within [min, max], plus `candidates` at 0 when 0 qualifies. */
export function conditionMembers(
  plan: ConditionPlan,
  included: UserRow[],
  excluded: UserRow[] = [],
  candidates: string[] = [],
): Set<string> {
  const value = new Map<string, number>();
  for (const r of included) if (typeof r.user === 'string') value.set(r.user, Number(r[plan.metric] ?? 0));
  const out = new Set<string>();
  const pool = plan.zeroQualifies ? new Set([...candidates, ...value.keys()]) : value.keys();
  for (const u of pool) {
    const v = value.get(u) ?? 0;
    if (v >= plan.min && v <= plan.max) out.add(u);
  }
  for (const r of excluded) if (typeof r.user === 'string') out.delete(r.user);
  return out;
}

export function combineMembers(sets: Set<string>[], match: 'all' | 'any'): Set<string> {
  if (match === 'any') return new Set(sets.flatMap((s) => [...s]));
  const [head, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...(head ?? [])].filter((u) => rest.every((s) => s.has(u))));
}
