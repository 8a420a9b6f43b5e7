// Owns per-workspace settings (price book, SLA threshold): defaults, validation, read and replace.
import { type Settings, type SettingsPatch, SettingsPatchSchema } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';

export const DEFAULT_SETTINGS: Settings = {
  price_book: { default: null, providers: {}, models: {} },
  sla_threshold_ms: 2000,
};

/** Where settings changes are logged (the activity feed); optional so the service stands alone in tests. */
export interface ActivityRecorder {
  record(
    workspaceId: string,
    actor: string,
    action: string,
    target?: string | null,
    details?: Record<string, unknown> | null,
  ): Promise<void>;
}

export class SettingsService {
  private cache = new Map<string, Settings>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly activity?: ActivityRecorder,
  ) {}

  async get(workspaceId: string): Promise<Settings> {
    const hit = this.cache.get(workspaceId);
    if (hit) return hit;
    const [row] = await this.store.query<{ value: unknown }>(
      'SELECT value FROM settings WHERE workspace_id = $1',
      [workspaceId],
    );
    const raw = typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value;
    const settings = raw ? { ...DEFAULT_SETTINGS, ...SettingsPatchSchema.parse(raw) } : DEFAULT_SETTINGS;
    this.cache.set(workspaceId, settings);
    return settings;
  }

  /** Merges a validated patch over the current settings (top-level keys replace) and stores the result. */
  async update(workspaceId: string, patch: SettingsPatch, actor = 'system'): Promise<Settings> {
    const run = this.writing.then(async () => {
      const next: Settings = { ...(await this.get(workspaceId)), ...patch };
      // Writes are serialised here, so delete-then-insert cannot interleave with another update.
      await this.store.query('DELETE FROM settings WHERE workspace_id = $1', [workspaceId]);
      await this.store.query(
        'INSERT INTO settings (workspace_id, value, updated_at) VALUES ($1, $2, now())',
        [workspaceId, JSON.stringify(next)],
      );
      this.cache.set(workspaceId, next);
      await this.activity?.record(workspaceId, actor, 'settings.update', 'settings', patch);
      return next;
    });
    this.writing = run.catch(() => {});
    return run;
  }
}
