// Owns what the DuckDB writer knows is stored without reading a table: the ids of each table, and the parents
// that stored children point at (conversations of messages, messages of evaluations). Rebuilt at start.
import type { DuckDBConnection } from '@duckdb/node-api';
import { IdFilter } from '../IdFilter.ts';
import { idKey, idKeySql } from '../idKey.ts';
import { md5Words } from '../md5Words.ts';
import type { EnrichedRowSet, StoredHints } from '../messageContext.ts';
import { SPAN_ID_SQL } from '../RowSet.ts';
import { CARRIERS, LateParents } from './LateParents.ts';

export type Keyed =
  | 'models'
  | 'conversations'
  | 'messages'
  | 'evaluations'
  | 'spans'
  | 'benchmarks'
  | 'benchmark_results';
export const ID_COLUMN: Record<Keyed, string> = {
  models: 'model_id',
  conversations: 'id',
  messages: 'id',
  evaluations: 'id',
  spans: SPAN_ID_SQL,
  benchmarks: 'id',
  benchmark_results: 'id',
};

/** Bits of `StoredIds.claim`'s answer. */
export const STORED = 1;
export const REFERENCED = 2;

export class StoredIds {
  private readonly h = new Uint32Array(2);
  private readonly stored: Record<Keyed, IdFilter> = {
    models: new IdFilter(1024),
    conversations: new IdFilter(),
    messages: new IdFilter(),
    evaluations: new IdFilter(),
    spans: new IdFilter(),
    benchmarks: new IdFilter(1024),
    benchmark_results: new IdFilter(),
  };
  /** A parent arriving that no stored child references needs no repair, which is nearly always the case. */
  private readonly referenced = { conversations: new IdFilter(), messages: new IdFilter() };
  private readonly late = new LateParents();

  readonly hints: StoredHints = {
    conversation: (ws, id) => this.mayExist('conversations', ws, id),
    message: (ws, id) => this.mayExist('messages', ws, id),
  };

  /**
   * Fills the filters from the tables. DuckDB hashes the keys (md5_number, the same hash as `md5Words`) so
   * only two integers per id cross into JavaScript: a 10M-message database loads in about 6 s, not 25 s of
   * string conversion.
   */
  async load(w: DuckDBConnection): Promise<void> {
    const count = async (table: Keyed) =>
      Number((await w.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${table}`)).getRows()[0][0]);
    const sizes = {} as Record<Keyed, number>;
    for (const table of Object.keys(ID_COLUMN) as Keyed[]) sizes[table] = await count(table);
    for (const table of Object.keys(ID_COLUMN) as Keyed[]) {
      await fill(
        w,
        this.stored[table],
        sizes[table],
        `SELECT ${idKeySql(ID_COLUMN[table])} AS k FROM ${table}`,
      );
    }
    // Upper bounds: nearly every conversation has messages; each evaluated message has ≥ 1 evaluation.
    await fill(
      w,
      this.referenced.conversations,
      sizes.conversations,
      `SELECT DISTINCT ${idKeySql('conversation_id')} AS k FROM messages`,
    );
    await fill(
      w,
      this.referenced.messages,
      sizes.evaluations,
      `SELECT DISTINCT ${idKeySql('message_id')} AS k FROM evaluations`,
    );
  }

  /** False is certain; true may be a 64-bit hash collision (which costs a scan, never correctness). */
  mayExist(table: Keyed, ws: string, id: string): boolean {
    return this.stored[table].mightContain(idKey(ws, id));
  }

  /**
   * Counts the id as stored from now on and says what may be true of it already: `STORED` (a re-send to
   * replace) and, for conversations and messages, `REFERENCED` (stored children to repair). The writer claims
   * each id of a commit before writing it, hashing it once for both. A commit that rolls back leaves its ids
   * claimed, which costs a later re-send of them one needless delete, never correctness.
   */
  claim(table: Keyed, ws: string, id: string): number {
    md5Words(idKey(ws, id), this.h);
    const [w0, w1] = this.h;
    const stored = this.stored[table].addAndTellHash(w0, w1) ? STORED : 0;
    const parent = table === 'conversations' || table === 'messages' ? this.referenced[table] : undefined;
    return stored | (parent?.mightContainHash(w0, w1) ? REFERENCED : 0);
  }

  /**
   * Records the parents that a committed group's children reference, and for each conversation not stored
   * which tables hold its children (see LateParents). `rows` are the commit's rows with their carried context;
   * `evaluatedPairs` are its messages ([workspace, id]) that stored evaluations reference, which the commit's
   * repair gave the message's conversation.
   */
  note({ messages, evaluations }: EnrichedRowSet, evaluatedPairs: readonly [string, string][]): void {
    const evaluated = evaluatedPairs.length
      ? new Set(evaluatedPairs.map(([ws, id]) => idKey(ws, id)))
      : undefined;
    let last: string | undefined;
    let missing = false;
    let isNew = false;
    const [h, stored, referenced] = [this.h, this.stored.conversations, this.referenced.conversations];
    for (const r of messages) {
      const key = idKey(r.workspace_id, r.conversation_id);
      if (key !== last) {
        // A conversation's messages usually come together: hash it once.
        last = key;
        md5Words(key, h);
        isNew = !referenced.addAndTellHash(h[0], h[1]);
        missing = !stored.mightContainHash(h[0], h[1]);
      }
      if (!missing) continue;
      let tables = CARRIERS.messages;
      if (r.tools?.length) tables |= CARRIERS.tool_calls;
      if (evaluated?.has(idKey(r.workspace_id, r.id))) tables |= CARRIERS.evaluations;
      if (isNew) {
        // Only a first reference bounds where the children are: an older one may predate this process.
        this.late.firstReference(h[0], h[1], tables);
        isNew = false;
      } else if (tables !== CARRIERS.messages) this.late.widen(h[0], h[1], tables);
    }
    for (const r of evaluations) {
      this.referenced.messages.add(idKey(r.workspace_id, r.message_id));
      // Widening needs an entry: with none remembered, there is nothing to hash for.
      if (r.m_conversation_id === null || this.late.size === 0) continue;
      md5Words(idKey(r.workspace_id, r.m_conversation_id), h);
      if (!stored.mightContainHash(h[0], h[1])) this.late.widen(h[0], h[1], CARRIERS.evaluations);
    }
  }

  /** The tables holding stored children of conversation `id`, arriving now after some of them (a mask). */
  conversationChildren(ws: string, id: string): number {
    md5Words(idKey(ws, id), this.h);
    return this.late.take(this.h[0], this.h[1]);
  }
}

/**
 * Adds the MD5 hash words of each key `keysSql` selects (as `k`) to `filter`, after reserving `expected`. They
 * arrive in slot order, so the inserts walk the table instead of missing the cache: twice as fast at 10M.
 */
async function fill(w: DuckDBConnection, filter: IdFilter, expected: number, keysSql: string): Promise<void> {
  filter.reserve(expected);
  const result = await w.stream(
    `SELECT (h & 4294967295)::UINTEGER AS w0, ((h >> 32) & 4294967295)::UINTEGER AS w1
     FROM (SELECT md5_number(k) AS h FROM (${keysSql})) ORDER BY w0 & ${filter.slotMask}`,
  );
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const w0 = chunk.getColumnVector(0);
    const w1 = chunk.getColumnVector(1);
    for (let i = 0; i < chunk.rowCount; i++) filter.addHash(w0.getItem(i) as number, w1.getItem(i) as number);
  }
}
