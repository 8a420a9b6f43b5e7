// Owns the repairs of late conversations on DuckDB, deferred from the commits that bring them and run in
// batches: what is pending, the durable mark of what is repaired, and the batch that catches up.
import type { DuckDBConnection } from '@duckdb/node-api';
import { conversationRepairs } from '../contextSql.ts';
import { CARRIERS, EVERY_CARRIER } from './LateParents.ts';

/**
 * ($1 workspace, $2 last repaired commit, $3 last commit to repair): the conversations those commits wrote.
 * Each repair is a scan of the table it updates, whatever the number of conversations, so one batch over
 * many commits costs what one commit's repair cost.
 */
const REPAIRS = conversationRepairs('c.commit_seq > $2 AND c.commit_seq <= $3');
/** One row: every commit up to `seq` is repaired. Not in the catalogue: the DuckDB writer's own state. */
const MARK_DDL = 'CREATE TABLE IF NOT EXISTS repaired_commits (seq BIGINT NOT NULL)';

/**
 * Why deferred: an UPDATE joining conversations to messages scans the whole fact table, 15-25 ms at 1M
 * messages, and a stream whose conversations arrive after their messages paid it in nearly every commit.
 * The rows a repair writes are derived from committed rows, so deferring loses nothing: the mark advances
 * only with the repairs, in one transaction, and opening the store repairs every commit past it. Reads wait
 * for pending repairs (see DuckDBStore.query), so no reader sees a message without its conversation's context.
 */
export class DeferredRepairs {
  /** Workspace → the tables (CARRIERS mask) holding rows of its late conversations committed since the mark. */
  private readonly pending = new Map<string, number>();
  /** Workspaces that committed evaluations since the mark: those may carry a late message's old context. */
  private readonly evaluated = new Set<string>();
  private mark = 0;

  get size(): number {
    return this.pending.size;
  }

  /** Reads the mark (creating it at the newest commit: before deferral every commit repaired its own). */
  async load(w: DuckDBConnection, lastSeq: number): Promise<void> {
    await w.run(MARK_DDL);
    const rows = (await w.runAndReadAll('SELECT max(seq)::DOUBLE FROM repaired_commits')).getRows();
    if (rows[0][0] === null) {
      await w.run('INSERT INTO repaired_commits VALUES ($1)', [BigInt(lastSeq)]);
      this.mark = lastSeq;
    } else this.mark = Number(rows[0][0]);
    if (this.mark >= lastSeq) return;
    // Commits after the mark brought conversations whose repairs did not run before the process stopped, and
    // which tables hold their children is forgotten: every table of every workspace they wrote.
    const found = await w.runAndReadAll(
      'SELECT DISTINCT workspace_id FROM conversations WHERE commit_seq > $1',
      [BigInt(this.mark)],
    );
    for (const [ws] of found.getRowsJS()) this.pending.set(String(ws), EVERY_CARRIER);
    await this.run(w, lastSeq);
  }

  /** A committed commit wrote late conversations of `ws` whose children live in `tables`. */
  add(ws: string, tables: number): void {
    this.pending.set(ws, (this.pending.get(ws) ?? 0) | tables);
  }

  /** A committed commit wrote evaluations of `ws`, whose message context it read from the stored messages. */
  noteEvaluations(ws: string): void {
    this.evaluated.add(ws);
  }

  /**
   * Repairs every commit up to `lastSeq` on `w`, in one transaction with the mark. The caller runs it with no
   * commit in flight, so each commit numbered up to `lastSeq` is committed or rolled back, and none adds work.
   */
  async run(w: DuckDBConnection, lastSeq: number): Promise<void> {
    if (this.pending.size === 0) return;
    const range = [BigInt(this.mark), BigInt(lastSeq)];
    await w.run('BEGIN');
    try {
      for (const [ws, mask] of this.pending) {
        const tables = mask | (this.evaluated.has(ws) ? CARRIERS.evaluations : 0);
        for (const { table, sql } of REPAIRS) if (tables & CARRIERS[table]) await w.run(sql, [ws, ...range]);
      }
      await w.run('UPDATE repaired_commits SET seq = $1', [range[1]]);
      await w.run('COMMIT');
    } catch (e) {
      await w.run('ROLLBACK').catch(() => {});
      throw e;
    }
    this.mark = lastSeq;
    this.pending.clear();
    this.evaluated.clear();
  }

  /** A removed workspace has nothing left to repair. */
  forget(ws: string): void {
    this.pending.delete(ws);
    this.evaluated.delete(ws);
  }
}
