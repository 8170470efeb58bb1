import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadSchema } from '../../src/api.ts';
import type { Section } from '../section.ts';

/** Real schemas that are invalid for their provider on purpose, with the reason (reported, not failed). */
const EXPECTED_INVALID: Record<string, string> = {};

/** Every real schema in the corpus parses and validates without errors. */
export const parseCorpus: Section = {
  name: 'parse',
  title: 'real schemas parse and validate',
  async run({ corpus }) {
    const files = execFileSync('find', [corpus, '-name', '*.prisma', '-not', '-path', '*/psl-validation/*', '-not', '-path', '*/expected-format/*', '-not', '-path', '*/parse-only/dub/*', '-not', '-path', '*/parse-only/formbricks/*'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    const targets = [...files, path.join(corpus, 'parse-only/dub'), path.join(corpus, 'parse-only/formbricks')];
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
    }
    console.log(`  ${ok} of ${targets.length} real schemas valid; ${Object.keys(EXPECTED_INVALID).length} expected invalid`);
    return { ok: failures.length === 0, summary: `${ok}/${targets.length} valid, ${failures.length} unexpected failures` };
  },
};
