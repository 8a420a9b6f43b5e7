// Owns value codes: small per-workspace integers standing for the grouped string attributes (model, provider,
// error type, session, experiment), so analytics group on integers and turn codes back into text at the end.
import { CODED, type CodedRowSet } from './messageContext.ts';
import type { RowSet } from './RowSet.ts';

/** Codes of `values` in workspace `ws`, creating the missing ones inside the caller's transaction. */
export interface CodeBook {
  codes(ws: string, values: string[]): Promise<Map<string, number>>;
}

type Coded = { [table in keyof typeof CODED]: Record<string, string> };
const TABLES = CODED as Coded;

export function* codedValues(rows: RowSet): Generator<[string, string]> {
  for (const table of Object.keys(TABLES) as (keyof Coded)[]) {
    const columns = Object.keys(TABLES[table]);
    for (const r of rows[table] as unknown as Record<string, unknown>[]) {
      for (const c of columns) {
        const v = r[c];
        if (typeof v === 'string') yield [r.workspace_id as string, v];
      }
    }
  }
}

/** Sets the code columns of one commit's rows in place (null for null values). */
export async function assignCodes(rows: RowSet, book: CodeBook): Promise<CodedRowSet> {
  const wanted = new Map<string, Set<string>>();
  for (const [ws, v] of codedValues(rows)) {
    const set = wanted.get(ws) ?? new Set<string>();
    set.add(v);
    wanted.set(ws, set);
  }
  const codes = new Map<string, Map<string, number>>();
  for (const [ws, values] of wanted) codes.set(ws, await book.codes(ws, [...values]));
  for (const table of Object.keys(TABLES) as (keyof Coded)[]) {
    for (const r of rows[table] as unknown as Record<string, unknown>[]) {
      const book = codes.get(r.workspace_id as string);
      for (const [column, code] of Object.entries(TABLES[table])) {
        const v = r[column];
        r[code] = typeof v === 'string' ? book!.get(v)! : null;
      }
    }
  }
  return rows as CodedRowSet;
}

/**
 * The single DuckDB writer's code book: every code in memory (a few per model, session and error type), new
 * codes numbered on from the workspace's count. New codes stay pending until the commit holding their rows
 * succeeds, so a rolled-back commit cannot leave a code in memory that the table lacks.
 */
export class MemoryCodeBook {
  private readonly known = new Map<string, Map<string, number>>();
  private pending = new Map<string, { workspace_id: string; value: string; code: number }>();
  private readonly fresh = new Map<string, number>();

  /** True when every coded value of `rows` already has a code (a commit then creates none). */
  knowsAll(rows: RowSet): boolean {
    for (const [ws, v] of codedValues(rows)) if (!this.known.get(ws)?.has(v)) return false;
    return true;
  }

  add(ws: string, value: string, code: number): void {
    const map = this.known.get(ws) ?? new Map<string, number>();
    map.set(value, code);
    this.known.set(ws, map);
  }

  /** A book for one commit; `created()` lists the rows to insert into `value_codes` before it commits. */
  readonly book: CodeBook = {
    codes: async (ws, values) => {
      const map = this.known.get(ws) ?? new Map<string, number>();
      const out = new Map<string, number>();
      for (const value of values) {
        const key = `${ws}\u0000${value}`;
        let code = map.get(value) ?? this.pending.get(key)?.code;
        if (code === undefined) {
          const fresh = (this.fresh.get(ws) ?? 0) + 1;
          this.fresh.set(ws, fresh);
          code = map.size + fresh;
          this.pending.set(key, { workspace_id: ws, value, code });
        }
        out.set(value, code);
      }
      return out;
    },
  };

  created(): { workspace_id: string; value: string; code: number }[] {
    return [...this.pending.values()];
  }

  /** After COMMIT keep the new codes; after ROLLBACK forget them. */
  settle(committed: boolean): void {
    if (committed) for (const p of this.pending.values()) this.add(p.workspace_id, p.value, p.code);
    this.pending.clear();
    this.fresh.clear();
  }
}
