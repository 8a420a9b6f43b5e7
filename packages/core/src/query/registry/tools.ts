// Owns tool-call metrics and the tool dimension (one row per entry of a message's tools_called).
import type { RegistrySubject } from './types.ts';

export const toolsSubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [
    { id: 'tc_n', grain: 'tool', kind: 'additive', sql: () => 'count(*)' },
    { id: 'tc_known', grain: 'tool', kind: 'additive', sql: () => 'count(t.success)' },
    { id: 'tc_succ', grain: 'tool', kind: 'additive', sql: (x) => x.dialect.countIf('t.success') },
  ],
  metrics: [
    {
      id: 'tool_calls',
      grain: 'tool',
      sql: '{tc_n}',
      type: 'count',
      unit: 'tool_calls',
      description: 'Tool calls (entries of tools_called) of the counted messages.',
      empty: 0,
    },
    {
      id: 'tool_success_rate',
      grain: 'tool',
      sql: '100.0 * {tc_succ} / NULLIF({tc_known}, 0)',
      type: 'rate',
      unit: 'percent',
      description: 'Tool calls with success = true / tool calls whose success is known × 100.',
      empty: null,
      direction: 'higher',
      per: 'tool_calls_with_outcome',
    },
    {
      id: 'tool_calls_with_outcome',
      grain: 'tool',
      sql: '{tc_known}',
      type: 'count',
      unit: 'tool_calls',
      description: 'Tool calls whose success is known (the denominator of `tool_success_rate`).',
      empty: 0,
    },
  ],
  dimensions: [
    {
      id: 'tool',
      grain: 'tool',
      sql: () => 't.name',
      type: 'string',
      unit: 'none',
      description:
        'The tool `name`. With message or evaluation metrics a message is counted once under each tool it called.',
      groupable: true,
    },
  ],
};
