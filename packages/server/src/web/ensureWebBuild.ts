// Owns building the dashboard when its build is missing or older than its sources (used by `npm start`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST, WEB_ROOT } from './webPaths.ts';

/** Relative to packages/web; core's sources too, which the dashboard bundles (a core-only change needs a build). */
const SOURCES = [
  'src',
  'index.html',
  'vite.config.ts',
  'package.json',
  '../core/src',
  '../core/package.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newestMtime(join(path, name)));
  return max;
}

/** Why the build must run, or null when dist/index.html is newer than every source file. */
export function webBuildStaleReason(root = WEB_ROOT, dist = WEB_DIST): string | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'no build yet';
  const built = statSync(index).mtimeMs;
  const src = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  return src > built ? 'sources changed since the last build' : null;
}

export interface EnsureWebBuildResult {
  built: boolean;
  reason: string | null;
  ms: number;
}

/**
 * Runs `vite build` in packages/web when needed. When Vite is not installed (a production install without
 * dev dependencies) an existing build is served as it is; without any build it throws.
 */
export function ensureWebBuild(log: (msg: string) => void = console.error): EnsureWebBuildResult {
  const t0 = Date.now();
  const reason = webBuildStaleReason();
  if (!reason) return { built: false, reason: null, ms: 0 };
  const vite = join(WEB_ROOT, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const viteLocal = join(WEB_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const bin = existsSync(viteLocal) ? viteLocal : vite;
  if (!existsSync(bin)) {
    if (existsSync(join(WEB_DIST, 'index.html'))) {
      log(`llm-analytics: dashboard sources changed but Vite is not installed; serving the existing build`);
      return { built: false, reason, ms: 0 };
    }
    throw new Error('the dashboard is not built and Vite is not installed: run `npm install` first');
  }
  log(`llm-analytics: building the dashboard (${reason})…`);
  const r = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0)
    throw new Error(`building the dashboard failed (vite exited with ${r.status ?? r.signal})`);
  return { built: true, reason, ms: Date.now() - t0 };
}
