// Owns API keys: creation (secret shown once), SHA-256 hashes at rest, scope, listing, revocation, lookup.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type ApiKeyInfo, KEY_SCOPES, type KeyScope } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';

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
    for (const [id, at] of pending) {
      await this.store.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [
        id,
        new Date(at).toISOString(),
      ]);
    }
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
    const prefix = key.slice(0, 12);
    await this.store.query(
      `INSERT INTO api_keys (id, workspace_id, name, prefix, hash, scope, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [id, workspaceId, opts.name ?? null, prefix, hash(key), scope, opts.createdBy ?? null],
    );
    this.cache.delete(hash(key));
    const [info] = await this.list(workspaceId, id);
    return { ...info, key };
  }

  async list(workspaceId: string, id?: string): Promise<ApiKeyInfo[]> {
    const rows = await this.store.query<ApiKeyInfo & Record<string, unknown>>(
      `SELECT id, workspace_id, name, prefix, scope, created_by, created_at, last_used_at, revoked_at
       FROM api_keys WHERE workspace_id = $1 ${id ? 'AND id = $2' : ''} ORDER BY created_at`,
      id ? [workspaceId, id] : [workspaceId],
    );
    for (const r of rows) {
      const at = this.used.get(r.id);
      if (at !== undefined) r.last_used_at = new Date(at).toISOString();
    }
    return rows;
  }

  /** Revokes at once: the in-process cache is cleared so the next request with the key is refused. */
  async revoke(workspaceId: string, id: string): Promise<boolean> {
    const found = await this.list(workspaceId, id);
    if (!found.length) return false;
    await this.store.query('UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
    this.cache.clear();
    return true;
  }

  /** Revokes every key of a workspace (the workspace is being deleted). */
  async revokeAll(workspaceId: string): Promise<void> {
    await this.store.query(
      'UPDATE api_keys SET revoked_at = now() WHERE workspace_id = $1 AND revoked_at IS NULL',
      [workspaceId],
    );
    this.cache.clear();
  }

  async verify(secret: string): Promise<KeyPrincipal | null> {
    const h = hash(secret);
    const hit = this.cache.get(h);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      if (hit.principal) this.used.set(hit.principal.keyId, Date.now());
      return hit.principal;
    }
    const rows = await this.store.query<{ id: string; workspace_id: string; scope: Scope; prefix: string }>(
      'SELECT id, workspace_id, scope, prefix FROM api_keys WHERE hash = $1 AND revoked_at IS NULL',
      [h],
    );
    const principal = rows[0]
      ? { keyId: rows[0].id, workspaceId: rows[0].workspace_id, scope: rows[0].scope, prefix: rows[0].prefix }
      : null;
    if (this.cache.size > 10_000) this.cache.clear(); // unknown secrets must not grow it without bound
    this.cache.set(h, { principal, at: Date.now() });
    if (principal) this.used.set(principal.keyId, Date.now());
    return principal;
  }

  /** Headless setup: makes `secret` an admin key of the workspace unless it already exists. */
  async ensureKey(workspaceId: string, secret: string): Promise<void> {
    const rows = await this.store.query('SELECT id FROM api_keys WHERE hash = $1', [hash(secret)]);
    if (!rows.length) await this.create(workspaceId, 'admin', { name: 'init key', createdBy: 'env', secret });
  }
}
