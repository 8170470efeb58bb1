/**
 * The formatter against Prisma's: (a) the expected outputs of `prisma format` over real schemas, (b) the
 * reformatter tests of Prisma's own engine, (c) a differential run against Prisma 7's formatter (the oracle)
 * over every corpus schema, generated schemas, messed-up variants of them and variants with relations left
 * incomplete (which Prisma's formatter completes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatSchemaSources, formatSchemaText } from '../../src/schema/format.ts';
import { generateSchemaText } from '../gen/schema-generator.ts';
import { dropRelationParts, messUpSchema } from '../gen/mess-up.ts';
import { loadOracle, type Oracle } from '../oracle.ts';
import type { Section } from '../section.ts';

const EXPECTED_SHARE_TARGET = 0.9;
const DIFFERENTIAL_TARGET = 0.95;
const GENERATED_SCHEMAS = 1000;
/** Multi-file schemas in the corpus: their files are formatted together, as `prisma format` does. */
const MULTI_FILE = ['parse-only/dub', 'parse-only/formbricks'];
const SHOWN_PER_KIND = 12;

export const formatSection: Section = {
  name: 'format',
  title: 'the formatter prints what `prisma format` prints',
  async run({ corpus }) {
    const oracle = loadOracle();
    const expected = checkExpectedFormat(corpus);
    const reformatter = checkReformatterPairs(corpus, oracle);
    if (!oracle) {
      console.log('  (c) skipped: the Prisma oracle is not installed (see conformance/oracle.ts).');
      return {
        ok: expected.share >= EXPECTED_SHARE_TARGET,
        summary: `expected-format ${pct(expected.share)} identical; reformatter ${reformatter}; differential skipped (no oracle)`,
      };
    }
    const differential = runDifferential(corpus, oracle);
    return {
      ok: expected.share >= EXPECTED_SHARE_TARGET && differential.share >= DIFFERENTIAL_TARGET,
      summary: `expected-format ${pct(expected.share)} identical (target ${pct(EXPECTED_SHARE_TARGET)}); reformatter ${reformatter}; differential ${pct(differential.share)} agreement over ${differential.total} schemas (target ${pct(DIFFERENTIAL_TARGET)})`,
    };
  },
};

// ── (a) expected-format ───────────────────────────────────────────────────────────────────────────────

