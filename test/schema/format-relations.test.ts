import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectFormat, lines } from '../helpers/format.ts';
import { formatSchemaSources, formatSchemaText } from '../../src/schema/format.ts';
import { camelCase, pluralize } from '../../src/schema/format/inflect.ts';


test('names of added fields follow Prisma (cruet): camelCase, then plural', () => {
  const cases: [string, string][] = [
    ['User', 'users'],
    ['Category', 'categories'],
    ['Person', 'people'],
    ['Status', 'statuses'],
    ['Address', 'addresses'],
    ['Child', 'children'],
    ['Datum', 'data'],
    ['Knife', 'knives'],
    ['Series', 'series'],
    ['Sheep', 'sheep'],
    ['Slice', 'slice'],
    ['OrderItem', 'orderItems'],
    ['HTTPRequest', 'httprequests'],
    ['user_profile', 'userProfiles'],
    ['M0Item', 'm0Items'],
    ['a1b2', 'a1B2s'],
  ];
  for (const [model, plural] of cases) assert.is(pluralize(camelCase(model)), plural, model);
});

test('a relation field written on one side gets its back-relation field, @relation and foreign key', () => {
  expectFormat(
    lines('model Comment {', '  id Int @id', '  post Post', '}', '', 'model Post {', '  id String @id', '}'),
    lines(
      'model Comment {',
      '  id     Int    @id',
      '  post   Post   @relation(fields: [postId], references: [id])',
      '  postId String',
      '}',
      '',
      'model Post {',
      '  id       String    @id',
      '  comments Comment[]',
      '}',
    ),
  );
});

test('a list written on one side gets the forward field and an optional foreign key on the other model', () => {
  expectFormat(
    lines('model Author {', '  id Int @id', '  books Book[]', '}', '', 'model Book {', '  id Int @id', '  title String', '}'),
    lines(
      'model Author {',
      '  id    Int    @id',
      '  books Book[]',
      '}',
      '',
      'model Book {',
      '  id       Int     @id',
      '  title    String',
      '  author   Author? @relation(fields: [authorId], references: [id])',
      '  authorId Int?',
      '}',
    ),
  );
});

test('a unique foreign key makes it one-to-one: the back field is optional and singular; @@ignore carries over', () => {
  expectFormat(
    lines('model Profile {', '  id Int @id', '  userId Int @unique', '  user User @relation(fields: [userId], references: [id])', '  @@ignore', '}', '', 'model User {', '  id Int @id', '}'),
    lines(
      'model Profile {',
      '  id     Int  @id',
      '  userId Int  @unique',
      '  user   User @relation(fields: [userId], references: [id])',
      '',
      '  @@ignore',
      '}',
      '',
      'model User {',
      '  id      Int      @id',
      '  profile Profile? @ignore',
      '}',
    ),
  );
});

test('missing `references` or `fields` arguments are added to an existing @relation', () => {
  expectFormat(
    lines('model A {', '  id Int @id', '  bId Int', '  b B @relation("ab", fields: [bId])', '}', '', 'model B {', '  id Int @id', '  as A[] @relation("ab")', '}'),
    lines(
      'model A {',
      '  id  Int @id',
      '  bId Int',
      '  b   B   @relation("ab", fields: [bId], references: [id])',
      '}',
      '',
      'model B {',
      '  id Int @id',
      '  as A[] @relation("ab")',
      '}',
    ),
  );
});

test('relations are completed across the files of one schema', () => {
  const result = formatSchemaSources([
    { path: 'user.prisma', text: 'model User {\n  id Int @id\n  posts Post[]\n}\n' },
    { path: 'post.prisma', text: 'model Post {\n  id Int @id\n}\n' },
  ]);
  assert.equal(result.texts, [
    'model User {\n  id    Int    @id\n  posts Post[]\n}\n',
    'model Post {\n  id     Int   @id\n  user   User? @relation(fields: [userId], references: [id])\n  userId Int?\n}\n',
  ]);
});

test('nothing is added when the schema does not resolve (an unknown type, attribute or field), as in Prisma', () => {
  for (const broken of ['  x Strin', '  x Int @unknown', '  @@index([nope])', '  x Int @default("text")']) {
    const input = lines('model A {', '  id Int @id', '  b B', broken, '}', '', 'model B {', '  id Int @id', '}');
    const out = formatSchemaText(input).text!;
    assert.not.match(out, /@relation/, broken);
    assert.not.match(out, /A\[\]/, broken);
  }
});

test('complete relations and implicit many-to-many relations are left alone', () => {
  const schema = lines(
    'model A {',
    '  id  Int @id',
    '  bs  B[]',
    '  c   C   @relation(fields: [cId], references: [id])',
    '  cId Int',
    '}',
    '',
    'model B {',
    '  id Int @id',
    '  as A[]',
    '}',
    '',
    'model C {',
    '  id Int @id',
    '  as A[]',
    '}',
  );
  expectFormat(schema, schema);
});

test.run();
