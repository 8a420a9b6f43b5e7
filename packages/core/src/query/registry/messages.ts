// Owns the message-volume and error metrics and the message-level dimensions (time, model, provider, role, error).
import type { RegistrySubject, SqlContext } from './types.ts';

/**
 * Messages with a non-empty error type, on the integer code rather than the text: the codes that are not the
 * empty string's (looked up once per statement; NULLIF with no such code keeps every code). One plain count
 * costs less than a filtered count or a count less a conditional one (1M messages, 30 days: 12M against 25M
 * instructions above the unconditional count).
 */
const errors = (x: SqlContext) =>
  `count(NULLIF(b.error_code, (SELECT vc.code FROM value_codes vc WHERE vc.workspace_id = ${x.workspace()} AND vc.value = '')))`;

export const messagesSubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [
    { id: 'n', grain: 'message', kind: 'additive', sql: () => 'count(*)' },
    {
      id: 'err',
      grain: 'message',
      kind: 'additive',
      sql: errors,
      columns: ['error_code'],
    },
  ],
  metrics: [
    {
      id: 'messages',
      grain: 'message',
      sql: '{n}',
      type: 'count',
      unit: 'messages',
      description: 'Number of messages (all roles) created in the date window that pass the filters.',
      empty: 0,
    },
    {
      id: 'errors',
      grain: 'message',
      sql: '{err}',
      type: 'count',
      unit: 'messages',
      description: 'Messages whose `error_type` is set (non-empty).',
      empty: 0,
      direction: 'lower',
    },
    {
      id: 'error_rate',
      grain: 'message',
      sql: '100.0 * {err} / NULLIF({n}, 0)',
      type: 'rate',
      unit: 'percent',
      description: 'errors / messages × 100.',
      empty: null,
      direction: 'lower',
      per: 'messages',
    },
  ],
  dimensions: [
    {
      id: 'time',
      grain: 'message',
      sql: (x) => x.dialect.dateTrunc(x.bucket, `${x.m}.created_at`),
      rangeSql: (x) => `${x.m}.created_at`,
      columns: ['created_at'],
      type: 'time',
      unit: 'none',
      description:
        'Start of the UTC bucket (hour, day, week starting Monday, month) of the message `created_at`, as ISO-8601 text. `granularity: auto` picks it from the window length. Filters take `gte`/`lte` with ISO timestamps on the raw time.',
      groupable: true,
    },
    {
      id: 'model',
      grain: 'message',
      sql: (x) => `${x.m}.model_id`,
      columns: ['model_id'],
      code: 'model_code',
      type: 'string',
      unit: 'none',
      description: 'The message `model_id`.',
      groupable: true,
    },
    {
      id: 'provider',
      grain: 'message',
      sql: (x) => `${x.m}.provider`,
      columns: ['provider'],
      code: 'provider_code',
      type: 'string',
      unit: 'none',
      description: 'The message `provider`.',
      groupable: true,
    },
    {
      id: 'role',
      grain: 'message',
      sql: (x) => `${x.m}.role`,
      columns: ['role'],
      type: 'string',
      unit: 'none',
      description: 'The message `role` (user, assistant, system, tool).',
      groupable: true,
    },
    {
      id: 'error_type',
      grain: 'message',
      sql: (x) => `${x.m}.error_type`,
      columns: ['error_type'],
      code: 'error_code',
      type: 'string',
      unit: 'none',
      description: 'The message `error_type` (null when the message did not fail).',
      groupable: true,
    },
  ],
};
