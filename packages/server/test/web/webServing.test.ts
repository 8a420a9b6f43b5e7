// Tests of serving the dashboard: stale-build detection for `npm start`, static files, SPA fallback, and
// that the catch-all never answers an API path or leaves the build folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureWebBuild, webBuildStaleReason } from '../../src/web/ensureWebBuild.ts';
import { WEB_DIST } from '../../src/web/webPaths.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

describe('dashboard build freshness', () => {
  let base: string;
  let root: string;
  before(() => {
    // packages/web and, beside it, packages/core (the dashboard bundles core's sources).
    base = mkdtempSync(join(tmpdir(), 'lla-webroot-'));
    root = join(base, 'web');
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    writeFileSync(join(root, 'src', 'deep', 'a.tsx'), 'x');
    writeFileSync(join(root, 'index.html'), 'x');
    mkdirSync(join(base, 'core', 'src'), { recursive: true });
    writeFileSync(join(base, 'core', 'src', 'b.ts'), 'x');
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('is stale without a build, fresh after it, stale again when any source file is newer', () => {
    const dist = join(root, 'dist');
    assert.equal(webBuildStaleReason(root, dist), 'no build yet');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'built');
    const t = Date.now() / 1000;
    utimesSync(join(root, 'src', 'deep', 'a.tsx'), t - 60, t - 60);
    utimesSync(join(root, 'src', 'deep'), t - 60, t - 60);
    utimesSync(join(root, 'src'), t - 60, t - 60);
    utimesSync(join(root, 'index.html'), t - 60, t - 60);
    for (const p of [join(base, 'core', 'src', 'b.ts'), join(base, 'core', 'src')])
      utimesSync(p, t - 60, t - 60);
    utimesSync(join(dist, 'index.html'), t - 30, t - 30);
    assert.equal(webBuildStaleReason(root, dist), null);
    // A change to core alone needs a build too.
    utimesSync(join(base, 'core', 'src', 'b.ts'), t, t);
    assert.equal(webBuildStaleReason(root, dist), 'sources changed since the last build');
    utimesSync(join(base, 'core', 'src', 'b.ts'), t - 60, t - 60);
    utimesSync(join(root, 'src', 'deep', 'a.tsx'), t, t);
    assert.equal(webBuildStaleReason(root, dist), 'sources changed since the last build');
  });
});

describe('serving the dashboard', () => {
  let s: TestServer;
  before(async () => {
    ensureWebBuild(() => {});
    s = await startTestServer();
  });
  after(() => s.close());

  it("serves index.html at / and for client-side paths (the router's pages), with a CSP and no caching", async () => {
    // The client router's pages: a reload (or a shared link) on any of them must get the app.
    const pages = [
      '/traces',
      '/traces?status=error&model=gpt-4o',
      '/traces/4bf92f3577b34da6a3ce929d0e0e4736?span=00f067aa0ba902b7',
      '/conversations/conv-1',
      '/conversations/a%20b',
      '/analytics/chat',
      '/analytics/sentiment',
    ];
    for (const path of ['/', '/settings', '/a/b/c?x=1', ...pages]) {
      const r = await fetch(`${s.url}${path}`);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(r.headers.get('cache-control'), 'no-cache');
      assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(await r.text(), /<div id="root"><\/div>/);
    }
  });

  it('serves hashed assets as immutable JavaScript, and a missing asset as a JSON 404', async () => {
    const js = readdirSync(join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const r = await fetch(`${s.url}/assets/${js}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(r.headers.get('cache-control') ?? '', /immutable/);
    const missing = await fetch(`${s.url}/assets/nope-123.js`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  it('never answers an API path with the app, and never leaves the build folder', async () => {
    const api = await fetch(`${s.url}/api/does-not-exist`);
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'not_found');
    for (const path of ['/%2e%2e/package.json', '/assets/%2e%2e/%2e%2e/package.json', '/..%2fpackage.json']) {
      const r = await fetch(`${s.url}${path}`);
      const text = await r.text();
      assert.doesNotMatch(text, /"name": "@llm-analytics\/web"/, path);
    }
  });
});

describe('dashboard bundle', () => {
  it('the entry chunk carries none of core’s server side (zod, the price catalog): core is side-effect free', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const entry = /src="\/assets\/(index-[\w-]+\.js)"/.exec(html)?.[1];
    assert.ok(entry, 'index.html names its entry chunk');
    const js = readFileSync(join(WEB_DIST, 'assets', entry), 'utf8');
    assert.ok(!js.includes('ZodError'), 'zod is not in the entry chunk');
    // The catalog's data (its per-model `input_mtok` prices), not its name: metric descriptions cite it.
    assert.ok(!js.includes('input_mtok'), 'the price catalog is not in the entry chunk');
  });
});
