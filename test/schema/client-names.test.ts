// clientTypeNames skips the full resolution when no name can clash (mayClash): checked here against the full
// resolution on names built from the fragments that make clashes (model names, the claim suffixes, reserved names).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../conformance/gen/random.ts';
import type { Span } from '../../src/diagnostics/span.ts';
import { CLIENT_RESERVED_NAMES, CLIENT_TYPE_SUFFIXES, clientTypeNames, resolveClientTypeNames } from '../../src/schema/client-names.ts';
import { validateSchemaText } from '../../src/api/schema.ts';

const SPAN: Span = { file: 'x', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const FRAGMENTS = ['User', 'Post', 'Get', 'Many', 'Create', 'Input', 'Pro', 'mise', 'Where', 'Unique', ...CLIENT_TYPE_SUFFIXES, ...CLIENT_RESERVED_NAMES.slice(0, 6)];

function randomName(rng: Random): string {
  let name = '';
  const parts = rng.int(1, 3);
  for (let i = 0; i < parts; i++) name += FRAGMENTS[rng.int(0, FRAGMENTS.length - 1)]!;
  return name;
}

test('the fast path and the full resolution agree on 3,000 random sets of names', () => {
  const rng = new Random(20261126);
  let clashing = 0;
  for (let round = 0; round < 3000; round++) {
    const names = new Set<string>();
    const count = rng.int(1, 6);
    while (names.size < count) names.add(randomName(rng));
    const decls = [...names].map((name) => ({ kind: rng.chance(0.8) ? ('model' as const) : ('enum' as const), name, dbName: name, nameSpan: SPAN }));
    const full = resolveClientTypeNames(decls);
    if (full.some((t) => t.clash !== undefined)) clashing++;
    // clientTypeNames needs a schema: the same declarations as models and enums of one.
    const text = decls.map((d) => (d.kind === 'model' ? `model ${d.name} {\n  id Int @id\n}` : `enum ${d.name} {\n  A\n}`)).join('\n');
    const { schema } = validateSchemaText(`datasource db {\n  provider = "sqlite"\n}\n${text}\n`);
    const enumsFirst = [...decls.filter((d) => d.kind === 'enum'), ...decls.filter((d) => d.kind === 'model')];
    const viaSchema = clientTypeNames(schema).map(({ nameSpan: _span, ...rest }) => rest);
    const expected = resolveClientTypeNames(enumsFirst).map(({ nameSpan: _span, ...rest }) => rest);
    assert.equal(viaSchema, expected, `names: ${enumsFirst.map((d) => `${d.kind} ${d.name}`).join(', ')}`);
  }
  assert.ok(clashing > 300, `the generator makes clashes often enough to test both paths (${clashing} of 3,000)`);
});

test.run();
