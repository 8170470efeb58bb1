/**
 * `npm run conformance`: runs every conformance section over ../shared/corpus (and Prisma's own engines when the
 * oracle is installed) and prints a report. Exits non-zero when a section misses a target it commits to, or crashes.
 * Run one section: `npm run conformance -- <name>`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { oracleInstalled, ORACLE_DIR } from './oracle.ts';
import type { Section } from './section.ts';
import { SECTIONS } from './sections/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared/corpus next to the checkout (or next to its parent, for a git worktree under wt/), or $CODEGEN_CORPUS. */
export const CORPUS =
  process.env.CODEGEN_CORPUS ?? [path.resolve(root, '../shared/corpus'), path.resolve(root, '../../shared/corpus')].find((p) => existsSync(p)) ?? path.resolve(root, '../shared/corpus');

if (!existsSync(CORPUS)) {
  console.log(`No corpus at ${CORPUS}: nothing to check.`);
  process.exit(0);
}
if (!oracleInstalled()) {
  console.log(`Prisma oracle not installed at ${ORACLE_DIR}: oracle-based checks are skipped (install with ../shared/tools/prisma-oracle/install.sh).`);
}
const only = process.argv.slice(2);
const selected: Section[] = only.length ? SECTIONS.filter((s) => only.includes(s.name)) : SECTIONS;
let failed = 0;
for (const section of selected) {
  const started = performance.now();
  console.log(`\n=== ${section.name}: ${section.title} ===`);
  try {
    const result = await section.run({ corpus: CORPUS, root });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`--- ${section.name}: ${result.ok ? 'PASS' : 'FAIL'} (${seconds} s) ${result.summary}`);
    if (!result.ok) failed++;
  } catch (e) {
    failed++;
    console.log(`--- ${section.name}: CRASH ${(e as Error).stack ?? e}`);
  }
}
console.log(`\nconformance: ${selected.length - failed} of ${selected.length} sections passed`);
process.exit(failed ? 1 : 0);
