#!/usr/bin/env node
// Build: tsc emits declarations, esbuild bundles the JavaScript.
//
// Why bundle: chevrotain (prisma-ast's parser engine) ships as ~300 ES modules via lodash-es, which take
// ~400 ms to load; its single-file build loads in ~25 ms. The bundles alias chevrotain to that file, so
// `codegen validate` starts in well under the 0.5 s budget. Heavy, lazily used dependencies (ts-morph,
// handlebars, better-sqlite3, and @viz-js/viz: Graphviz as 1.2 MB of JavaScript with the wasm inlined) stay external
// and load only in the commands that need them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  cwd: root,
  stdio: 'inherit',
});
// The command line, as one CommonJS file (dist/cli/main.cjs: two folders deep, as the ES module chunks are, so that
// its relative paths hold), which bin/codegen.cjs runs through V8's code cache (src/cli/launch.ts, compile-cache.ts);
// and the diff's introspection work (dist/introspect-worker.cjs), which its worker runs the same way. Same
// externals, and yargs. Their hash names the cache files (CODEGEN_BUILD_ID).
/** CommonJS bundles: `import.meta.url` becomes the file's own URL. */
const commonJs = (entryPoints, define = {}) => ({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  external: ['better-sqlite3', 'ts-morph', 'handlebars', '@viz-js/viz', 'yargs'],
  define: { ...define, 'import.meta.url': '__codegenModuleUrl' },
  banner: { js: "var __codegenModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
await build(commonJs({ 'cli/main': 'src/cli/main.ts', 'introspect-worker': 'src/api/introspect-answer.ts' }));
const buildId = createHash('sha256')
  .update(readFileSync(path.join(root, 'dist/cli/main.cjs')))
  .update(readFileSync(path.join(root, 'dist/introspect-worker.cjs')))
  .digest('hex')
  .slice(0, 12);
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', migrate: 'src/migrate-entry.ts', 'runtime/index': 'src/runtime/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3', 'ts-morph', 'handlebars', '@viz-js/viz'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  define: { CODEGEN_BUILD_ID: JSON.stringify(buildId) },
  logLevel: 'warning',
});

// The two entry points of a command-line run, as CommonJS (a CommonJS entry starts ~10 ms sooner than an ES module,
// on each thread, because Node's ES module loader never loads): the bin's launcher (dist/cli/launch.cjs) and the
// diff's worker (dist/introspect-worker-entry.cjs). Each loads its bundle above through the code cache.
await build(commonJs({ 'cli/launch': 'src/cli/launch.ts', 'introspect-worker-entry': 'src/api/introspect-worker.ts' }, { CODEGEN_BUILD_ID: JSON.stringify(buildId) }));
// The built-in templates, precompiled (generation then needs only the handlebars runtime).
execFileSync(process.execPath, ['--import', 'tsx/esm', path.join(root, 'scripts/precompile-templates.ts')], { cwd: root, stdio: 'inherit' });
