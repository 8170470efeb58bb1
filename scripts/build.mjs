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
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  cwd: root,
  stdio: 'inherit',
});
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', 'introspect-worker': 'src/api/introspect-worker.ts', migrate: 'src/migrate-entry.ts', 'cli/main': 'src/cli/main.ts', 'runtime/index': 'src/runtime/index.ts' },
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
  logLevel: 'warning',
});
// The built-in templates, precompiled (generation then needs only the handlebars runtime).
execFileSync(process.execPath, ['--import', 'tsx/esm', path.join(root, 'scripts/precompile-templates.ts')], { cwd: root, stdio: 'inherit' });
