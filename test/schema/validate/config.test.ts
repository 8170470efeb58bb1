import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateSchemaText } from '../../../src/api.ts';
import { check, codeList, datasource, preview } from '../../helpers/schema.ts';

function errorsAndWarnings(text: string): string[] {
  return validateSchemaText(text).diagnostics.map((d) => `${d.code}:${d.severity}`);
}

test('datasource: one, with a known provider (V201, V202, V203, V231)', () => {
  assert.equal(errorsAndWarnings('model A {\n  id Int @id\n}\n'), ['V201:error']);
  assert.equal(errorsAndWarnings(datasource() + 'datasource b {\n  provider = "sqlite"\n}\n'), ['V202:error']);
  assert.equal(errorsAndWarnings('datasource db {\n  provider = "sqlit"\n}\n'), ['V203:error']);
  assert.match(check('', 'datasource db {\n  provider = "sqlit"\n}\n')[0]!.hint ?? '', /sqlite/);
  assert.equal(errorsAndWarnings('datasource db {\n  provider = env("P")\n}\n'), ['V231:error']);
  assert.equal(errorsAndWarnings('datasource db {\n}\n'), ['V231:error']);
  assert.equal(errorsAndWarnings('datasource db {\n  provider = "sqlite"\n  foo = "bar"\n}\n'), ['V231:error']);
});

test('datasource properties fit the provider', () => {
  assert.equal(errorsAndWarnings(datasource('sqlite', '  url = "file:./dev.db"\n')), []);
  assert.equal(errorsAndWarnings(datasource('sqlite', '  url = "./dev.db"\n')), ['V231:warning']);
  assert.equal(errorsAndWarnings(datasource('sqlite', '  shadowDatabaseUrl = env("X")\n')), ['V241:warning']);
  assert.equal(errorsAndWarnings(datasource('postgresql', '  directUrl = env("X")\n')), []);
  assert.equal(errorsAndWarnings(datasource('sqlite', '  referentialIntegrity = "prisma"\n')), ['V231:warning']);
  assert.equal(errorsAndWarnings(datasource('sqlite', '  relationMode = "prisma"\n  referentialIntegrity = "prisma"\n')), ['V231:error']);
  assert.equal(errorsAndWarnings(datasource('sqlite', '  extensions = [postgis]\n')), ['V231:error']);
  assert.equal(errorsAndWarnings(datasource("postgresql", "  extensions = [postgis]\n")), ["V239:error"]);
  assert.equal(errorsAndWarnings(datasource('sqlite', '  schemas = ["a"]\n')), ['V232:error']);
});

test('generators: a string provider and known preview features (V230)', () => {
  const gen = (body: string) => `${datasource()}generator c {\n${body}}\n`;
  assert.equal(errorsAndWarnings(gen('  provider = "prisma-client-js"\n  previewFeatures = ["views", "driverAdapters", "tracing"]\n')), []);
  assert.equal(errorsAndWarnings(gen('  provider = "prisma-client-js"\n  previewFeatures = "views"\n')), []);
  assert.equal(errorsAndWarnings(gen('  provider = "prisma-client-js"\n  previewFeatures = ["view"]\n')), ['V230:error']);
  assert.equal(errorsAndWarnings(gen('  provider = "prisma-client-js"\n  previewFeatures = ["metrics"]\n')), ['V230:warning']);
  assert.equal(errorsAndWarnings(gen('  provider = "prisma-client-js"\n  previewFeatures = env("X")\n')), ['V230:error']);
  assert.equal(errorsAndWarnings(gen('  provider = 1\n')), ['V230:error']);
  assert.equal(errorsAndWarnings(gen('  provider = env("GEN")\n  custom = "kept"\n')), []);
  const typo = check(`generator c {\n  provider = "x"\n  previewFeatures = ["views", "partialIndex"]\n}\n`).find((d) => d.code === 'V230')!;
  assert.is(typo.span?.start.column, 31);
  assert.match(typo.hint ?? '', /partialIndexes/);
});

test('views: the preview feature, no primary key, no index (V238, V239)', () => {
  const header = datasource() + preview('views');
  assert.equal(codeList('view V {\n  id Int @unique\n  n String\n}\n', header), []);
  assert.equal(codeList('view V {\n  id Int\n}\n', header), []);
  assert.equal(codeList('view V {\n  id Int @unique\n}\n'), ['V239']);
  assert.equal(codeList('view V {\n  id Int @id\n}\n', header), ['V238']);
  assert.equal(codeList('view V {\n  id Int @unique\n  @@index([id])\n}\n', header), ['V238']);
});

test('field attributes: @updatedAt on DateTime (V211), @ignore inside an ignored model (V224)', () => {
  assert.equal(codeList('model A {\n  id Int @id\n  u DateTime? @updatedAt\n}\n'), []);
  assert.equal(codeList('model A {\n  id Int @id\n  u String @updatedAt\n}\n'), ['V211']);
  assert.equal(codeList('enum E {\n  A\n}\nmodel A {\n  id Int @id\n  u E @updatedAt\n}\n'), ['V211']);
  assert.equal(codeList('model A {\n  id Int @id @ignore\n  @@ignore\n}\n'), ['V224']);
});

test('every error in one run', () => {
  const body = 'model A {\n  id Int @id\n  t String[]\n  d DateTime @default("x")\n}\nmodel B {\n  n Int\n}\nmodel class {\n  id Int @id\n}\n';
  assert.equal(codeList(body), ['V212', 'V209', 'V208', 'V222']);
});

test.run();
