/**
 * `npm run conformance -- validate`: our validation against Prisma.
 * 1. Prisma's own validation fixtures: our verdict vs the expected one, on the fixtures relevant to SQLite or to
 *    every provider (target 95%), and on all of them.
 * 2. Prisma 7 itself (the oracle) on the real corpus, on generated schemas (valid by construction) and on seeded
 *    mutations of both. Every disagreement is explained by a documented difference or listed.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateSchemaText } from '../gen/schema-generator.ts';
import { mutateSchema } from '../gen/mutate.ts';
import { Random } from '../gen/random.ts';
import { loadOracle } from '../oracle.ts';
import type { Section } from '../section.ts';
import { findPrismaFiles } from '../../src/schema/load.ts';
import { compareWithOracle, printTally, type Case } from '../validate/differential.ts';
import { percent, runPslFixtures, score } from '../validate/psl-fixtures.ts';
import { corpusTargets } from './parse-corpus.ts';

const GENERATED = 1200;
const MUTATED = 3000;
const TARGET = 0.95;

export const validateSection: Section = {
  name: 'validate',
  title: 'validation agrees with Prisma',
  async run({ corpus, root }) {
    const fixtures = runPslFixtures(corpus);
    const relevant = fixtures.filter((r) => !r.providerSpecific && !r.stale);
    const relevantScore = score(relevant);
    const allScore = score(fixtures);
    console.log(`  psl-validation fixtures: ${fixtures.length}; ${fixtures.filter((r) => r.providerSpecific).length} provider-specific, ${fixtures.filter((r) => r.stale).length} stale for Prisma 7`);
    for (const r of fixtures) {
      if (r.expectedValid === r.ourValid) continue;
      const why = r.intentional ? `documented difference: ${r.intentional}` : r.stale ? `stale: ${r.stale}` : r.providerSpecific ? `provider-specific: ${r.providerSpecific}` : 'UNEXPLAINED';
      console.log(`    DISAGREE ${r.file}: expected ${r.expectedValid ? 'valid' : 'invalid'}, ours ${r.ourValid ? 'valid' : `invalid (${r.details})`} — ${why}`);
    }
    const explainedRelevant = relevant.filter((r) => r.expectedValid !== r.ourValid && r.intentional).length;
    console.log(`  relevant to SQLite or to every provider: ${relevantScore.agree}/${relevantScore.total} (${percent(relevantScore)}); ${relevantScore.agree + explainedRelevant}/${relevantScore.total} counting documented differences`);
    console.log(`  all fixtures:                            ${allScore.agree}/${allScore.total} (${percent(allScore)})`);
    const fixturesOk = relevantScore.agree >= TARGET * relevantScore.total;

    const oracle = loadOracle();
    if (!oracle) {
      console.log('  Prisma oracle not installed: skipping the differential checks (install with ../shared/tools/prisma-oracle/install.sh).');
      return { ok: fixturesOk, summary: `fixtures ${percent(relevantScore)} relevant, ${percent(allScore)} all; oracle skipped` };
    }
    const outDir = path.join(root, '.tmp/conformance-validate');
    rmSync(outDir, { recursive: true, force: true });
    const corpusCases = [...realCases(corpus)];
    const corpusTally = compareWithOracle(oracle, corpusCases, path.join(outDir, 'corpus'));
    printTally('real corpus', corpusTally);
    const generated = compareWithOracle(oracle, generatedCases(GENERATED), path.join(outDir, 'generated'));
    printTally(`generated (${GENERATED})`, generated);
    const bases = [...corpusCases.filter((c) => c.files.length === 1 && /provider\s*=\s*"sqlite"/.test(c.files[0]![1])), ...generatedCases(60)];
    const mutated = compareWithOracle(oracle, mutatedCases(bases, MUTATED), path.join(outDir, 'mutated'));
    printTally(`mutated (${MUTATED})`, mutated);
    const unexplained = corpusTally.disagreements.length + generated.disagreements.length + mutated.disagreements.length;
    const pct = (t: { agree: number; total: number }) => `${((100 * t.agree) / Math.max(1, t.total)).toFixed(1)}%`;
    return {
      ok: fixturesOk && corpusTally.disagreements.length === 0 && generated.disagreements.length === 0,
      summary:
        `fixtures ${percent(relevantScore)} relevant / ${percent(allScore)} all; oracle agreement corpus ${pct(corpusTally)}, ` +
        `generated ${pct(generated)}, mutated ${pct(mutated)}; ${unexplained} unexplained disagreements`,
    };
  },
};

function* realCases(corpus: string): Generator<Case> {
  for (const target of corpusTargets(corpus)) {
    const files = statSync(target).isDirectory() ? findPrismaFiles(target) : [target];
    yield { id: path.relative(corpus, target), files: files.map((f) => [path.relative(corpus, f), readFileSync(f, 'utf8')] as const) };
  }
}

/** Generated schemas of 1 to 15 models with varied relation density (seeded). */
function generatedCases(count: number): Case[] {
  const out: Case[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const rng = new Random(seed * 7919);
    const models = rng.int(1, 15);
    const text = generateSchemaText(seed, { models, relationDensity: rng.pick([0.3, 0.6, 1, 1.5]) });
    out.push({ id: `generated-${seed}`, files: [['schema.prisma', text]], description: `${models} models` });
  }
  return out;
}

function* mutatedCases(bases: readonly Case[], count: number): Generator<Case> {
  for (let seed = 1; seed <= count; seed++) {
    const base = bases[seed % bases.length]!;
    const m = mutateSchema(base.files[0]![1], seed);
    yield { id: `mutated-${seed}-${base.id}`, files: [['schema.prisma', m.text]], description: `${m.level} ${m.description}` };
  }
}
