import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mutateRepeatedly, type MutationLevel } from '../../conformance/gen/mutate.ts';
import { Random } from '../../conformance/gen/random.ts';
import { fuzzOne } from './check.ts';
import { SEED_SCHEMAS } from './seeds.ts';

// A small, fixed slice of `npm run fuzz`, from our own seed schemas, so that CI catches regressions.
const LEVELS: MutationLevel[][] = [['token', 'line'], ['garbage'], ['semantic'], ['token', 'line', 'garbage', 'semantic']];

test('seed schemas are valid to start with', () => {
  for (const [name, text] of Object.entries(SEED_SCHEMAS)) {
    assert.equal(fuzzOne([{ path: 'schema.prisma', text }]), [], name);
  }
});

test('300 seeded mutations: no exception, every diagnostic located in its file', () => {
  const seeds = Object.entries(SEED_SCHEMAS);
  for (let seed = 1; seed <= 300; seed++) {
    const rng = new Random(seed);
    const [name, text] = seeds[seed % seeds.length]!;
    const m = mutateRepeatedly(text, seed, rng.int(1, 3), rng.pick(LEVELS));
    const failures = fuzzOne([{ path: 'schema.prisma', text: m.text }]);
    assert.equal(failures, [], `seed ${seed} (${name}: ${m.description})`);
  }
});

test('edge inputs: empty, only comments, a lone brace, NUL-free control characters, huge names', () => {
  const inputs = ['', '// only a comment', '}', '{', 'model', 'model A {', '\u0001\u0002', '"', '@@', 'model A {\n  id Int @id @default(\n}\n', `model ${'A'.repeat(5000)} {\n  id Int @id\n}\n`, '\uD800', 'datasource db {\n  provider = "sqlite"\n}\n'.repeat(3)];
  for (const text of inputs) assert.equal(fuzzOne([{ path: 'schema.prisma', text }]), [], JSON.stringify(text.slice(0, 40)));
});

test.run();
