import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectFormat, lines } from '../helpers/format.ts';
import { formatSchemaSources, formatSchemaText, matchLineEndings } from '../../src/schema/format.ts';
import { generateSchemaText } from '../../conformance/gen/schema-generator.ts';
import { messUpSchema } from '../../conformance/gen/mess-up.ts';


test('aligns names, types and attributes in columns; the last column is not padded', () => {
  expectFormat(
    lines('model Shop {', ' id Int @id @default(autoincrement())', '    title    String', 'ownerEmail String? @unique', '}'),
    lines('model Shop {', '  id         Int     @id @default(autoincrement())', '  title      String', '  ownerEmail String? @unique', '}'),
  );
});

test('a blank line starts a new alignment group; runs of blank lines shrink to one', () => {
  expectFormat(
    lines('model Order {', '', '  id Int @id', '  total Decimal', '', '', '', '  customerName String', '  note String?', '', '}'),
    lines('model Order {', '  id    Int     @id', '  total Decimal', '', '  customerName String', '  note         String?', '}'),
  );
});

test('block attributes go last after one blank line, in canonical order; blank lines before them do not split groups', () => {
  expectFormat(
    lines('model Tag {', '  label String', '  @@map("tags")', '', '  @@index([label])', '  id Int', '  @@id([id])', '  slugValue String', '}'),
    lines('model Tag {', '  label     String', '  id        Int', '  slugValue String', '', '  @@id([id])', '  @@index([label])', '  @@map("tags")', '}'),
  );
});

test('field attributes are put in canonical order; unknown ones keep their order, last', () => {
  expectFormat(
    lines('model Row {', '  id String @db.Text @map("row_id") @default(cuid()) @custom @id', '}'),
    lines('model Row {', '  id String @id @default(cuid()) @map("row_id") @db.Text @custom', '}'),
  );
});

test('canonical spacing inside attributes, arrays, calls and objects', () => {
  expectFormat(
    lines(
      'model Post {',
      '  id Int @id @default( autoincrement( ) )',
      '  authorId Int',
      '  author User @relation( fields:[authorId],references : [id] , onDelete:Cascade)',
      '  @@index([ authorId(sort: Desc) ,id ], map:"post_author")',
      '  @@unique([authorId], where: {id:{not:null}})',
      '}',
    ),
    lines(
      'model Post {',
      '  id       Int  @id @default(autoincrement())',
      '  authorId Int',
      '  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)',
      '',
      '  @@unique([authorId], where: { id: { not: null } })',
      '  @@index([authorId(sort: Desc), id], map: "post_author")',
      '}',
    ),
  );
});

test('datasource and generator align `=`; values keep their literal text', () => {
  expectFormat(
    lines('generator client {', 'provider="prisma-client"', '  previewFeatures = [ "views" ,"relationJoins" ]', '  flags = { a: 1 }', '}', 'datasource db {', '  provider = "sqlite" // local file', '}'),
    lines(
      'generator client {',
      '  provider        = "prisma-client"',
      '  previewFeatures = ["views", "relationJoins"]',
      '  flags           = { a: 1 }',
      '}',
      '',
      'datasource db {',
      '  provider = "sqlite" // local file',
      '}',
    ),
  );
});

test('enum values align their attributes (glued together, as Prisma prints them)', () => {
  expectFormat(
    lines('enum Role {', 'USER @map("user")', '  ADMINISTRATOR  @map("admin") @deprecated', '  @@map("roles")', '}'),
    lines('enum Role {', '  USER          @map("user")', '  ADMINISTRATOR @map("admin")@deprecated', '', '  @@map("roles")', '}'),
  );
});

test('trailing comments follow their row; comment lines neither widen nor split columns', () => {
  expectFormat(
    lines('model Note {', '  id Int @id // key', '  // a very long comment line that is wider than every column', '  /// Shown to readers.', '  body String   ///  doc after  ', '}'),
    lines(
      'model Note {',
      '  id   Int    @id // key',
      '  // a very long comment line that is wider than every column',
      '  /// Shown to readers.',
      '  body String ///  doc after  ',
      '}',
    ),
  );
});

test('a comment directly above a block attribute moves with it; other comments stay with the fields', () => {
  expectFormat(
    lines('model Item {', '  id Int @id', '  // about the index', '  @@index([id])', '', '  // last words', '  @@map("items")', '  // after everything', '}'),
    lines('model Item {', '  id Int @id', '  // after everything', '', '  // about the index', '  @@index([id])', '  // last words', '  @@map("items")', '}'),
  );
});

test('/* */ comments are rewritten as /** … */ blocks and indented with their block', () => {
  expectFormat(
    lines('/* Shop', '   models */', 'model Shop {', '  id Int @id', '    /**   inner */', '  name String', '}'),
    lines('/**', ' * Shop', ' * models', ' */', 'model Shop {', '  id   Int    @id', '  /**', '   * inner', '   */', '  name String', '}'),
  );
});

