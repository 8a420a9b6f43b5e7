// Owns the props the rule form hands each group of its fields: the draft, a setter and the field problems.

import type { RuleDraft } from './ruleDraft';
import type { FieldErrors } from './ruleErrors';

export interface DraftFieldsProps {
  draft: RuleDraft;
  set(patch: Partial<RuleDraft>): void;
  errors: FieldErrors;
  /** The id of the message under a field (for aria-describedby). */
  errorId(field: string): string;
}
