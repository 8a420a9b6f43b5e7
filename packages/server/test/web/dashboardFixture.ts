// Owns the fixture of the dashboard browser tests: built SPA, real server with demo data, helper queries.

import type { Config } from '../../src/config.ts';
import { generateDemoBenchmarks } from '../../src/demo/demoBenchmarks.ts';
import { generateDemo } from '../../src/demo/generateDemo.ts';
import { ensureWebBuild } from '../../src/web/ensureWebBuild.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

export const OWNER = { email: 'owner@example.com', password: 'correct horse battery', name: 'Olivia Owner' };
export const VIEWER = { email: 'viewer@example.com', password: 'viewer password 1', name: 'Victor Viewer' };

/** Builds the SPA if stale, starts a DuckDB test server and loads `messages` demo messages (and the demo's
 *  benchmarks) into it. */
export async function startDashboardServer(
  messages = 6000,
  config: Partial<Config> = {},
): Promise<TestServer> {
  ensureWebBuild(() => {});
  const s = await startTestServer({ config });
  for (const batch of generateDemo({ messages, seed: 7 })) await s.ctx.ingest.ingest(s.workspaceId, batch);
  for (const batch of generateDemoBenchmarks(7, new Date())) await s.ctx.ingest.ingest(s.workspaceId, batch);
  return s;
}
