import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSchemaFile } from '../../src/schema/parse.ts';
import type { BlockNode, FieldNode } from '../../src/schema/ast.ts';
import type { Span } from '../../src/diagnostics/span.ts';

function parse(text: string) {
  return parseSchemaFile('schema.prisma', text);
}
function codes(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.code}@${d.span?.start.line}:${d.span?.start.column}`);
}
function blocks(text: string): BlockNode[] {
  return parse(text).ast.items.filter((i): i is BlockNode => i.kind === 'Block');
}

test('parses blocks, fields, attributes and docs with spans', () => {
  const src = `/// A user\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique // login\n  @@map("users")\n}\n`;
  const r = parse(src);
  assert.equal(r.diagnostics, []);
  const [user] = blocks(src);
  assert.is(user!.name, 'User');
  assert.equal(user!.docs, ['A user']);
  assert.equal(user!.nameSpan.start, { line: 2, column: 7, offset: 17 });
  const fields = user!.members.filter((m): m is FieldNode => m.kind === 'Field');
  assert.equal(fields.map((f) => f.name), ['id', 'email']);
  assert.is(fields[0]!.attributes[1]!.name, 'default');
  assert.is(fields[0]!.attributes[1]!.span.start.column, 20);
  assert.is(fields[1]!.trailingComment?.text, '// login');
  const map = user!.members.find((m) => m.kind === 'BlockAttribute');
  assert.is(map?.kind === 'BlockAttribute' && map.attribute.name, 'map');
});

test('named argument before the positional list: @@id(name: "likeId", [a, b])', () => {
  const [m] = blocks('model L {\n  a Int\n  b Int\n  @@id(name: "likeId", [a, b])\n}\n');
  const attr = m!.members.find((x) => x.kind === 'BlockAttribute');
  assert.ok(attr && attr.kind === 'BlockAttribute');
  if (attr?.kind !== 'BlockAttribute') return;
  assert.equal(attr.attribute.args.map((a) => a.name ?? '(positional)'), ['name', '(positional)']);
});

test('Unsupported type, lists, optionals, native types', () => {
  const [m] = blocks('model A {\n  id Int @id\n  p Unsupported("circle")?\n  t String[]\n  v String @db.VarChar(20)\n}\n');
  const f = m!.members.filter((x): x is FieldNode => x.kind === 'Field');
  assert.is(f[1]!.type.unsupported, 'circle');
  assert.ok(f[1]!.type.optional);
  assert.ok(f[2]!.type.list);
  assert.is(f[3]!.attributes[0]!.name, 'db.VarChar');
});

test('block comments are documentation', () => {
  const [m] = blocks('/**\n * hi\n */\nmodel A {\n  id Int @id\n}\n');
  assert.equal(m!.docs, ['*\n * hi']);
});

test('an invalid character is reported, not skipped', () => {
  assert.equal(codes('model A {\n  id Int @id\n  $bad String\n}\n'), ['P101@3:3']);
});

test('unterminated string', () => {
  assert.equal(codes('model A {\n  id String @id @default("abc\n}\n'), ['P102@2:26']);
});

test('one-line blocks are rejected with a precise location, and parsing goes on', () => {
  const r = parse('model A { id Int @id }\nmodel B {\n  id Int @id\n}\n');
  assert.equal(r.diagnostics.map((d) => d.code), ['P106']);
  assert.equal(blocks('model A { id Int @id }\nmodel B {\n  id Int @id\n}\n').map((b) => b.name), ['A', 'B']);
});

test('multi-line attribute arguments get one specific error', () => {
  const r = parse('model A {\n  id Int @id @default(\n    autoincrement()\n  )\n  x Int\n}\n');
  assert.equal(r.diagnostics.map((d) => d.code), ['P103']);
  assert.match(r.diagnostics[0]!.message, /one line/);
});

test('two declarations on one line', () => {
  assert.equal(codes('model A {\n  id Int @id name String\n}\n'), ['P106@2:14']);
});

test('a field without a type', () => {
  assert.equal(codes('model A {\n  id Int @id\n  name\n}\n'), ['P107@3:3']);
});

test('unclosed block at end of file and before the next block', () => {
  assert.equal(codes('model A {\n  id Int @id\n'), ['P105@1:9']);
  assert.equal(codes('model A {\n  id Int @id\nmodel B {\n  id Int @id\n}\n'), ['P105@1:9']);
});

test('unknown block keyword with a suggestion', () => {
  const r = parse('modle A {\n  id Int @id\n}\n');
  assert.is(r.diagnostics[0]!.code, 'P104');
  assert.match(r.diagnostics[0]!.hint ?? '', /model/);
});

test('every independent error in one run', () => {
  const r = parse('model A {\n  id Int @id\n  x Int @@\n}\nmodel B {\n  id Int @id\n  y\n}\nhello\n');
  assert.equal(r.diagnostics.map((d) => `${d.code}@${d.span?.start.line}`), ['P103@3', 'P107@7', 'P103@9']);
});

test('`model A {\\n}` and `model A { // c` parse', () => {
  assert.equal(codes('model A {\n}\n'), []);
  assert.equal(codes('model A { // c\n  id Int @id\n}\n'), []);
});

test('the end-of-file error has a real position, not NaN', () => {
  const r = parse('model A {\n  id Int @default(');
  for (const d of r.diagnostics) {
    assert.ok(Number.isFinite(d.span!.start.line), 'line is finite');
    assert.ok(Number.isFinite(d.span!.start.column), 'column is finite');
  }
  assert.ok(r.diagnostics.length > 0);
});

