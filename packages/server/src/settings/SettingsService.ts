// Owns per-workspace settings (price book, SLA threshold): defaults, validation, read and replace.
import { type Settings, type SettingsPatch, SettingsPatchSchema } from '@llm-analytics/core';
import type { Store } from '../store/Store.ts';
import { findSettings } from './queries/findSettings.ts';
import { replaceSettings } from './queries/replaceSettings.ts';

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

/** The stored document (JSON text, or parsed by the engine) over the defaults; the defaults when none. */
function parseSettings(value: unknown): Settings {
  const raw = typeof value === 'string' ? JSON.parse(value) : value;
  return raw ? { ...DEFAULT_SETTINGS, ...SettingsPatchSchema.parse(raw) } : DEFAULT_SETTINGS;
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
    const settings = parseSettings(await findSettings(this.store, workspaceId));
    this.cache.set(workspaceId, settings);
    return settings;
  }

  /** Merges a validated patch over the current settings (top-level keys replace) and stores the result. */
  async update(workspaceId: string, patch: SettingsPatch, actor = 'system'): Promise<Settings> {
    const run = this.writing.then(async () => {
      // The current settings are read in the transaction that replaces them: a failed write leaves them.
      const next = await this.store.transaction(async (tx) => {
        const merged: Settings = { ...parseSettings(await findSettings(tx, workspaceId)), ...patch };
        await replaceSettings(tx, workspaceId, JSON.stringify(merged));
        return merged;
      });
      this.cache.set(workspaceId, next);
      await this.activity?.record(workspaceId, actor, 'settings.update', 'settings', patch);
      return next;
    });
    this.writing = run.catch(() => {});
    return run;
  }
}
