// Owns applying a PATCH to a stored rule: the merged rule as a create body, checked as a whole, and the
// columns a create body sets.
import { CreateAlertRuleRequestSchema, toIssues, type UpdateAlertRuleRequest } from '@llm-analytics/core';
import type { z } from 'zod';
import { ApiError } from '../http/ApiError.ts';
import { alertJson, type StoredRule } from './StoredAlert.ts';

export type RuleBody = z.output<typeof CreateAlertRuleRequestSchema>;

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const numOrNull = (v: number | null) => (v === null ? null : Number(v));

/** Fields sent replace the stored ones (`null` clears the description, the reminder, the mute). */
export function mergeRulePatch(current: StoredRule, patch: UpdateAlertRuleRequest): RuleBody {
  const description = patch.description !== undefined ? patch.description : current.description;
  const parsed = CreateAlertRuleRequestSchema.safeParse({
    name: patch.name ?? current.name,
    ...(description !== null ? { description } : {}),
    condition: patch.condition ?? alertJson(current.condition),
    cooldown_minutes: patch.cooldown_minutes ?? Number(current.cooldown_minutes),
    repeat_minutes:
      patch.repeat_minutes !== undefined ? patch.repeat_minutes : numOrNull(current.repeat_minutes),
    muted_until: patch.muted_until !== undefined ? patch.muted_until : isoOrNull(current.muted_until_ms),
    enabled: patch.enabled ?? Boolean(current.enabled),
  });
  if (!parsed.success)
    throw new ApiError(400, 'validation_failed', 'the alert rule is invalid', toIssues(parsed.error));
  return parsed.data;
}

/** The rule columns a create body sets. */
export function ruleColumns(b: RuleBody) {
  return {
    name: b.name,
    description: b.description ?? null,
    condition: b.condition,
    cooldown_minutes: b.cooldown_minutes,
    repeat_minutes: b.repeat_minutes,
    muted_until_ms: b.muted_until ? Date.parse(b.muted_until) : null,
    enabled: b.enabled,
  };
}
