// Owns `llm-analytics serve`: open the store (exit if it cannot), listen, run the background jobs, drain and
// close on SIGTERM/SIGINT.
import { createContext } from '../AppContext.ts';
import type { Config } from '../config.ts';
import { buildApp } from '../http/buildApp.ts';
import { ensureWebBuild } from '../web/ensureWebBuild.ts';

export async function serve(config: Config): Promise<void> {
  // Build the dashboard when dist is missing or stale (LLM_ANALYTICS_SKIP_WEB_BUILD=1 skips).
  if (process.env.LLM_ANALYTICS_SKIP_WEB_BUILD !== '1') ensureWebBuild();
  let ctx: Awaited<ReturnType<typeof createContext>>;
  try {
    ctx = await createContext(config);
  } catch (e) {
    // DuckDB's connect() has hung when retried in-process after a failed open: exit and let a supervisor retry.
    console.error(`llm-analytics: cannot open the database: ${(e as Error).message}`);
    process.exit(1);
  }
  const app = await buildApp(ctx);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: draining requests and the writer');
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  // Here, not in createContext: the CLI's one-shot commands and the tests' servers run no background jobs.
  await ctx.jobRunner.start(app.log);
  app.log.info(
    { engine: ctx.store.dialect, location: ctx.store.location, url: `http://${config.host}:${config.port}` },
    'llm-analytics is serving',
  );
}
