// Owns value codes: small per-workspace integers standing for the grouped string attributes (model, provider,
// error type, session, experiment), so analytics group on integers and turn codes back into text at the end.
import { CODED, type CodedRowSet } from './messageContext.ts';
import type { RowSet } from './RowSet.ts';

/** Codes of `values` in workspace `ws`, creating the missing ones inside the caller's transaction. */
export interface CodeBook {
  codes(ws: string, values: string[]): Promise<Map<string, number>>;
}

/**
 * Codes under this workspace id (no workspace has it) number the workspaces themselves: on DuckDB a fact row
 * (message, evaluation, tool call) carries its workspace's code in `ws`, the integer the analytics filter on.
 */
export const WORKSPACE_KEYS = '';

type Coded = { [table in keyof typeof CODED]: Record<string, string> };
const TABLES = CODED as Coded;
const CODED_TABLES = Object.keys(TABLES) as (keyof Coded)[];
/** Per table, its [text column, code column] pairs. */
const PAIRS = Object.fromEntries(CODED_TABLES.map((t) => [t, Object.entries(TABLES[t])])) as Record<
  keyof Coded,
  [string, string][]
>;

/** Calls `visit` with (workspace, value) for every coded string value of `rows` (a callback, not a generator:
 *  this runs for every message of every commit). */
export function forEachCodedValue(rows: RowSet, visit: (ws: string, value: string) => void): void {
  for (const table of CODED_TABLES) {
    const pairs = PAIRS[table];
    for (const r of rows[table] as unknown as Record<string, unknown>[]) {
      for (const [c] of pairs) {
        const v = r[c];
        if (typeof v === 'string') visit(r.workspace_id as string, v);
      }
    }
  }
}

/** The workspaces of `rows`' fact rows, each once, as values to code under WORKSPACE_KEYS. */
export function workspaceValues(rows: RowSet): string[] {
  const ids = new Set<string>();
  for (const r of rows.messages) ids.add(r.workspace_id);
  for (const r of rows.evaluations) ids.add(r.workspace_id);
  return [...ids];
}

/** Sets the code columns of one commit's rows in place (null for null values). */
export async function assignCodes(rows: RowSet, book: CodeBook): Promise<CodedRowSet> {
  const wanted = new Map<string, Set<string>>();
  forEachCodedValue(rows, (ws, v) => {
    const set = wanted.get(ws);
    if (set) set.add(v);
    else wanted.set(ws, new Set([v]));
  });
  const codes = new Map<string, Map<string, number>>();
  for (const [ws, values] of wanted) codes.set(ws, await book.codes(ws, [...values]));
  for (const table of CODED_TABLES) {
    const pairs = PAIRS[table];
    for (const r of rows[table] as unknown as Record<string, unknown>[]) {
      const book = codes.get(r.workspace_id as string);
      for (const [column, code] of pairs) {
        const v = r[column];
        r[code] = typeof v === 'string' ? book!.get(v)! : null;
      }
    }
  }
  return rows as CodedRowSet;
}

/** One commit's use of a MemoryCodeBook: codes it created, kept or forgotten when the commit settles. */
export interface CommitCodes {
  book: CodeBook;
  created(): { workspace_id: string; value: string; code: number }[];
  settle(committed: boolean): void;
}

/**
 * The DuckDB writer's code book: every code in memory. A new value is numbered at once from the workspace's
 * counter, so commits on two lanes never hand out the same number; a rolled-back commit leaves a gap. New
 * codes become known only when their commit succeeds, and two commits introducing the same value are made
 * dependent (`newValueKeys`), so one value never gets two codes.
 */
export class MemoryCodeBook {
  private readonly known = new Map<string, Map<string, number>>();
  private readonly next = new Map<string, number>();

  /** Dependency keys of the values in `rows`, and of the `workspaces` as workspace keys, that have no code yet. */
  newValueKeys(rows: RowSet, workspaces: readonly string[]): string[] {
    const keys: string[] = [];
    const check = (ws: string, v: string) => {
      if (!this.known.get(ws)?.has(v)) keys.push(`value\u0000${ws}\u0000${v}`);
    };
    forEachCodedValue(rows, check);
    for (const id of workspaces) check(WORKSPACE_KEYS, id);
    return keys;
  }

  /** The committed code of `value` in `ws`, if it has one. */
  code(ws: string, value: string): number | undefined {
    return this.known.get(ws)?.get(value);
  }

  /** The workspace's rows are gone: its codes go too, and a workspace re-created with its id starts afresh. */
  forget(ws: string): void {
    this.known.delete(ws);
    this.next.delete(ws);
  }

  add(ws: string, value: string, code: number): void {
    const map = this.known.get(ws) ?? new Map<string, number>();
    map.set(value, code);
    this.known.set(ws, map);
    this.next.set(ws, Math.max(this.next.get(ws) ?? 1, code + 1));
  }

  forCommit(): CommitCodes {
    const pending = new Map<string, { workspace_id: string; value: string; code: number }>();
    return {
      book: {
        codes: async (ws, values) => {
          const map = this.known.get(ws);
          const out = new Map<string, number>();
          for (const value of values) {
            const key = `${ws}\u0000${value}`;
            let code = map?.get(value) ?? pending.get(key)?.code;
            if (code === undefined) {
              code = this.next.get(ws) ?? 1;
              this.next.set(ws, code + 1);
              pending.set(key, { workspace_id: ws, value, code });
            }
            out.set(value, code);
          }
          return out;
        },
      },
      created: () => [...pending.values()],
      settle: (committed) => {
        if (committed) for (const p of pending.values()) this.add(p.workspace_id, p.value, p.code);
        pending.clear();
      },
    };
  }
}
