// Tests the published form of the SDK: `npm pack`, installed offline into a plain project, used from ESM, CommonJS
// and strict TypeScript, sending to the real server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDir } from '../../server/test/helpers/tempDir.ts';
import { startTestServer, type TestServer } from '../../server/test/helpers/testServer.ts';
import { assignVariant } from '../src/assignVariant.ts';

const run = promisify(execFile);
const PKG = resolve(fileURLToPath(import.meta.url), '../..');
const REPO = resolve(PKG, '../..');
const FIXTURES = join(PKG, 'test/consumer');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');

/** The environment of a user's shell: none of the npm_* settings an enclosing `npm test` passes down. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

/** Runs a command; resolves with its output whatever the exit code (async: the in-process server keeps serving). */
async function exec(file: string, args: string[], cwd: string, env = cleanEnv()) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? e.message,
    };
  }
}

async function storedIds(server: TestServer, table: string): Promise<string[]> {
  const rows = await server.ctx.store.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE workspace_id = $1 ORDER BY id`,
    [server.workspaceId],
  );
  return rows.map((r) => r.id);
}

describe('the packed SDK in a plain project', () => {
  const root = tempDir('lla-sdk-pack');
  const project = join(root, 'consumer');
  let tarball: string;
  let server: TestServer;
  let ingestKey: string;

  before(async () => {
    const packed = join(root, 'packed');
    mkdirSync(packed);
    // `npm pack` alone must build: prepack runs the build, so a fresh clone with no dist/ packs correctly.
    const pack = await exec('npm', ['pack', '--pack-destination', packed], PKG);
    assert.equal(pack.code, 0, `npm pack failed:\n${pack.stderr}`);
    const [file] = readdirSync(packed).filter((f) => f.endsWith('.tgz'));
    assert.ok(file, `npm pack wrote no tarball:\n${pack.stdout}\n${pack.stderr}`);
    tarball = join(packed, file);

    cpSync(FIXTURES, project, { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2),
    );
    server = await startTestServer();
    ingestKey = await server.createKey('ingest');
  });
  after(() => server?.close());

  it('packs built JavaScript, declarations and the README, and no TypeScript source', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball], PKG);
    const files = stdout.split('\n').filter(Boolean).sort();
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'README.md']) {
      assert.ok(files.includes(`package/${f}`), `${f} is missing from ${files.join(', ')}`);
    }
    const sources = files.filter((f) => /\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f));
    assert.deepEqual(sources, []);
  });

  it('installs offline with no registry and has no runtime dependencies', async () => {
    // An unreachable registry as well as --offline: nothing may be fetched, so nothing unpublished is needed.
    const env = cleanEnv({ npm_config_registry: 'http://127.0.0.1:9/' });
    const install = await exec(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', tarball],
      project,
      env,
    );
    assert.equal(install.code, 0, `npm install of the tarball failed:\n${install.stderr}`);
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules/@llm-analytics/sdk/package.json'), 'utf8'),
    ) as Record<string, unknown>;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) {
      assert.deepEqual(manifest[field] ?? {}, {}, `the published package.json has ${field}`);
    }
    assert.deepEqual(readdirSync(join(project, 'node_modules')).sort(), [
      '.package-lock.json',
      '@llm-analytics',
    ]);
    assert.deepEqual(readdirSync(join(project, 'node_modules/@llm-analytics')), ['sdk']);
  });

  it('ESM: `import` from a .mjs script sends a conversation, messages, an evaluation and a trace the server stores', async () => {
    const env = cleanEnv({ LLA_URL: server.url, LLA_KEY: ingestKey });
    const r = await exec(process.execPath, ['send.mjs'], project, env);
    assert.equal(r.code, 0, `send.mjs failed:\n${r.stderr}`);
    const sent = JSON.parse(r.stdout) as Record<
      'conversations' | 'messages' | 'evaluations' | 'spans',
      string[]
    >;
    assert.equal(sent.messages.length, 2);
    // assignVariant in the built package is the source's, and the conversation recorded the assignment.
    const { variant, weighted } = JSON.parse(r.stdout) as { variant: string; weighted: string };
    assert.equal(variant, assignVariant('checkout copy', 'u-esm', ['control', 'short']));
    assert.equal(weighted, assignVariant('checkout copy', 'u-esm', ['control', 'short'], [1, 3]));
    const [stored] = await server.ctx.store.query<{ experiment_name: string; session_id: string }>(
      'SELECT experiment_name, session_id FROM conversations WHERE workspace_id = $1',
      [server.workspaceId],
    );
    assert.deepEqual(stored, { experiment_name: 'checkout copy', session_id: variant });
    const spans = await server.ctx.store.query<{ span_id: string; parent_span_id: string | null }>(
      'SELECT span_id, parent_span_id FROM spans WHERE workspace_id = $1 ORDER BY parent_span_id NULLS FIRST',
      [server.workspaceId],
    );
    assert.deepEqual(spans, [
      { span_id: sent.spans[0], parent_span_id: null },
      { span_id: sent.spans[1], parent_span_id: sent.spans[0] },
    ]);
    assert.equal(await server.count('conversations'), 1);
    assert.equal(await server.count('messages'), 2);
    assert.equal(await server.count('evaluations'), 1);
    for (const table of ['conversations', 'messages', 'evaluations'] as const) {
      assert.deepEqual(await storedIds(server, table), [...sent[table]].sort());
    }
  });

  it('CommonJS: `require` from a .cjs script sends, and validates records with the bundled schemas', async () => {
    const before = {
      conversations: await storedIds(server, 'conversations'),
      messages: await storedIds(server, 'messages'),
    };
    const env = cleanEnv({ LLA_URL: server.url, LLA_KEY: ingestKey });
    const r = await exec(process.execPath, ['send.cjs'], project, env);
    assert.equal(r.code, 0, `send.cjs failed:\n${r.stderr}`);
    const sent = JSON.parse(r.stdout) as {
      conversations: string[];
      messages: string[];
      refused: { path: string; message: string }[] | null;
    };
    assert.deepEqual(
      sent.refused?.map((i) => i.path),
      ['rating'],
    );
    assert.deepEqual(
      await storedIds(server, 'conversations'),
      [...before.conversations, ...sent.conversations].sort(),
    );
    assert.deepEqual(await storedIds(server, 'messages'), [...before.messages, ...sent.messages].sort());
    assert.equal(await server.count('evaluations'), 1, 'the refused evaluation was not sent');
  });

  it('TypeScript: the declarations type-check use from ESM and CommonJS and reject wrong calls (strict, nodenext)', async () => {
    const config = {
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(REPO, 'node_modules/@types')],
      },
      files: ['typed.mts', 'typed.cts', 'mistyped.mts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config, null, 2));
    const lines = readFileSync(join(project, 'mistyped.mts'), 'utf8').split('\n');
    const expected = lines.flatMap((line, i) => (line.endsWith('// type error') ? [i + 1] : []));
    assert.ok(expected.length >= 5);
    const r = await exec(process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], project);
    assert.notEqual(r.code, 0, 'tsc accepted wrongly typed calls');
    // Every error is on a marked line of mistyped.mts: none in typed.mts / typed.cts, none in the declarations.
    const errors = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    const located = errors.map((l) => /^mistyped\.mts\((\d+),\d+\): error/.exec(l));
    assert.ok(
      located.every((m) => m !== null),
      `errors outside mistyped.mts:\n${r.stdout}`,
    );
    const failing = [...new Set(located.map((m) => Number(m?.[1])))].sort((a, b) => a - b);
    assert.deepEqual(failing, expected, r.stdout);
  });
});
