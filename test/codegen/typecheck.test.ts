// Generated code must compile under `strict`: every fixture, the examples and every SQLite corpus schema.
// One TypeScript program checks them all (generation is fast; the type-check dominates).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateSchemaText } from '../../src/api.ts';
import { typeCheckDirectory } from '../../src/codegen/emit.ts';
import { renderClient } from '../../src/codegen/generate.ts';
import { ROOT } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/client.ts';

const CORPUS = path.resolve(ROOT, '../../shared/corpus');
const corpusDir = existsSync(CORPUS) ? CORPUS : path.resolve(ROOT, '../shared/corpus');

function sqliteCorpusSchemas(): string[] {
  if (!existsSync(corpusDir)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const full = path.join(dir, e);
      if (statSync(full).isDirectory()) {
        if (!['psl-validation', 'expected-format', 'parse-only'].includes(e)) walk(full);
      } else if (e.endsWith('.prisma') && /provider\s*=\s*"sqlite"/.test(readFileSync(full, 'utf8'))) out.push(full);
    }
  };
  walk(corpusDir);
  // Spacedrive first.
  return out.sort((a, b) => Number(!a.includes('spacedrive')) - Number(!b.includes('spacedrive')) || (a < b ? -1 : 1));
}

test('generated code type-checks under strict for the fixture (with type tests), the example and the corpus', async () => {
  const root = tmpDir('typecheck');
  const cases: [string, string][] = [
    ['fixture', path.join(ROOT, 'test/fixtures/client/schema.prisma')],
    ['example-basic', path.join(ROOT, 'examples/basic/prisma/schema.prisma')],
    ...sqliteCorpusSchemas().map((f) => [`corpus-${path.relative(corpusDir, f).replace(/[\\/.]/g, '_')}`, f] as [string, string]),
  ];
  if (!existsSync(corpusDir)) console.log('  (corpus not found: checking fixtures and examples only)');
  for (const [name, file] of cases) {
    const { schema, ok, diagnostics } = validateSchemaText(readFileSync(file, 'utf8'), file);
    assert.ok(ok, `${name}: ${diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; ')}`);
    const r = await renderClient(schema, { name: null, dateTimeFormat: 'iso', options: {} });
    assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), [], name);
    // The example's app script imports ./generated/index.js, as in examples/basic.
    const out = name === 'example-basic' ? path.join(root, name, 'generated') : path.join(root, name);
    mkdirSync(out, { recursive: true });
    for (const f of r.files) writeFileSync(path.join(out, f.path), f.content);
  }
  copyFileSync(path.join(ROOT, 'test/fixtures/client/usage.ts'), path.join(root, 'fixture/usage.ts'));
  copyFileSync(path.join(ROOT, 'examples/basic/use-client.ts'), path.join(root, 'example-basic/use-client.ts'));
  const errors = await typeCheckDirectory(root, { compilerOptions: { noUncheckedIndexedAccess: true, noImplicitOverride: true } });
  assert.equal(errors.map((d) => d.message), []);
  assert.ok(cases.length >= 2);
});

test('an unused @ts-expect-error would fail: the type tests really assert errors', async () => {
  const dir = tmpDir('typecheck-negative');
  const { schema } = validateSchemaText(readFileSync(path.join(ROOT, 'test/fixtures/client/schema.prisma'), 'utf8'));
  const r = await renderClient(schema, { name: null, dateTimeFormat: 'iso', options: {} });
  writeFileSync(path.join(dir, 'index.ts'), r.files[0]!.content);
  writeFileSync(path.join(dir, 'usage.ts'), "import { createClient } from './index.js';\nconst c = createClient(':memory:');\n// @ts-expect-error\nc.user.count();\nconst x: string = c.user.findFirstOrThrow({ select: { id: true } }).id;\nvoid x;\n");
  const errors = await typeCheckDirectory(dir);
  assert.is(errors.length, 2);
  assert.ok(errors.every((e) => e.code === 'G502'));
  assert.match(errors.map((e) => e.message).join('\n'), /Unused '@ts-expect-error' directive/);
});

test.run();
