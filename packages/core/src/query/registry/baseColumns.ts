// Owns where each column of a part's message context comes from: on messages, or carried (`m_*`) on evaluations
// and tool calls; and which join a column needs (only model attributes and conversation length still join).
// `*_code` columns hold value codes: integers standing for the text, which groups several times faster.
import { MESSAGE_CONTEXT, type MessageContextColumn } from '../../catalogue/carriedContext.ts';
import { messages } from '../../catalogue/messages.ts';
import { models } from '../../catalogue/models.ts';
import type { FlaggedColumns } from '../../catalogue/TableDef.ts';
import type { Grain } from './types.ts';

type ModelColumns = (typeof models)['columns'];
/** The model attributes a part can join, and their codes. */
type JoinedModelColumn =
  | FlaggedColumns<typeof models, 'joined'>
  | {
      [K in keyof ModelColumns]: ModelColumns[K] extends { joined: true; coded: infer N extends string }
        ? N
        : never;
    }[keyof ModelColumns];

/** Columns the filtered-message row `b` can carry; each pulls in at most one join. */
export type BaseColumn =
  | 'id'
  | MessageContextColumn
  | FlaggedColumns<typeof messages, 'measure'>
  | JoinedModelColumn
  | 'conversation_length'
  | 'cohort_id';

export type BaseJoin = 'model' | 'conversation_length' | 'cohort';

/** A column read from the grain's own table `x`, or the join that supplies it. */
type Source = { carried: string | null } | { join: BaseJoin; sql: string };

const carried = (onMessages: string, onFacts: string | null = `m_${onMessages}`) => ({
  message: { carried: onMessages },
  fact: { carried: onFacts },
});
const joined = (join: BaseJoin, sql: string) => ({ message: { join, sql }, fact: { join, sql } });

const COLUMNS = Object.fromEntries([
  ['id', carried('id', 'message_id')],
  ...MESSAGE_CONTEXT.map((c) => [c, carried(c)]),
  // Only message partials read these, and they only run on messages.
  ...Object.entries(messages.columns)
    .filter(([, c]) => 'measure' in c)
    .map(([n]) => [n, carried(n, null)]),
  ...Object.entries(models.columns).flatMap(([n, c]) =>
    'joined' in c ? [n, c.coded].map((col) => [col, joined('model', `md.${col}`)]) : [],
  ),
  ['conversation_length', joined('conversation_length', 'cl.n')],
  ['cohort_id', joined('cohort', 'co.cohort_id')],
]) as Record<BaseColumn, { message: Source; fact: Source }>;

/** SQL of `column` on a row of `grain`'s table aliased `x`, and the join it needs (if any). */
export function baseColumn(grain: Grain, column: BaseColumn): { sql: string; join?: BaseJoin } {
  const src = COLUMNS[column][grain === 'message' ? 'message' : 'fact'];
  if ('join' in src) return { sql: src.sql, join: src.join };
  if (src.carried === null) throw new Error(`${column} is not carried on ${grain} rows`);
  return { sql: `x.${src.carried}` };
}
