// Owns building the publishable package into dist/: bundled ESM and CommonJS, and declarations free of core and zod.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { flattenTypes } from './flattenTypes.mjs';

const PKG = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(PKG, 'src');
const DIST = join(PKG, 'dist');
const CORE_DIR = `${resolve(PKG, '../core')}/`;
const CORE = '@llm-analytics/core';
/** Where the flattened core types go; declarations import them by this relative name. */
const WIRE = 'wire';

/**
 * Core is pure (no I/O at import time), so its modules and zod's may be dropped when nothing from them is used:
 * the bundle keeps the ingest schemas and leaves out the query compiler and the price catalogue. zod's
 * `z.locales` (every translation, 360 kB) is replaced by an empty namespace: the SDK only reports English.
 */
const treeShakeCore = {
  name: 'tree-shake-core',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
        ? { path: 'zod-locales', namespace: 'empty' }
        : null,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.inner) return null;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      if (r.errors.length > 0) return r;
      const pure = r.path.startsWith(CORE_DIR) || /[\\/]node_modules[\\/]zod[\\/]/.test(r.path);
      return pure ? { ...r, sideEffects: false } : r;
    });
  },
};

/** The npm packages (by directory) whose code a bundle holds, read off esbuild's metafile. */
function bundledPackages(metafile) {
  const dirs = new Set();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(metafile.outputs)[0].inputs)) {
    if (bytesInOutput === 0) continue;
    const m = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
    if (m) dirs.add(resolve(PKG, m[1]));
  }
  return [...dirs].sort();
}

/** Bundled code keeps its licence: each bundled package's LICENSE goes into dist/THIRD_PARTY_LICENSES.md. */
function writeLicenses(dirs) {
  const sections = dirs.map((dir) => {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => join(dir, f)).find(existsSync);
    if (!file) throw new Error(`${name} is bundled but ships no LICENSE file`);
    return `## ${name} ${version} (${license})\n\n${readFileSync(file, 'utf8').trim()}\n`;
  });
  const intro =
    '# Third-party licences\n\nThe bundled files in this directory contain code from these packages.\n';
  writeFileSync(join(DIST, 'THIRD_PARTY_LICENSES.md'), [intro, ...sections].join('\n'));
}

async function bundle() {
  const dirs = new Set();
  for (const [format, file] of [
    ['esm', 'index.js'],
    ['cjs', 'index.cjs'],
  ]) {
    const { metafile } = await build({
      metafile: true,
      absWorkingDir: PKG,
      entryPoints: [join(SRC, 'index.ts')],
      outfile: join(DIST, file),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format,
      legalComments: 'eof',
      logLevel: 'warning',
      plugins: [treeShakeCore],
    });
    for (const dir of bundledPackages(metafile)) dirs.add(dir);
  }
  writeLicenses([...dirs].sort());
}

/** Module specifiers of every import/export/import() type in a declaration file, with their positions. */
function specifiers(sourceFile) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const names = [];
      const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
      if (bindings && 'elements' in bindings) {
        for (const e of bindings.elements) names.push((e.propertyName ?? e.name).text);
      } else if (bindings || (ts.isImportDeclaration(node) && node.importClause?.name)) {
        names.push('*');
      }
      found.push({ literal: node.moduleSpecifier, names });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const q = node.qualifier;
      found.push({ literal: node.argument.literal, names: [q ? (ts.isIdentifier(q) ? q.text : '*') : '*'] });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * Emits the SDK's declarations with tsc, points every import of core at the flattened `wire` declarations
 * and relative `.ts` imports at `.js`, and writes each file as `.d.ts` (ESM) and `.d.cts` (CommonJS).
 */
function declarations() {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(PKG, '../../tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true };
  const entry = join(SRC, 'index.ts');
  const program = ts.createProgram([entry], options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => PKG, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(diagnostics, host));
  }
  const files = [];
  program.emit(undefined, (_name, text, _bom, _onError, sources) => {
    const from = sources?.[0]?.fileName;
    if (from?.startsWith(`${SRC}/`)) files.push({ name: relative(SRC, from).replace(/\.ts$/, ''), text });
  });
  const coreNames = new Set();
  for (const file of files) {
    const sf = ts.createSourceFile(`${file.name}.d.ts`, file.text, ts.ScriptTarget.Latest, true);
    const edits = [];
    for (const { literal, names } of specifiers(sf)) {
      const spec = literal.text;
      let next;
      if (spec === CORE) {
        for (const n of names) coreNames.add(n);
        next = `./${WIRE}.js`;
      } else if (spec.startsWith('./')) {
        next = spec.replace(/\.ts$/, '.js');
      } else if (!spec.startsWith('node:')) {
        throw new Error(`${file.name}.d.ts imports ${spec}: the published declarations may import nothing`);
      }
      if (next && next !== spec) edits.push({ start: literal.getStart(sf) + 1, end: literal.end - 1, next });
    }
    for (const e of edits.sort((a, b) => b.start - a.start)) {
      file.text = file.text.slice(0, e.start) + e.next + file.text.slice(e.end);
    }
  }
  if (coreNames.has('*')) throw new Error(`a declaration imports all of ${CORE}; import named types instead`);
  const header = `// The wire types of LLM Analytics' ingest API, flattened from @llm-analytics/core at build time.\n`;
  files.push({ name: WIRE, text: header + flattenTypes(program, entry, CORE, coreNames) });
  for (const { name, text } of files) {
    const out = join(DIST, `${name}.d.ts`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    writeFileSync(
      out.replace(/\.d\.ts$/, '.d.cts'),
      text.replace(/(from |import\()(['"])(\.\/[^'"]*)\.js\2/g, '$1$2$3.cjs$2'),
    );
  }
}

rmSync(DIST, { recursive: true, force: true });
declarations();
await bundle();
console.log(`built ${relative(process.cwd(), DIST) || DIST}`);
