/**
 * The round-trip property test (seeded): for each generated schema v1 and evolution v2, a database built from our
 * own empty → v1 SQL and filled with rows in every table is migrated to v2 with the plan and live checks
 * `codegen diff` computes. Either the checks report the migration unexecutable (D3xx, and running it anyway fails
 * and changes nothing), or it applies and then (a) the diff against v2 is empty, (b) foreign_key_check is clean,
 * (c) every row of a kept table survives with its key, and every kept column its values, unless a warning (D301,
 * D302, D303) announced the loss; one pair in three also has hand-made views, a trigger and an extra index, which
 * must survive or be reported (D312). A failure names the seed and the evolution: rerun it alone with
 * `ROUNDTRIP_SEED=<seed> npm test roundtrip`. `ROUNDTRIP_PAIRS=<n>` runs more pairs.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runPair, type PairOptions, type PairOutcome } from '../helpers/roundtrip.ts';

const PAIRS = Number(process.env.ROUNDTRIP_PAIRS ?? 400);
const ONLY = process.env.ROUNDTRIP_SEED !== undefined ? Number(process.env.ROUNDTRIP_SEED) : undefined;
const CHUNK = 50;

/** Sizes vary with the seed: 1 to 6 models (every 25th seed 9 to 14), 1 to 3 evolution steps, some empty tables. */
export function pairOptions(seed: number): PairOptions {
  return {
    models: 1 + (seed % 6) + (seed % 25 === 0 ? 8 : 0),
    steps: 1 + (seed % 3),
    declareRenames: seed % 2 === 0,
    rows: { min: seed % 7 === 0 ? 0 : 1, max: 5 },
    handEdits: seed % 3 === 0,
  };
}

const outcomes: PairOutcome[] = [];
const seeds = ONLY !== undefined ? [ONLY] : Array.from({ length: PAIRS }, (_, i) => i + 1);

for (let start = 0; start < seeds.length; start += CHUNK) {
  const chunk = seeds.slice(start, start + CHUNK);
  test(`round trip: seeds ${chunk[0]}–${chunk[chunk.length - 1]}`, () => {
    const failures: string[] = [];
    for (const seed of chunk) {
      try {
        outcomes.push(runPair(seed, pairOptions(seed)));
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (failures.length > 0) {
      assert.unreachable(`${failures.length} of ${chunk.length} pairs failed (rerun one with ROUNDTRIP_SEED=<seed>):\n\n${failures.slice(0, 3).join('\n\n')}`);
    }
  });
}

test('the pairs exercise both outcomes, rebuilds and data', () => {
  if (ONLY !== undefined) return;
  const applied = outcomes.filter((o) => o.applied);
  const reported = outcomes.filter((o) => !o.applied);
  assert.ok(outcomes.length >= 200, `only ${outcomes.length} pairs ran`);
  assert.ok(applied.length >= outcomes.length * 0.6, `only ${applied.length} of ${outcomes.length} pairs applied`);
  assert.ok(reported.length > 0, 'no pair was reported unexecutable');
  assert.ok(applied.filter((o) => o.rebuilt > 0).length >= outcomes.length * 0.2, 'too few applied pairs rebuild a table');
  assert.ok(outcomes.filter((o) => o.rows > 0).length >= outcomes.length * 0.9, 'too many v1 databases without rows');
  const features = new Map<string, number>();
  for (const o of applied) for (const f of o.features) features.set(f, (features.get(f) ?? 0) + 1);
  for (const f of ['RenameTable', 'RenameColumn', 'AddColumn', 'DropColumn', 'DropTable', 'CreateTable', 'CreateIndex', 'DropIndex', 'DropView', 'recreated trigger', 'D312']) {
    assert.ok((features.get(f) ?? 0) > 0, `no applied pair exercises ${f}`);
  }
  if (process.env.ROUNDTRIP_VERBOSE) {
    const codes = new Map<string, number>();
    for (const o of reported) for (const c of o.unexecutable) codes.set(c, (codes.get(c) ?? 0) + 1);
    console.log(`${outcomes.length} pairs: ${applied.length} applied (${applied.filter((o) => o.rebuilt > 0).length} with a rebuild), ${reported.length} unexecutable ${JSON.stringify(Object.fromEntries(codes))}`);
    console.log(`applied pairs using: ${JSON.stringify(Object.fromEntries([...features].sort()))}`);
  }
});

test.run();
