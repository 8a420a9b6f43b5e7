// Owns the embedded DuckDB store: open, migrate, bounded reads, the transactional writer (ingest commits and
// the services' transactions).
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, listValue } from '@duckdb/node-api';
import { MESSAGE_REPAIR, storedContext } from '../contextSql.ts';
import type { FactScope } from '../FactScope.ts';
import { groupByWorkspace } from '../groupByWorkspace.ts';
import { enrichRows } from '../messageContext.ts';
import { Pool } from '../Pool.ts';
import { latestById, type RowSet } from '../RowSet.ts';
import { Semaphore } from '../Semaphore.ts';
import type { Row, SqlValue, Store, Tx } from '../Store.ts';
import { assignCodes, MemoryCodeBook, WORKSPACE_KEYS, workspaceValues } from '../valueCodes.ts';
import { WORKSPACE_DELETES } from '../workspaceDeletes.ts';
import { CommitLanes } from './CommitLanes.ts';
import { ConversationCache } from './ConversationCache.ts';
import { commitKeys } from './commitKeys.ts';
import { DeferredRepairs } from './DeferredRepairs.ts';
import { deleteByIds } from './deleteByIds.ts';
import { insertRows } from './insertRows.ts';
import { migrateDuckDB } from './migrateDuckDB.ts';
import { PreparedCache } from './PreparedCache.ts';
import { bind, plainRows } from './plainRows.ts';
import { ID_COLUMN, type Keyed, REFERENCED, STORED, StoredIds } from './StoredIds.ts';

const EPOCH_MS = (col: string) => `epoch_ms(${col})`;
/** How long late conversations' repairs may wait for more to batch with, when no read asks for them first. */
const REPAIR_DELAY_MS = 1000;

export interface DuckDBStoreOptions {
  readers?: number;
  writers?: number;
  maxInFlight?: number;
  threads?: number;
  /** Milliseconds pending repairs wait for a read before they run anyway (default 1 s). */
  repairDelayMs?: number;
}

export class DuckDBStore implements Store {
  readonly dialect = 'duckdb' as const;
  private readonly ids = new StoredIds();
  private readonly codes = new MemoryCodeBook();
  private readonly conversations = new ConversationCache();
  private readonly repairs = new DeferredRepairs();
  private repairing: Promise<void> | undefined;
  private repairTimer: NodeJS.Timeout | undefined;
  private repairDelayMs = REPAIR_DELAY_MS;
  /** Set while a transaction's `fn` runs: its reads must not wait for repairs, which wait for it. */
  private readonly inTransactionFn = new AsyncLocalStorage<true>();
  private readers!: Pool<PreparedCache>;
  /** The next commit's number (commit_seq of the conversations it writes); numbers only grow, across restarts too. */
  private nextSeq = 1;

  private lanes!: CommitLanes;
  private readonly writerStatements = new Map<DuckDBConnection, PreparedCache>();
  private prepared(w: DuckDBConnection): PreparedCache {
    const cache = this.writerStatements.get(w) ?? new PreparedCache(w);
    this.writerStatements.set(w, cache);
    return cache;
  }

