import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeList, codes, datasource } from '../../helpers/schema.ts';

test('a model needs a unique criterion over required fields (V208)', () => {
  assert.equal(codes('model Log {\n  message String\n}\n'), ['V208@1:7']);
  assert.equal(codeList('model Log {\n  n Int? @unique\n}\n'), ['V208']);
  assert.equal(codeList('model Log {\n  a Int?\n  b Int\n  @@unique([a, b])\n}\n'), ['V208']);
  assert.equal(codeList('model Log {\n  a Unsupported("x") @unique\n}\n'), ['V208']);
  assert.equal(codeList('model Log {\n  n Int\n  @@ignore\n}\n'), []);
  assert.equal(codeList('model Log {\n  a Int\n  b Int\n  @@unique([a, b])\n}\n'), []);
  // An unknown field in the key is reported once, not twice.
  assert.equal(codeList('model Log {\n  a Int\n  @@unique([nope])\n}\n'), ['V227']);
});

test('ids hold required fields (V228)', () => {
  assert.equal(codes('model A {\n  id Int? @id\n}\n'), ['V228@2:6']);
  assert.equal(codes('model A {\n  a Int?\n  b Int\n  @@id([a, b])\n}\n'), ['V228@4:9']);
});

test('keys and indexes name existing scalar fields, once (V227, V225)', () => {
  const rel = 'model U {\n  id Int @id\n  ps P[]\n}\n';
  assert.equal(codes(`${rel}model P {\n  id Int @id\n  uId Int\n  u U @relation(fields: [uId], references: [id])\n  @@index([u])\n}\n`), ['V227@9:12']);
  assert.equal(codes('model A {\n  id Int @id\n  x Int\n  @@index([x, x])\n}\n'), ['V227@4:15']);
  assert.equal(codes('model A {\n  id Int @id\n  @@index([nme])\n}\n'), ['V227@3:12']);
  assert.equal(codes('model A {\n  id Int @id\n  @@index([])\n}\n'), ['V225@3:3']);
});

test('constraint names are unique across tables on SQLite (V223)', () => {
  assert.equal(codes('model A {\n  id Int @id\n  x Int @unique(map: "k")\n}\nmodel B {\n  id Int @id\n  y Int @unique(map: "k")\n}\n'), ['V223@7:9']);
  assert.equal(codeList('model A {\n  id Int @id\n  x Int\n  @@index([x])\n  @@index([x])\n}\n'), ['V223']);
  assert.equal(codeList('model A {\n  id Int @id\n  x Int @unique\n}\nmodel B {\n  id Int @id\n  y Int @unique(map: "A_x_key")\n}\n'), ['V223']);
  // MySQL scopes index names per table.
  assert.equal(codeList('model A {\n  id Int @id\n  x Int\n  @@index([x], map: "k")\n}\nmodel B {\n  id Int @id\n  x Int\n  @@index([x], map: "k")\n}\n', datasource('mysql')), []);
});

test('client names of compound keys (V222, V223)', () => {
  assert.equal(codeList('model A {\n  x Int\n  y Int\n  x_y Int\n  @@id([x, y])\n}\n'), ['V222']);
  assert.equal(codeList('model A {\n  id Int @id\n  x Int\n  y Int\n  @@unique([x], name: "y")\n}\n'), ['V222']);
  assert.equal(codeList('model A {\n  id Int @id\n  x Int\n  y Int\n  @@unique([x, y], name: "k")\n  @@unique([y, x], name: "k")\n}\n'), ['V223']);
  // An id and a unique constraint over the same fields share a client name harmlessly.
  assert.equal(codeList('model A {\n  x Int\n  y Int\n  @@id([x, y])\n  @@unique([x, y], map: "other")\n}\n'), []);
});

test('partial indexes need the preview feature and fitting conditions', () => {
  const gen = 'generator c {\n  provider = "prisma-client-js"\n  previewFeatures = ["partialIndexes"]\n}\n';
  const m = (where: string) => `model A {\n  id Int @id\n  a String?\n  b Boolean\n  @@index([a], where: ${where})\n}\n`;
  assert.equal(codeList(m('raw("a > 1")')), ['V239']);
  assert.equal(codeList(m('raw("a > 1")'), datasource() + gen), []);
  assert.equal(codeList(m('{ a: null, b: true }'), datasource() + gen), []);
  assert.equal(codeList(m('{ a: 1 }'), datasource() + gen), ['V225']);
  assert.equal(codeList(m('{ nope: 1 }'), datasource() + gen), ['V227']);
  assert.equal(codeList(m('raw("  ")'), datasource() + gen), ['V225']);
  assert.equal(codeList(m('raw("a > 1")'), datasource('mysql') + gen), ['V232']);
});

test.run();