function checkExpectedFormat(corpus: string): { share: number } {
  const folder = path.join(corpus, 'expected-format');
  const rows = readFileSync(path.join(folder, 'format-status.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([file, canonical]) => ({ file: file!, canonical: canonical === 'yes' }));
  const expectedText = (row: { file: string; canonical: boolean }): string =>
    readFileSync(row.canonical ? path.join(corpus, row.file) : path.join(folder, row.file.replace(/\.prisma$/, '.formatted.prisma')), 'utf8');

  // Format each multi-file schema once, all its files together; every other file on its own.
  const actual = new Map<string, string | undefined>();
  for (const group of MULTI_FILE) {
    const members = rows.filter((r) => r.file.startsWith(`${group}/`));
    const result = formatSchemaSources(members.map((r) => ({ path: r.file, text: readFileSync(path.join(corpus, r.file), 'utf8') })));
    members.forEach((r, i) => actual.set(r.file, result.texts?.[i]));
  }
  let identical = 0;
  const failures: string[] = [];
  for (const row of rows) {
    const got = actual.has(row.file) ? actual.get(row.file) : formatSchemaText(readFileSync(path.join(corpus, row.file), 'utf8'), row.file).text;
    const want = expectedText(row);
    if (got === want) identical++;
    else failures.push(`${row.file}${got === undefined ? ' (refused: syntax errors)' : `: ${firstDifference(got, want)}`}`);
  }
  const share = identical / rows.length;
  console.log(`  (a) expected-format: ${identical} of ${rows.length} files byte-identical (${pct(share)}; target ${pct(EXPECTED_SHARE_TARGET)})`);
  for (const f of failures) console.log(`      differs: ${f}`);
  return { share };
}

// ── (b) Prisma's reformatter tests ────────────────────────────────────────────────────────────────────

function checkReformatterPairs(corpus: string, oracle: Oracle | undefined): string {
  const base = path.join(corpus, 'psl-validation');
  const skewed = new Set(
    readFileSync(path.join(base, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line.split('\t')[5]?.includes('pair_version_skew'))
      .map((line) => line.split('\t')[0]!),
  );
  const inputs = execFileSync('find', [path.join(base, 'reformatter'), '-name', '*.prisma', '-not', '-name', '*.reformatted.prisma'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .sort();
  let passed = 0;
  let total = 0;
  const skippedPairs: string[] = [];
  const failures: string[] = [];
  for (const input of inputs) {
    const rel = path.relative(base, input);
    const expectedFile = input.replace(/\.prisma$/, '.reformatted.prisma');
    if (!existsSync(expectedFile)) continue;
    if (skewed.has(rel)) {
      skippedPairs.push(rel);
      continue;
    }
    total++;
    const got = formatSchemaText(readFileSync(input, 'utf8'), rel).text;
    const want = readFileSync(expectedFile, 'utf8');
    if (got === want) passed++;
    else failures.push(`${rel}${got === undefined ? ' (refused: syntax errors)' : `: ${firstDifference(got, want)}`}`);
  }
  console.log(`  (b) reformatter pairs: ${passed} of ${total} identical; ${skippedPairs.length} skipped (pair_version_skew: the expected file is from another Prisma version)`);
  for (const f of failures) console.log(`      differs: ${f}`);
  // A skewed pair's expected file is from another Prisma version: compare with Prisma 7 itself instead.
  for (const s of skippedPairs) {
    const text = readFileSync(path.join(base, s), 'utf8');
    const ours = formatSchemaText(text, s).text;
    const verdict = !oracle ? '' : ours === undefined ? ' (refused: syntax errors)' : ours === oracle.format(text) ? ' (identical to Prisma 7)' : ` (differs from Prisma 7: ${firstDifference(ours, oracle.format(text))})`;
    console.log(`      skipped: ${s}${verdict}`);
  }
  return `${passed}/${total} (${skippedPairs.length} skewed skipped)`;
}

// ── (c) differential against Prisma's formatter ──────────────────────────────────────────────────────

type Outcome = 'agree' | 'stable-form' | 'prisma-unstable' | 'refused' | 'differ';

const OUTCOME_TEXT: Record<Outcome, string> = {
  agree: 'byte-identical to `prisma format`',
  'stable-form': 'Prisma\'s output is not stable (its next run changes it); ours is what that next run prints',
  'prisma-unstable': 'Prisma\'s output changes on every run (an indented /* */ comment after a comment line); ours is stable',
  refused: 'refused: our parser reports a syntax error that Prisma\'s formatter passes through',
  differ: 'differs',
};

function runDifferential(corpus: string, oracle: Oracle): { share: number; total: number } {
  const counts: Record<Outcome, number> = { agree: 0, 'stable-form': 0, 'prisma-unstable': 0, refused: 0, differ: 0 };
  const examples: Record<Outcome, string[]> = { agree: [], 'stable-form': [], 'prisma-unstable': [], refused: [], differ: [] };
  const check = (label: string, text: string): void => {
    const prisma = oracle.format(text);
    const ours = formatSchemaText(text).text;
    const outcome = classify(ours, prisma, oracle);
    counts[outcome]++;
    // Every real disagreement is printed; the known kinds only by example.
    if (outcome === 'differ' || outcome === 'refused' || examples[outcome].length < SHOWN_PER_KIND) {
      examples[outcome].push(`${label}${ours === undefined ? '' : `: ${firstDifference(ours, prisma)}`}`);
    }
  };

  const corpusFiles = execFileSync('find', [corpus, '-name', '*.prisma'], { encoding: 'utf8' }).trim().split('\n').sort();
  for (const file of corpusFiles) check(path.relative(corpus, file), readFileSync(file, 'utf8'));
  for (let seed = 1; seed <= GENERATED_SCHEMAS; seed++) {
    const text = generateSchemaText(seed, { models: 1 + (seed % 12), enums: seed % 4, relationDensity: 0.3 + (seed % 5) * 0.2, allTypes: seed % 3 !== 0 });
    check(`generated seed ${seed}`, text);
    check(`messed-up seed ${seed}`, messUpSchema(text, seed * 7919, { intensity: 0.2 + (seed % 5) * 0.2 }));
    check(`incomplete relations seed ${seed}`, dropRelationParts(text, seed));
  }

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // Where Prisma's own output is not stable, byte-identity and idempotence exclude each other; we print Prisma's
  // stable form, and count it as agreeing.
  const share = (counts.agree + counts['stable-form']) / total;
  console.log(`  (c) differential against Prisma 7's formatter over ${total} schemas (${corpusFiles.length} corpus files, ${GENERATED_SCHEMAS} generated, ${GENERATED_SCHEMAS} messed-up, ${GENERATED_SCHEMAS} with incomplete relations):`);
  for (const outcome of Object.keys(counts) as Outcome[]) {
    console.log(`      ${String(counts[outcome]).padStart(5)}  ${OUTCOME_TEXT[outcome]}`);
    if (outcome === 'agree') continue;
    for (const example of examples[outcome]) console.log(`               ${example}`);
    if (counts[outcome] > examples[outcome].length) console.log(`               … and ${counts[outcome] - examples[outcome].length} more`);
  }
  console.log(`      agreement ${pct(share)} (byte-identical alone: ${pct(counts.agree / total)}; target ${pct(DIFFERENTIAL_TARGET)})`);
  return { share, total };
}

function classify(ours: string | undefined, prisma: string, oracle: Oracle): Outcome {
  if (ours === undefined) return 'refused';
  if (ours === prisma) return 'agree';
  const again = oracle.format(prisma);
  if (again === prisma) return 'differ';
  return ours === again ? 'stable-form' : 'prisma-unstable';
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────────────

function firstDifference(ours: string, theirs: string): string {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `line ${i + 1}: ours ${JSON.stringify(a[i] ?? '<end>')}, Prisma ${JSON.stringify(b[i] ?? '<end>')}`;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