test('names may hold Unicode letters, but only ASCII digits (as Prisma 7)', () => {
  assert.equal(codes('model Über {\n  id Int @id\n  naïve String\n}\n'), []);
  assert.equal(codes('model A {\n  id Int @id\n  a٣ String\n}\n'), ['P101@3:4']);
  assert.equal(codes('model A {\n  id Int @id\n  a😀 String\n}\n'), ['P101@3:4']);
});

test('a lone surrogate is one invalid character, and lines after it keep their numbers', () => {
  assert.equal(codes('model A {\n  id Int @id\n  a String\uda29\n  b\n}\n'), ['P101@3:11', 'P107@4:3']);
});

test('a `}` in the middle of a line does not close the block', () => {
  // At the end of a line it closes the block, with P106 (the common one-line mistake).
  assert.equal(codes('model A {\n  id Int @id }\n}\n').slice(0, 1), ['P106@2:14']);
  assert.equal(codes('model A {\n  id Int } @id\n  b Int\n}\n'), ['P103@2:10']);
});

test('strings take JSON escapes only, and no control characters (as Prisma)', () => {
  assert.equal(codes('model A {\n  id String @id @default("a\\u0041\\\\b\\/c\\"")\n}\n'), []);
  assert.equal(codes('model A {\n  id String @id @default("C:\\dir")\n}\n'), ['P103@2:29']);
  assert.equal(codes('model A {\n  id String @id @default("a\\u00zz")\n}\n'), ['P103@2:28']);
  assert.equal(codes('model A {\n  id String @id @default("a\tb")\n}\n'), ['P103@2:28']);
});

test('numbers follow Prisma\'s grammar: no exponent, leading zeros are fine', () => {
  assert.equal(codes('model A {\n  id Int @id @default(007)\n}\n'), []);
  assert.equal(codes('model A {\n  id Float @id @default(1e5)\n}\n'), ['V222@2:25']);
});

test('optional lists get a specific message', () => {
  const r = parse('model A {\n  id Int @id\n  a Int[]?\n}\n');
  assert.equal(r.diagnostics.map((d) => d.message), ['Optional lists are not supported.']);
});


/** The tree and diagnostics with every span as offsets and positions, to compare two parses exactly. */
function snapshot(text: string, streaming: boolean): string {
  const r = parseSchemaFile('schema.prisma', text, { streaming });
  const plain = (key: string, value: unknown): unknown =>
    value && typeof value === 'object' && 'start' in value && 'end' in value && 'file' in value
      ? `${(value as Span).start.line}:${(value as Span).start.column}@${(value as Span).start.offset}-${(value as Span).end.line}:${(value as Span).end.column}@${(value as Span).end.offset}`
      : key === 'text' && typeof value === 'string' && value.length > 200
        ? '(text)'
        : value;
  return JSON.stringify({ items: r.ast.items, diagnostics: r.diagnostics }, plain);
}

/** A long schema (well past the streaming cursor's window) with docs, comments, enums and every kind of value. */
function longSchema(models: number): string {
  const parts = ['datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n', '/* A block comment\n   over two lines */\nenum Role {\n  USER // trailing\n  ADMIN @map("admin")\n}\n'];
  for (let i = 0; i < models; i++) {
    parts.push(
      `/// Model ${i}\nmodel M${i} {\n  id    Int     @id @default(autoincrement()) /// the key\n  name  String  @default("it\\"s") @db.Text\n  score Float?  @default(-1.5)\n  tags  Json    @default("[]")\n  role  Role    @default(USER)\n` +
        (i > 0 ? `  parentId Int?\n  parent M${i - 1}? @relation(fields: [parentId], references: [id], onDelete: Cascade)\n` : '') +
        (i < models - 1 ? `  children M${i + 1}[]\n` : '') +
        `\n  // a comment line\n  @@index([name(sort: Desc), score], map: "M${i}_ix")\n  @@map("m_${i}")\n}\n\n`,
    );
  }
  return parts.join('');
}

test('the streaming fast path and the repair path give the same tree and diagnostics, valid or not', () => {
  const long = longSchema(300);
  const cases: [string, string][] = [
    ['valid', long],
    ['a field without a type early, a one-line block at the end', long.replace('  score Float?  @default(-1.5)\n', '  score\n') + 'model Z { id Int @id }\n'],
    ['an unclosed block at the end', long + 'model Open {\n  id Int @id\n'],
    ['attribute arguments over two lines at the end', long + 'model Z {\n  id Int @id @default(\n    1)\n}\n'],
    ['an invalid character at the end', long + 'model Z {\n  id Int @id $\n}\n'],
    ['two declarations on a line, and no final line break', long + 'model Z {\n  a Int b Int\n  id Int @id\n}'],
    ['empty', ''],
    ['blank lines only', '\n\n  \n'],
  ];
  for (const [what, text] of cases) assert.is(snapshot(text, true), snapshot(text, false), what);
  assert.equal(parse(long).diagnostics, []);
  assert.equal(blocks(long).length, 302);
});

test('the line table the lexer finds on the way equals one counted from the text', async () => {
  const { tokenize } = await import('../../src/schema/lexer.ts');
  const { Random } = await import('../../conformance/gen/random.ts');
  const pieces = ['model A {', '\n', '\r\n', '  ', 'id Int', '"str', '"ok"', '"\\\n', '/* a\nb */', '/* open', '// c\n', '$%', '@@id', '\t', 'Ü', '\u2028'];
  const rng = new Random(7);
  for (let round = 0; round < 500; round++) {
    let text = '';
    for (let k = rng.int(0, 30); k > 0; k--) text += rng.pick(pieces);
    const expected = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) expected.push(i + 1);
    assert.equal(tokenize(text).lineStarts, expected, JSON.stringify(text));
  }
});

test.run();