test('Prisma\'s quirk with an indented /* */ after another comment line: kept at the top level, where it is stable', () => {
  // Prisma strips two characters of indentation instead of `/*`; at the top level its output is then stable.
  expectFormat(lines('// first', '  /* second */', 'model A {', '  id Int @id', '}'), lines('// first', '/**', ' * /* second', ' */', 'model A {', '  id Int @id', '}'));
  // Inside a block Prisma would mangle the comment again on every run; we print it as a plain /** … */ block.
  expectFormat(lines('model A {', '  id Int @id', '  // first', '  /* second */', '}'), lines('model A {', '  id Int @id', '  // first', '  /**', '   * second', '   */', '}'));
});

test('one blank line between top-level blocks and comments; none at the start or the end', () => {
  expectFormat(
    lines('', '', '// header', 'model A {', '  id Int @id', '}', 'model B {', '  id Int @id', '} // after B', '', '', '', '/// Doc of C', 'model C {', '  id Int @id', '}', '', ''),
    // Prisma prints `// after B` right under `}` and adds the blank line on its next run: we print the stable form.
    lines('// header', 'model A {', '  id Int @id', '}', '', 'model B {', '  id Int @id', '}', '', '// after B', '', '/// Doc of C', 'model C {', '  id Int @id', '}'),
  );
});

test('block attributes, a blank line, then fields: no blank line at the top of the block (the stable form)', () => {
  expectFormat(lines('model A {', '  @@map("a")', '', '  id Int @id', '}'), lines('model A {', '  id Int @id', '', '  @@map("a")', '}'));
});

test('a comment after an opening brace is kept on the first line of the block (Prisma drops it)', () => {
  expectFormat(lines('model A { // keep me', '  id Int @id', '}'), lines('model A {', '  // keep me', '  id Int @id', '}'));
});

test('types: optional, list, Unsupported as written; widths count UTF-8 bytes like Prisma', () => {
  expectFormat(
    lines('model Geo {', '  id Int @id', '  area Unsupported( "polygon" )?', '  tags String[]', '  label Unsupported("é")', '  n Int @default(1)', '}'),
    lines(
      'model Geo {',
      '  id    Int                       @id',
      '  area  Unsupported( "polygon" )?',
      '  tags  String[]',
      '  label Unsupported("é")',
      '  n     Int                       @default(1)',
      '}',
    ),
  );
});

test('empty blocks, empty files and a missing final line break', () => {
  expectFormat(lines('model Empty {', '', '}'), lines('model Empty {', '}'));
  expectFormat('', '\n');
  expectFormat('\n\n  \n', '\n');
  expectFormat('model A {\n  id Int @id\n}', 'model A {\n  id Int @id\n}\n');
  expectFormat(lines('model A {', '  @@id([a, b])', '}'), lines('model A {', '', '  @@id([a, b])', '}'));
});

test('CRLF input gives LF output; matchLineEndings restores CRLF for files that had it', () => {
  const crlf = 'model A {\r\n  id Int @id\r\n  // note\r\n  name    String\r\n}\r\n';
  const formatted = formatSchemaText(crlf).text!;
  assert.is(formatted, 'model A {\n  id   Int    @id\n  // note\n  name String\n}\n');
  assert.is(matchLineEndings(crlf, formatted), formatted.replace(/\n/g, '\r\n'));
  assert.is(matchLineEndings('model A {\n}\n', formatted), formatted);
});

test('refuses a file with syntax errors and returns them', () => {
  const result = formatSchemaText(lines('model A {', '  id Int @id', '  $bad String', '}'));
  assert.is(result.text, undefined);
  assert.ok(result.diagnostics.some((d) => d.code === 'P101'));
});

test('a schema split over files: one file with errors stops all of them', () => {
  const ok = formatSchemaSources([
    { path: 'a.prisma', text: 'model A {\n id Int @id\n}\n' },
    { path: 'b.prisma', text: 'model B {\nid Int @id\n}\n' },
  ]);
  assert.equal(ok.texts, ['model A {\n  id Int @id\n}\n', 'model B {\n  id Int @id\n}\n']);
  const bad = formatSchemaSources([
    { path: 'a.prisma', text: 'model A {\n id Int @id\n}\n' },
    { path: 'b.prisma', text: 'model B {\n  id Int @id @default(\n}\n' },
  ]);
  assert.is(bad.texts, undefined);
  assert.ok(bad.diagnostics.some((d) => d.span?.file === 'b.prisma'));
});

test('idempotent over generated schemas and messed-up variants of them', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const base = generateSchemaText(seed, { models: 1 + (seed % 5), enums: seed % 3 });
    const text = messUpSchema(base, seed, { intensity: (seed % 5) / 4 });
    const once = formatSchemaText(text).text;
    assert.type(once, 'string', `seed ${seed} refused`);
    assert.is(formatSchemaText(once!).text, once, `seed ${seed} not idempotent`);
  }
});

test.run();
