// Owns conversation-level metrics and dimensions (sessions, experiments, widget, user, conversation length).
import type { RegistrySubject } from './types.ts';

/** Bucket bounds of conversation_length; labels sort by their lower bound, not as text. */
const LENGTH_BUCKETS: [number, number | null][] = [
  [1, 1],
  [2, 3],
  [4, 5],
  [6, 10],
  [11, 20],
  [21, 50],
  [51, null],
];
const label = ([lo, hi]: [number, number | null]) =>
  hi === null ? `${lo}+` : lo === hi ? `${lo}` : `${lo}-${hi}`;

export const CONVERSATION_LENGTH_BUCKETS: string[] = LENGTH_BUCKETS.map(label);

export const conversationsSubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [
    {
      id: 'conv',
      grain: 'message',
      kind: 'holistic',
      sql: () => 'count(DISTINCT b.conversation_id)',
      distinct: true,
      columns: ['conversation_id'],
    },
    {
      id: 'users',
      grain: 'message',
      kind: 'holistic',
      sql: () => 'count(DISTINCT b.user_id)',
      distinct: true,
      columns: ['user_id'],
    },
  ],
  metrics: [
    {
      id: 'conversations',
      grain: 'message',
      sql: '{conv}',
      type: 'count',
      unit: 'conversations',
      description: 'Distinct conversations with at least one counted message.',
      empty: 0,
    },
    {
      id: 'users',
      grain: 'message',
      sql: '{users}',
      type: 'count',
      unit: 'users',
      description:
        'Distinct conversation `user_id`s with at least one counted message (null user ids are not counted).',
      empty: 0,
    },
    {
      id: 'messages_per_conversation',
      grain: 'message',
      sql: '{n} / NULLIF({conv}, 0)',
      type: 'ratio',
      unit: 'messages_per_conversation',
      description: 'messages / conversations.',
      empty: null,
      per: 'conversations',
    },
  ],
  dimensions: [
    {
      id: 'conversation',
      grain: 'message',
      sql: (x) => `${x.m}.conversation_id`,
      columns: ['conversation_id'],
      type: 'string',
      unit: 'none',
      description:
        "The message's `conversation_id`: one group per conversation (experiments take their per-conversation sums by it).",
      groupable: true,
    },
    {
      id: 'session',
      grain: 'message',
      sql: (x) => `${x.m}.session_id`,
      columns: ['session_id'],
      code: 'session_code',
      type: 'string',
      unit: 'none',
      description: 'The conversation `session_id` (A/B test session).',
      groupable: true,
    },
    {
      id: 'experiment',
      grain: 'message',
      sql: (x) => `${x.m}.experiment_name`,
      columns: ['experiment_name'],
      code: 'experiment_code',
      type: 'string',
      unit: 'none',
      description: 'The conversation `experiment_name`.',
      groupable: true,
    },
    {
      id: 'widget',
      grain: 'message',
      sql: (x) => `${x.m}.is_widget_session`,
      columns: ['is_widget_session'],
      type: 'boolean',
      unit: 'none',
      description: 'The conversation `is_widget_session` (true: embedded widget, false: normal chat).',
      groupable: true,
    },
    {
      id: 'user',
      grain: 'message',
      sql: (x) => `${x.m}.user_id`,
      columns: ['user_id'],
      type: 'string',
      unit: 'none',
      description: 'The conversation `user_id`.',
      groupable: true,
    },
    {
      id: 'conversation_length',
      grain: 'message',
      sql: (x) =>
        `CASE ${LENGTH_BUCKETS.map(
          ([lo, hi]) =>
            `WHEN ${x.m}.conversation_length ${hi === null ? `>= ${lo}` : `<= ${hi}`} THEN '${label([lo, hi])}'`,
        ).join(' ')} END`,
      rangeSql: (x) => `${x.m}.conversation_length`,
      orderSql: (col) =>
        `CASE ${col} ${CONVERSATION_LENGTH_BUCKETS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(' ')} END`,
      columns: ['conversation_length'],
      type: 'bucket',
      unit: 'messages',
      description: `Number of messages of the message's conversation inside the date window, bucketed: ${CONVERSATION_LENGTH_BUCKETS.join(', ')}. eq/in take bucket labels; gte/lte take a message count.`,
      groupable: true,
    },
  ],
};
