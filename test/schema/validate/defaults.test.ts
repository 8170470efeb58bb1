import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeList, codes, datasource } from '../../helpers/schema.ts';

const model = (fields: string) => `model A {\n  id Int @id\n${fields}\n}\n`;

test('defaults that fit their type are accepted', () => {
  const ok = [
    'a String @default("x")',
    'a Int @default(-5)',
    'a BigInt @default(9223372036854775807)',
    'a Float @default(1)',
    'a Float @default(-1.5)',
    'a Decimal @default("10.50")',
    'a Decimal @default(1.5)',
    'a Boolean @default(false)',
    'a DateTime @default(now())',
    'a DateTime @default("2024-02-29T12:00:00+01:00")',
    'a Json @default("{\\"a\\": [1]}")',
    'a Bytes @default("aGVsbG8=")',
    'a Bytes @default("")',
    'a String @default(uuid(7))',
    'a String @default(nanoid(12))',
    'a Int @default(dbgenerated("1 + 1"))',
    'a Unsupported("circle") @default(dbgenerated("0"))',
    'a Int @default(007)',
  ];
  for (const f of ok) assert.equal(codeList(model(`  ${f}`)), [], f);
});

test('defaults that do not fit: V209 at the value', () => {
  const bad: [string, number][] = [
    ['a Int @default("x")', 18],
    ['a String @default(5)', 21],
    ['a String @default(now())', 21],
    ['a Int @default(1.5)', 18],
    ['a Int @default(99999999999999999999)', 18],
    ['a Boolean @default("true")', 22],
    ['a DateTime @default("2020-01-01")', 23],
    ['a DateTime @default("2023-02-29T00:00:00Z")', 23],
    ['a Json @default("{bad")', 19],
    ['a Json @default(1)', 19],
    ['a Bytes @default("!!!")', 20],
    ['a Decimal @default("abc")', 22],
    ['a Int @default(uuid())', 18],
    ['a String @default(abc)', 21],
    ['a String @default([])', 21],
    ['a Unsupported("x") @default(1)', 31],
  ];
  for (const [f, col] of bad) assert.equal(codes(model(`  ${f}`)), [`V209@3:${col}`], f);
});

test('enum defaults must be a value of the enum', () => {
  const e = 'enum Role {\n  USER\n  ADMIN\n}\n';
  assert.equal(codeList(e + model('  r Role @default(USER)')), []);
  assert.equal(codes(e + model('  r Role @default(OWNER)')), ['V209@7:19']);
  assert.equal(codes(e + model('  r Role @default("USER")')), ['V209@7:19']);
});

test('autoincrement(): only on the single-field integer id on SQLite', () => {
  assert.equal(codeList('model A {\n  id BigInt @id @default(autoincrement())\n}\n'), []);
  assert.equal(codes(model('  n Int @default(autoincrement())')), ['V210@3:18']);
  assert.equal(codes('model A {\n  a Int @default(autoincrement())\n  b Int\n  @@id([a, b])\n}\n'), ['V210@2:18']);
  assert.equal(codes('model A {\n  id String @id @default(autoincrement())\n}\n'), ['V209@2:26']);
  // PostgreSQL auto-increments any integer column; CockroachDB only BigInt.
  assert.equal(codeList(model('  n Int @default(autoincrement())'), datasource('postgresql')), []);
  assert.equal(codeList('model A {\n  id Int @id @default(autoincrement())\n}\n', datasource('cockroachdb')), ['V209']);
});

test('provider-specific default functions', () => {
  assert.equal(codeList('model A {\n  id Int @id @default(sequence())\n}\n'), ['V209']);
  assert.equal(codeList('model A {\n  id Int @id @default(sequence())\n}\n', datasource('cockroachdb')), []);
  assert.equal(codeList('model A {\n  id String @id @default(auto())\n}\n'), ['V232']);
  assert.equal(codeList(model('  a String @default("x", map: "d")')), ['V232']);
  assert.equal(codeList(model('  a String @default("x", map: "d")'), datasource('sqlserver')), []);
});

test.run();
