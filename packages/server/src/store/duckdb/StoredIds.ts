// Owns what the DuckDB writer knows is stored without reading a table: the ids of each table, and the parents
// that stored children point at (conversations of messages, messages of evaluations). Rebuilt at start.
import type { DuckDBConnection } from '@duckdb/node-api';
import { IdFilter } from '../IdFilter.ts';
import type { StoredHints } from '../messageContext.ts';
import type { RowSet } from '../RowSet.ts';

export type Keyed = 'models' | 'conversations' | 'messages' | 'evaluations';
export const ID_COLUMN: Record<Keyed, string> = {
  models: 'model_id',
  conversations: 'id',
  messages: 'id',
  evaluations: 'id',
};
const key = (ws: string, id: string) => `${ws}\u0000${id}`;

export class StoredIds {
  private readonly stored: Record<Keyed, IdFilter> = {
    models: new IdFilter(1024),
    conversations: new IdFilter(),
    messages: new IdFilter(),
    evaluations: new IdFilter(),
  };
  /** A parent arriving that no stored child references needs no repair, which is nearly always the case. */
  private readonly referenced = { conversations: new IdFilter(), messages: new IdFilter() };

  readonly hints: StoredHints = {
    conversation: (ws, id) => this.mayExist('conversations', ws, id),
    message: (ws, id) => this.mayExist('messages', ws, id),
  };

  async load(w: DuckDBConnection): Promise<void> {
    for (const table of Object.keys(ID_COLUMN) as Keyed[]) {
      await fill(w, this.stored[table], `SELECT workspace_id || chr(0) || ${ID_COLUMN[table]} FROM ${table}`);
    }
    await fill(
      w,
      this.referenced.conversations,
      'SELECT DISTINCT workspace_id || chr(0) || conversation_id FROM messages',
    );
    await fill(
      w,
      this.referenced.messages,
      'SELECT DISTINCT workspace_id || chr(0) || message_id FROM evaluations',
    );
  }

  /** False is certain; true may be a 64-bit hash collision (which costs a scan, never correctness). */
  mayExist(table: Keyed, ws: string, id: string): boolean {
    return this.stored[table].mightContain(key(ws, id));
  }

  mayBeReferenced(parent: 'conversations' | 'messages', ws: string, id: string): boolean {
    return this.referenced[parent].mightContain(key(ws, id));
  }

  /** Records a committed group's ids. */
  note({ models, conversations, messages, evaluations }: RowSet): void {
    for (const r of models) this.stored.models.add(key(r.workspace_id, r.model_id));
    for (const r of conversations) this.stored.conversations.add(key(r.workspace_id, r.id));
    for (const r of messages) {
      this.stored.messages.add(key(r.workspace_id, r.id));
      this.referenced.conversations.add(key(r.workspace_id, r.conversation_id));
    }
    for (const r of evaluations) {
      this.stored.evaluations.add(key(r.workspace_id, r.id));
      this.referenced.messages.add(key(r.workspace_id, r.message_id));
    }
  }
}

async function fill(w: DuckDBConnection, filter: IdFilter, sql: string): Promise<void> {
  const result = await w.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const k of chunk.getColumnValues(0)) filter.add(k as string);
  }
}
