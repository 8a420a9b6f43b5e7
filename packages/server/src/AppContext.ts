// Owns the wiring of services around one store: the object every route handler is given.
import { AnalyticsService } from './analytics/AnalyticsService.ts';
import { ApiKeyService } from './auth/ApiKeyService.ts';
import type { Config } from './config.ts';
import { GroupCommitWriter } from './ingest/GroupCommitWriter.ts';
import { IngestService } from './ingest/IngestService.ts';
import { openStore } from './openStore.ts';
import { SettingsService } from './settings/SettingsService.ts';
import type { Store } from './store/Store.ts';
import { WorkspaceService } from './workspaces/WorkspaceService.ts';

export interface AppContext {
  config: Config;
  store: Store;
  writer: GroupCommitWriter;
  ingest: IngestService;
  keys: ApiKeyService;
  workspaces: WorkspaceService;
  settings: SettingsService;
  analytics: AnalyticsService;
  close(): Promise<void>;
}

export async function createContext(config: Config, store?: Store): Promise<AppContext> {
  const s = store ?? (await openStore(config));
  const writer = new GroupCommitWriter(s);
  const workspaces = new WorkspaceService(s);
  const keys = new ApiKeyService(s);
  const settings = new SettingsService(s);
  const analytics = new AnalyticsService(s, settings);
  const ws = await workspaces.ensureDefault();
  if (config.initApiKey) await keys.ensureKey(ws.id, config.initApiKey);
  return {
    config,
    store: s,
    writer,
    ingest: new IngestService(writer, analytics),
    keys,
    workspaces,
    settings,
    analytics,
    async close() {
      await writer.close();
      await s.close();
    },
  };
}
