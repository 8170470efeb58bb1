import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadSchema } from '../../src/api.ts';
import type { Section } from '../section.ts';

/** Real schemas that are invalid for their provider on purpose, with the reason (reported, not failed). */
export const EXPECTED_INVALID: Record<string, string> = {};

/** Folders that hold one multi-file schema each. */
const MULTI_FILE = ['parse-only/dub', 'parse-only/formbricks'];

/** Every real schema in the corpus (a file, or a folder for a multi-file schema), as absolute paths. */
export function corpusTargets(corpus: string): string[] {
  const excluded = ['psl-validation', 'expected-format', ...MULTI_FILE].flatMap((p) => ['-not', '-path', `*/${p}/*`]);
  const files = execFileSync('find', [corpus, '-name', '*.prisma', ...excluded], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).sort();
  return [...files, ...MULTI_FILE.map((p) => path.join(corpus, p))];
}

/** Every real schema in the corpus parses and validates without errors. */
export const parseCorpus: Section = {
  name: 'parse',
  title: 'real schemas parse and validate',
  async run({ corpus }) {
    const targets = corpusTargets(corpus);
    let ok = 0;
    const failures: string[] = [];
    for (const target of targets) {
      const rel = path.relative(corpus, target);
      const result = loadSchema({ schema: target, cwd: corpus });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) ok++;
      else if (EXPECTED_INVALID[rel]) console.log(`  expected invalid: ${rel}: ${EXPECTED_INVALID[rel]}`);
      else {
        failures.push(rel);
        console.log(`  FAIL ${rel}`);
        for (const d of errors.slice(0, 5)) console.log(`     ${d.span?.file}:${d.span?.start.line}:${d.span?.start.column} ${d.code} ${d.message}`);
      }
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
      for (const d of warnings.slice(0, 3)) console.log(`  warning ${rel}: ${d.span?.start.line}:${d.span?.start.column} ${d.code} ${d.message}`);
    }
    console.log(`  ${ok} of ${targets.length} real schemas valid; ${Object.keys(EXPECTED_INVALID).length} expected invalid`);
    return { ok: failures.length === 0, summary: `${ok}/${targets.length} valid, ${failures.length} unexpected failures` };
  },
};
