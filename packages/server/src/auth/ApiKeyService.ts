// Owns API keys: creation (secret shown once), SHA-256 hashes at rest, scope, listing, revocation, lookup.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type ApiKeyInfo, KEY_SCOPES, type KeyScope } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';
import { findLiveKey } from './queries/findLiveKey.ts';
import { insertApiKey } from './queries/insertApiKey.ts';
import { keyHashExists } from './queries/keyHashExists.ts';
import { listApiKeys } from './queries/listApiKeys.ts';
import { revokeApiKey } from './queries/revokeApiKey.ts';
import { revokeWorkspaceKeys } from './queries/revokeWorkspaceKeys.ts';
import { updateKeyLastUsed } from './queries/updateKeyLastUsed.ts';

export const SCOPES = KEY_SCOPES;
export type Scope = KeyScope;

export interface KeyPrincipal {
  keyId: string;
  workspaceId: string;
  scope: Scope;
  prefix: string;
}

// Keys are 256-bit random secrets, so a fast hash is enough (no password stretching needed).
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** What listings show of a key: enough to tell keys apart, too little to use. */
const prefixOf = (key: string) => key.slice(0, 12);
const CACHE_MS = 5_000;
// last_used_at is kept in memory and written in one pass every 30 s (and at close), not once per request.
const USAGE_FLUSH_MS = 30_000;

export class ApiKeyService {
  private cache = new Map<string, { principal: KeyPrincipal | null; at: number }>();
  private used = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly store: Store) {
    this.timer = setInterval(() => void this.flushUsage().catch(() => {}), USAGE_FLUSH_MS);
    this.timer.unref();
  }

  /** Writes the pending last-used times. */
  async flushUsage(): Promise<void> {
    const pending = [...this.used];
    this.used.clear();
    if (pending.length === 0) return;
    await this.store.transaction(async (tx) => {
      for (const [id, at] of pending) await updateKeyLastUsed(tx, id, new Date(at).toISOString());
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushUsage();
  }

  async create(
    workspaceId: string,
    scope: Scope,
    opts: { name?: string; createdBy?: string; secret?: string } = {},
  ): Promise<ApiKeyInfo & { key: string }> {
    const key = opts.secret ?? `lla_${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    const info = await this.store.transaction(async (tx) => {
      await insertApiKey(tx, {
        id,
        workspaceId,
        name: opts.name ?? null,
        prefix: prefixOf(key),
        hash: hash(key),
        scope,
        createdBy: opts.createdBy ?? null,
      });
      return (await listApiKeys(tx, workspaceId, id))[0];
    });
    this.cache.delete(hash(key));
    return { ...info, key };
  }

  async list(workspaceId: string, id?: string): Promise<ApiKeyInfo[]> {
    return this.withUsage(await listApiKeys(this.store, workspaceId, id));
  }

  /** Rows with the last-used times not yet flushed. */
  private withUsage(rows: ApiKeyInfo[]): ApiKeyInfo[] {
    for (const r of rows) {
      const at = this.used.get(r.id);
      if (at !== undefined) r.last_used_at = new Date(at).toISOString();
    }
    return rows;
  }

  /** Revokes at once: the in-process cache is cleared so the next request with the key is refused. */
  async revoke(workspaceId: string, id: string): Promise<boolean> {
    const found = await this.store.transaction(async (tx) => {
      if ((await listApiKeys(tx, workspaceId, id)).length === 0) return false;
      await revokeApiKey(tx, workspaceId, id);
      return true;
    });
    if (found) this.cache.clear();
    return found;
  }

  /** Revokes every key of a workspace (the workspace is being deleted). */
  async revokeAll(workspaceId: string): Promise<void> {
    await this.store.transaction((tx) => revokeWorkspaceKeys(tx, workspaceId));
    this.cache.clear();
  }

  async verify(secret: string): Promise<KeyPrincipal | null> {
    const h = hash(secret);
    const hit = this.cache.get(h);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      if (hit.principal) this.used.set(hit.principal.keyId, Date.now());
      return hit.principal;
    }
    const row = await findLiveKey(this.store, h);
    const principal = row
      ? { keyId: row.id, workspaceId: row.workspace_id, scope: row.scope, prefix: row.prefix }
      : null;
    if (this.cache.size > 10_000) this.cache.clear(); // unknown secrets must not grow it without bound
    this.cache.set(h, { principal, at: Date.now() });
    if (principal) this.used.set(principal.keyId, Date.now());
    return principal;
  }

  /** Headless setup: makes `secret` an admin key of the workspace unless it already exists. */
  async ensureKey(workspaceId: string, secret: string): Promise<void> {
    const h = hash(secret);
    await this.store.transaction(async (tx) => {
      if (await keyHashExists(tx, h)) return;
      await insertApiKey(tx, {
        id: randomUUID(),
        workspaceId,
        name: 'init key',
        prefix: prefixOf(secret),
        hash: h,
        scope: 'admin',
        createdBy: 'env',
      });
    });
    this.cache.delete(h);
  }
}
