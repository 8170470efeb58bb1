/**
 * `npm run bench [-- --quick] [suite…]`: runs the benchmark suites. Figures are reported as ratios against a
 * baseline measured in the same run, never asserted with timers in tests.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUITES } from './suites/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('--'));
const selected = names.length ? SUITES.filter((s) => names.includes(s.name)) : SUITES;
if (names.length && selected.length !== names.length) {
  console.error(`Unknown suite. Suites: ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(64);
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}${quick ? ', quick mode' : ''}`);
for (const suite of selected) {
  const workDir = path.join(root, 'bench/.work', suite.name);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  console.log(`\n=== ${suite.name}: ${suite.title} ===`);
  await suite.run({ root, workDir, quick });
}