  private constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly gate: Semaphore,
  ) {}

  /** Commits that may run at once (see CommitLanes); the group-commit writer keeps this many in flight. */
  get concurrentCommits(): number {
    return this.lanes.size;
  }

  /** Opens (creating if needed) the database file, migrates it and loads the id filters. */
  static async open(file: string, opts: DuckDBStoreOptions = {}): Promise<DuckDBStore> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // All cores while opening (the id filters load on DuckDB's threads; nothing else runs yet), then `threads`.
    const instance = await DuckDBInstance.create(file);
    const writer = await instance.connect();
    const store = new DuckDBStore(file, instance, writer, new Semaphore(opts.maxInFlight ?? 4));
    store.repairDelayMs = opts.repairDelayMs ?? REPAIR_DELAY_MS;
    const readers: PreparedCache[] = [];
    for (let i = 0; i < (opts.readers ?? 3); i++) readers.push(new PreparedCache(await instance.connect()));
    store.readers = new Pool(readers);
    const lanes = [writer];
    for (let i = 1; i < (opts.writers ?? 2); i++) lanes.push(await instance.connect());
    store.lanes = new CommitLanes(lanes);
    await migrateDuckDB(writer);
    await store.loadState();
    if (opts.threads) await writer.run(`SET threads = ${Math.trunc(opts.threads)}`);
    return store;
  }

  /** The writer's in-memory state: stored ids and value codes. */
  private async loadState(): Promise<void> {
    await this.ids.load(this.writer);
    const last = await this.writer.runAndReadAll(
      'SELECT coalesce(max(commit_seq), 0)::DOUBLE FROM conversations',
    );
    this.nextSeq = Number(last.getRows()[0][0]) + 1;
    await this.repairs.load(this.writer, this.nextSeq - 1);
    const codes = await this.writer.runAndReadAll('SELECT workspace_id, value, code FROM value_codes');
    for (const [ws, value, code] of codes.getRowsJS())
      this.codes.add(String(ws), String(value), Number(code));
  }

  /** Parent lookups inside the commit's transaction on `w`, recently committed conversations from memory. */
  private context = (w: DuckDBConnection) =>
    this.conversations.over(
      storedContext(
        async (sql, [ws, ids]) => (await w.runAndReadAll(sql, [ws, listValue(ids)])).getRowObjectsJS(),
        EPOCH_MS,
      ),
    );

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (this.repairs.size && !this.inTransactionFn.getStore()) await this.repairNow();
    return this.readers.use((conn) =>
      this.gate.run(async () => plainRows<T>(await conn.run(sql, bind(params)))),
    );
  }

  async copyTo(select: string, params: readonly SqlValue[], path: string, options: string): Promise<number> {
    if (this.repairs.size && !this.inTransactionFn.getStore()) await this.repairNow();
    const target = `'${path.replaceAll("'", "''")}'`;
    return this.readers.use((conn) =>
      this.gate.run(async () => {
        const r = await conn.runOnce(`COPY (${select}) TO ${target} (${options})`, bind(params));
        return Number(r.getRows()[0]?.[0] ?? 0);
      }),
    );
  }

  /**
   * On a writer connection, alone between ingest commits (CommitLanes.runAlone): DuckDB would abort one of
   * two transactions writing the same table at once, and a commit's in-memory state (value codes, cached
   * conversations) must not change under it. Each statement takes the gate, not the whole transaction, so a
   * read `fn` makes outside it never waits for a slot the transaction holds.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.lanes.runAlone((w) => this.inTransaction(w, fn));
  }

  private async inTransaction<T>(w: DuckDBConnection, fn: (tx: Tx) => Promise<T>): Promise<T> {
    // Not prepared: the writer's statement cache holds the ingest statements, which these must not evict.
    const tx: Tx = {
      query: <R extends Row = Row>(sql: string, params: readonly SqlValue[] = []) =>
        this.gate.run(async () => plainRows<R>(await w.runAndReadAll(sql, bind(params)))),
    };
    const run = (sql: string) => this.gate.run(() => w.run(sql));
    await run('BEGIN');
    try {
      const result = await this.inTransactionFn.run(true, () => fn(tx));
      await run('COMMIT');
      return result;
    } catch (e) {
      await run('ROLLBACK').catch(() => {});
      throw e;
    }
  }

  /**
   * The id filters (StoredIds) keep the removed ids: they say "may be stored", so a re-sent id costs one
   * needless DELETE, never a wrong row.
   */
  removeWorkspace(workspaceId: string): Promise<void> {
    return this.lanes.runAlone(async (w) => {
      await this.inTransaction(w, async (tx) => {
        for (const sql of WORKSPACE_DELETES) await tx.query(sql, [workspaceId]);
      });
      // Still alone: no commit runs with codes or conversations of the removed workspace in hand.
      this.codes.forget(workspaceId);
      this.conversations.forget(workspaceId);
      this.repairs.forget(workspaceId);
    });
  }

  async commit(rows: RowSet): Promise<void> {
    const batch = latestById(rows);
    const { models, conversations, messages, evaluations, spans, benchmarks, benchmark_results } = batch;
    const keys = commitKeys(batch);
    const workspaces = workspaceValues(batch);
    for (const k of this.codes.newValueKeys(batch, workspaces)) keys.add(k);
    await this.lanes.run(keys, (w) =>
      this.gate.run(async () => {
        const codes = this.codes.forCommit();
        const seq = this.nextSeq++;
        await w.run('BEGIN');
        try {
          await this.deleteExisting(w, 'models', models, (r) => r.model_id);
          const convs = await this.deleteExisting(w, 'conversations', conversations, (r) => r.id);
          const msgs = await this.deleteExisting(w, 'messages', messages, (r) => r.id);
          if (msgs.resent.length) await deleteByIds(w, 'tool_calls', 'message_id', msgs.resent);
          await this.deleteExisting(w, 'evaluations', evaluations, (r) => r.id);
          await this.deleteExisting(w, 'spans', spans, (r) => r.trace_id + r.span_id);
          await this.deleteExisting(w, 'benchmarks', benchmarks, (r) => r.id);
          await this.deleteExisting(w, 'benchmark_results', benchmark_results, (r) => r.id);
          const coded = await assignCodes(batch, codes.book);
          const workspaceKeys = await codes.book.codes(WORKSPACE_KEYS, workspaces);
          const rows = await enrichRows(coded, this.context(w), this.ids.hints);
          // The inserts are the same few statements every time: prepared once per connection.
          await insertRows(this.prepared(w), rows, codes.created(), workspaceKeys, seq);
          for (const [ws, ids] of groupByWorkspace(msgs.referenced))
            await w.run(MESSAGE_REPAIR, [ws, listValue(ids)]);
          await w.run('COMMIT');
          // Inside the lane: a dependent commit waiting on this one must see these parents as referenced.
          this.ids.note(rows, msgs.referenced);
          this.conversations.remember(coded.conversations);
          codes.settle(true);
          this.deferRepairs(convs.referenced, evaluations);
        } catch (e) {
          codes.settle(false);
          await w.run('ROLLBACK').catch(() => {});
          throw e;
        }
      }),
    );
  }

  /**
   * Queues the repairs of the stored children of conversations that arrived after them ([workspace, id]
   * pairs), in the tables that hold any (LateParents; every table when that is unknown), for the next batch.
   */
  private deferRepairs(parents: [string, string][], evaluations: readonly { workspace_id: string }[]): void {
    for (const [ws, ids] of groupByWorkspace(parents)) {
      let tables = 0;
      for (const id of ids) tables |= this.ids.conversationChildren(ws, id);
      this.repairs.add(ws, tables);
    }
    let last: string | undefined;
    for (const e of evaluations) {
      if (e.workspace_id === last) continue;
      last = e.workspace_id;
      this.repairs.noteEvaluations(last);
    }
    if (this.repairs.size && !this.repairTimer) {
      this.repairTimer = setTimeout(() => void this.repairNow().catch(() => {}), this.repairDelayMs);
      this.repairTimer.unref();
    }
  }

  /** Runs the pending repairs, with no commit in flight; concurrent callers share one run. */
  private repairNow(): Promise<void> {
    clearTimeout(this.repairTimer);
    this.repairTimer = undefined;
    this.repairing ??= this.lanes
      .runAlone((w) => this.gate.run(() => this.repairs.run(w, this.nextSeq - 1)))
      .finally(() => {
        this.repairing = undefined;
      });
    return this.repairing;
  }

  /**
   * Claims the rows' ids and deletes those that may be stored already. Returns the [workspace, id] pairs that
   * were re-sent, and those that stored children may reference (parents whose children need repair).
   */
  private async deleteExisting<R extends { workspace_id: string }>(
    w: DuckDBConnection,
    table: Keyed,
    rows: R[],
    id: (r: R) => string,
  ): Promise<{ resent: [string, string][]; referenced: [string, string][] }> {
    const resent: [string, string][] = [];
    const referenced: [string, string][] = [];
    for (const r of rows) {
      const seen = this.ids.claim(table, r.workspace_id, id(r));
      if (seen & STORED) resent.push([r.workspace_id, id(r)]);
      if (seen & REFERENCED) referenced.push([r.workspace_id, id(r)]);
    }
    if (resent.length) await deleteByIds(w, table, ID_COLUMN[table], resent);
    return { resent, referenced };
  }

  /** The workspace's key in the fact tables' `ws` column; none until its first fact row is committed. */
  workspaceKey(workspaceId: string): number | undefined {
    return this.codes.code(WORKSPACE_KEYS, workspaceId);
  }

  /** Fact rows carry the workspace's integer key in `ws` (migration 5) once it has one. */
  factScope(workspaceId: string): FactScope {
    const key = this.workspaceKey(workspaceId);
    return key === undefined ? { column: 'workspace_id', value: workspaceId } : { column: 'ws', value: key };
  }

  /** Pending repairs are left to the next open (see DeferredRepairs): closing loses nothing. */
  async close(): Promise<void> {
    clearTimeout(this.repairTimer);
    await this.repairing?.catch(() => {});
    for (const r of this.readers.all) await r.close();
    // Every commit and transaction admitted so far ends first.
    await this.lanes.runAlone(async () => {});
    for (const cache of this.writerStatements.values()) await cache.dropStatements();
    this.lanes.close();
    this.instance.closeSync();
  }
}
