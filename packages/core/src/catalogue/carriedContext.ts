// Owns the carried-context column lists: conversation columns copied onto messages, message columns (with
// the conversation's) copied as `m_<col>` onto evaluations and tool calls. Derived from the catalogue.
import { conversations } from './conversations.ts';
import { messages } from './messages.ts';
import type { CarriedOf, LogicalType, TableDef } from './TableDef.ts';

export type ConversationContext = CarriedOf<typeof conversations>;
export type MessageContext = CarriedOf<typeof messages> & ConversationContext;
export type ConversationContextColumn = keyof ConversationContext & string;
export type MessageContextColumn = keyof MessageContext & string;

/** A table's carried columns then their code companions, with their types. */
function carried(t: TableDef): [string, LogicalType][] {
  const cols = Object.entries(t.columns).filter(([, c]) => c.carried);
  return [
    ...cols.map(([n, c]): [string, LogicalType] => [n, c.type]),
    ...cols.flatMap(([, c]): [string, LogicalType][] => (c.coded ? [[c.coded, 'integer']] : [])),
  ];
}

const CONVERSATION = carried(conversations);
const MESSAGE = [...carried(messages), ...CONVERSATION];

/** Conversation attributes copied onto every message of the conversation. */
export const CONVERSATION_CONTEXT = CONVERSATION.map(([n]) => n) as readonly ConversationContextColumn[];
/** Message attributes copied, as `m_<column>`, onto the message's evaluations and tool calls. */
export const MESSAGE_CONTEXT = MESSAGE.map(([n]) => n) as readonly MessageContextColumn[];

const TYPES: ReadonlyMap<string, LogicalType> = new Map(MESSAGE);
/** Catalogue type of a carried column. */
export function contextType(c: MessageContextColumn): LogicalType {
  return TYPES.get(c)!;
}
