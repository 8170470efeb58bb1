#!/usr/bin/env node
// Runs the uvu suites (TypeScript through tsx's loader) and prints one closing line that CI reads:
// "N passed, N failed". Exits non-zero when a test fails or when no test ran at all.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pattern = process.argv[2] ?? '\\.test\\.ts$';
const child = spawn(
  process.execPath,
  ['--import', 'tsx/esm', path.join(root, 'node_modules/uvu/bin.js'), 'test', pattern, '-i', 'fixtures'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
);
let out = '';
child.stdout.on('data', (chunk) => {
  out += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const total = Number(/Total:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const passed = Number(/Passed:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const skipped = Number(/Skipped:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const failed = Math.max(0, total - passed - skipped) + (code !== 0 && total === passed + skipped ? 1 : 0);
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (total === 0) console.error('No tests ran.');
  process.exit(code !== 0 || failed > 0 || total === 0 ? 1 : 0);
});
