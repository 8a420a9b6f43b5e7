// Owns where CLI-sent data goes: straight into the store (server stopped) or over HTTP to a running server.
import type { IngestBatchInput } from '@llm-analytics/core';
import { type AppContext, createContext } from '../AppContext.ts';
import type { Config } from '../config.ts';
import { DEFAULT_WORKSPACE } from '../workspaces/WorkspaceService.ts';

export interface IngestTarget {
  ingest(batch: IngestBatchInput): Promise<unknown>;
  close(): Promise<void>;
}

export async function openIngestTarget(
  config: Config,
  remote: { url?: string; apiKey?: string; workspace?: string },
): Promise<IngestTarget> {
  if (remote.url) {
    if (!remote.apiKey)
      throw new Error('--url needs --api-key (or LLM_ANALYTICS_API_KEY) with scope ingest or admin');
    const endpoint = new URL('/api/ingest', remote.url).toString();
    return {
      async ingest(batch) {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${remote.apiKey}` },
          body: JSON.stringify(batch),
        });
        const body = await res.json().catch(() => ({}));
        if (!res.ok)
          throw Object.assign(new Error(`server answered ${res.status}: ${JSON.stringify(body)}`), { body });
        return body;
      },
      async close() {},
    };
  }
  let ctx: AppContext;
  try {
    ctx = await createContext(config);
  } catch (e) {
    const msg = (e as Error).message;
    const hint = /lock/i.test(msg)
      ? '\nThe database is in use by a running server: stop it, or send through it with --url http://127.0.0.1:3000 --api-key <key>.'
      : '';
    throw new Error(`cannot open the database: ${msg}${hint}`);
  }
  const workspace = remote.workspace ?? DEFAULT_WORKSPACE;
  return {
    ingest: (batch) => ctx.ingest.ingest(workspace, batch),
    close: () => ctx.close(),
  };
}
