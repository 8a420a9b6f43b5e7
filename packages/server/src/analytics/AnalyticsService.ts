// Owns answering AnalyticsQuery for a workspace: settings + catalog prices → compile → run → shape the reply.
// Every reader (routes, seed endpoints, exports, alerts) comes through here: one query road.
import {
  type AnalyticsQuery,
  type AnalyticsReply,
  type CatalogPrice,
  type CompiledQuery,
  catalogPrices,
  compileQuery,
  formatResult,
  parseQuery,
} from '@llm-analytics/core';
import type { SettingsService } from '../settings/SettingsService.ts';
import { scopeKey } from '../store/FactScope.ts';
import type { Store } from '../store/Store.ts';
import { findDataSpan } from './queries/findDataSpan.ts';
import { listModelPairs } from './queries/listModelPairs.ts';
import { ResultCache } from './ResultCache.ts';

const CACHE_MS = 30_000;
const MINUTE = 60_000;

/** "Now" for relative ranges: the next whole minute, so replies computed within a minute share cache keys. */
export const queryNow = (): Date => new Date(Math.ceil(Date.now() / MINUTE) * MINUTE);

interface WorkspaceFacts {
  pairs: Set<string>;
  catalog: CatalogPrice[];
  span?: { from: Date; to: Date };
}

export class AnalyticsService {
  /** One load in flight per workspace: a dashboard's concurrent first queries must not each scan for facts. */
  private facts = new Map<string, { at: number; loading: Promise<WorkspaceFacts>; value?: WorkspaceFacts }>();
  private readonly cache: ResultCache<unknown>;

  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
  ) {
    // One DuckDB process sees every write; PostgreSQL may have other writers, so entries live briefly there.
    this.cache = new ResultCache(store.dialect === 'duckdb' ? 5 * MINUTE : 15_000);
  }

  /**
   * Validates (QueryError on bad input), compiles and runs one query; `compare` runs its twin too. Without an
   * explicit `now`, relative ranges end at the next whole minute, so repeated loads share cached replies.
   * `fresh` computes anew (and refreshes the cache): a user's explicit refresh, and cold-path benchmarks.
   * `maxRows` lets the server's own readers ask for more rows than a request may (see parseQuery). `shared`:
   * the reply is the cached object itself, for the server's own readers that only read it (no copy).
   */
  async query(
    workspaceId: string,
    input: unknown,
    now?: Date,
    opts: { fresh?: boolean; maxRows?: number; shared?: boolean } = {},
  ): Promise<AnalyticsReply> {
    const at = now ?? queryNow();
    const version = this.cache.version(workspaceId);
    const compiled = await this.compile(workspaceId, parseQuery(input, { maxRows: opts.maxRows }), at);
    const key = JSON.stringify([
      workspaceId,
      version,
      compiled.sql,
      compiled.params,
      compiled.comparison?.params,
    ]);
    const reply = (await this.cache.get(key, opts.fresh ?? false, async () => {
      const [rows, prev] = await Promise.all([
        this.store.query(compiled.sql, compiled.params),
        compiled.comparison
          ? this.store.query(compiled.comparison.sql, compiled.comparison.params)
          : undefined,
      ]);
      return formatResult(compiled, rows, prev);
    })) as AnalyticsReply;
    // A copy, so a caller that changes its reply cannot change the cache's; `shared` callers never change it.
    return opts.shared ? reply : structuredClone(reply);
  }

  /**
   * The same version-keyed cache for readers that list rows rather than aggregate (judgment examples):
   * `key` must name everything the result depends on besides the workspace's data.
   */
  async cached<T>(workspaceId: string, key: unknown, load: () => Promise<T>): Promise<T> {
    const version = this.cache.version(workspaceId);
    const value = (await this.cache.get(JSON.stringify([workspaceId, version, key]), false, load)) as T;
    return structuredClone(value);
  }

  /** Called after every committed ingest: cached replies of the workspace become unreachable. */
  noteCommit(workspaceId: string): void {
    this.cache.bump(workspaceId);
  }

  async compile(workspaceId: string, q: AnalyticsQuery, now = new Date()): Promise<CompiledQuery> {
    const [settings, facts] = await Promise.all([
      this.settings.get(workspaceId),
      this.workspaceFacts(workspaceId),
    ]);
    return compileQuery(q, {
      workspaceId,
      now,
      dialect: this.store.dialect,
      priceBook: settings.price_book,
      slaThresholdMs: settings.sla_threshold_ms,
      catalogPrices: facts.catalog,
      dataSpan: facts.span,
      workspaceKey: scopeKey(this.store.factScope(workspaceId)),
    });
  }

  /** Called with each committed batch's messages: a new (provider, model) pair refreshes prices now. */
  noteMessages(workspaceId: string, messages: { provider: string | null; model_id: string | null }[]): void {
    const facts = this.facts.get(workspaceId)?.value;
    if (!facts) return;
    for (const m of messages) {
      if (m.model_id && !facts.pairs.has(`${m.provider}\u0000${m.model_id}`)) {
        this.facts.delete(workspaceId);
        return;
      }
    }
  }

  /** The workspace's (provider, model) pairs priced from the catalog, and the extent of its data. Cached. */
  private workspaceFacts(workspaceId: string): Promise<WorkspaceFacts> {
    const hit = this.facts.get(workspaceId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.loading;
    const entry: { at: number; loading: Promise<WorkspaceFacts>; value?: WorkspaceFacts } = {
      at: Date.now(),
      loading: this.loadFacts(workspaceId).then((value) => {
        entry.value = value;
        return value;
      }),
    };
    entry.loading.catch(() => this.facts.delete(workspaceId));
    this.facts.set(workspaceId, entry);
    return entry.loading;
  }

  private async loadFacts(workspaceId: string): Promise<WorkspaceFacts> {
    const ws = this.store.factScope(workspaceId);
    const [pairs, span] = await Promise.all([
      listModelPairs(this.store, workspaceId, ws),
      findDataSpan(this.store, ws),
    ]);
    return {
      pairs: new Set(pairs.map((p) => `${p.provider}\u0000${p.model_id}`)),
      catalog: catalogPrices(pairs),
      span:
        span.lo && span.hi
          ? { from: new Date(span.lo), to: new Date(new Date(span.hi).getTime() + 1) }
          : undefined,
    };
  }
}
