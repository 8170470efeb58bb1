import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeList, codes, datasource } from '../../helpers/schema.ts';

const user = 'model User {\n  id    Int    @id\n  email String @unique\n  n     Int\n  posts Post[]\n}\n';
const post = (fields: string, relation: string) => `model Post {\n  id Int @id\n${fields}\n  author User ${relation}\n}\n`;

test('a well-formed one-to-many relation is valid', () => {
  assert.equal(codeList(user + post('  authorId Int', '@relation(fields: [authorId], references: [id])')), []);
  assert.equal(codeList(user + post('  authorId Int?', '? @relation(fields: [authorId], references: [id], onDelete: SetNull)').replace('User ?', 'User?')), []);
});

test('fields and references name existing scalar fields (V227)', () => {
  assert.equal(codes(user + post('  authorId Int', '@relation(fields: [autorId], references: [id])')), ['V227@10:34']);
  assert.equal(codes(user + post('  authorId Int', '@relation(fields: [authorId], references: [nope])')), ['V227@10:58']);
  assert.equal(codeList(user + post('  authorId Int', '@relation(fields: [authorId], references: [posts])')), ['V227']);
  assert.equal(codeList(user + post('  authorId Int', '@relation(fields: [authorId, authorId], references: [id, n])')), ['V227']);
});

test('fields and references: lengths, types, uniqueness (V216, V217, V218)', () => {
  assert.equal(codeList(user + post('  authorId Int\n  x Int', '@relation(fields: [authorId, x], references: [id])')), ['V216']);
  assert.equal(codes(user + post('  authorId String', '@relation(fields: [authorId], references: [id])')), ['V217@10:34']);
  assert.equal(codes(user + post('  authorId Int', '@relation(fields: [authorId], references: [n])')), ['V218@10:58']);
  assert.equal(codeList(user + post('  authorId String', '@relation(fields: [authorId], references: [email])')), []);
});

test('missing fields or references (V233)', () => {
  assert.equal(codeList(user + post('  authorId Int', '@relation(fields: [authorId])')), ['V233']);
  assert.equal(codeList(user + post('  authorId Int', '@relation(fields: [], references: [])')), ['V233', 'V233']);
});

test('relation arity follows its scalars (V242), SetNull needs optional scalars (V220)', () => {
  assert.equal(codes(user + post('  authorId Int?', '@relation(fields: [authorId], references: [id])')), ['V242@10:10']);
  assert.equal(codes(user + post('  authorId Int', '@relation(fields: [authorId], references: [id], onDelete: SetNull)')), ['V220@10:63']);
  const both = user + post('  authorId Int', '@relation(fields: [authorId], references: [id], onDelete: SetNull, onUpdate: SetNull)');
  assert.equal(codeList(both), ['V220', 'V220']);
  // PostgreSQL accepts it with foreign keys, as Prisma does.
  assert.equal(codeList(both, datasource('postgresql')), []);
});

test('one-to-one relations need unique scalars (V221) and an optional back side (V233)', () => {
  const a = 'model A {\n  id Int @id\n  b B?\n}\n';
  assert.equal(codes(`${a}model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n`), ['V221@8:7']);
  assert.equal(codeList(`${a}model B {\n  id Int @id\n  aId Int @unique\n  a A @relation(fields: [aId], references: [id])\n}\n`), []);
  assert.equal(codeList(`${a.replace('B?', 'B')}model B {\n  id Int @id\n  aId Int @unique\n  a A @relation(fields: [aId], references: [id])\n}\n`), ['V233']);
});

test('ambiguous relations (V219), including unnamed self-relations', () => {
  assert.equal(codeList('model A {\n  id Int @id\n  pId Int?\n  p A? @relation(fields: [pId], references: [id])\n  cs A[]\n}\n'), ['V219', 'V219']);
  assert.equal(codeList('model A {\n  id Int @id\n  pId Int?\n  p A? @relation("t", fields: [pId], references: [id])\n  cs A[] @relation("t")\n}\n'), []);
  assert.equal(codeList('model A {\n  id Int @id\n  pId Int?\n  p A? @relation("", fields: [pId], references: [id])\n  cs A[] @relation("")\n}\n'), ['V225', 'V225']);
});

test('implicit many-to-many relations join single-field ids (V234)', () => {
  assert.equal(codeList('model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n'), []);
  assert.equal(codes('model A {\n  x Int\n  y Int\n  bs B[]\n  @@id([x, y])\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n'), ['V234@9:3']);
  assert.equal(codeList('model A {\n  id Int @id\n  bs B[] @relation(onDelete: Cascade)\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n'), ['V234']);
});

test('relations to ignored models are ignored too (V240)', () => {
  const a = 'model A {\n  id Int @id\n  bs B[]\n  @@ignore\n}\n';
  assert.equal(codes(`${a}model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n`), ['V240@9:3']);
  assert.equal(codeList(`${a}model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id]) @ignore\n}\n`), []);
});

test('referential actions per relation mode (V235) and emulated cycles (V243)', () => {
  const withAction = (action: string) => user + post('  authorId Int', `@relation(fields: [authorId], references: [id], onDelete: ${action})`);
  assert.equal(codeList(withAction('SetDefault')), []);
  const emulated = datasource('sqlite', '  relationMode = "prisma"\n');
  assert.equal(codeList(withAction('Cascade'), emulated), []);
  assert.equal(codeList(withAction('NoAction'), emulated), ['V235']);
  assert.equal(codeList(withAction('SetDefault'), emulated), ['V235']);
  const self = 'model A {\n  id Int @id\n  pId Int?\n  p A? @relation("t", fields: [pId], references: [id])\n  cs A[] @relation("t")\n}\n';
  assert.equal(codeList(self), []);
  assert.equal(codeList(self, emulated), ['V243']);
  // Only the side with the foreign key sets actions.
  assert.equal(codeList(user.replace('posts Post[]', 'posts Post[] @relation(onDelete: Cascade)') + post('  authorId Int', '@relation(fields: [authorId], references: [id])')), ['V235']);
});

test('relations to views: allowed, but not many-to-many', () => {
  const views = 'generator c {\n  provider = "prisma-client-js"\n  previewFeatures = ["views"]\n}\n';
  const header = datasource() + views;
  assert.equal(codeList('view V {\n  id Int @unique\n  bs B[]\n}\nmodel B {\n  id Int @id\n  vId Int\n  v V @relation(fields: [vId], references: [id])\n}\n', header), []);
  assert.equal(codeList('view V {\n  id Int @unique\n  bs B[]\n}\nmodel B {\n  id Int @id\n  vs V[]\n}\n', header), ['V238', 'V238']);
});

test.run();
