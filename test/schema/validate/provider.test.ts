import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeList, codes, datasource, preview } from '../../helpers/schema.ts';

const model = (extra: string) => `model A {\n  id Int @id\n${extra}\n}\n`;

test('SQLite: no scalar lists, native types, composite types, fulltext, clustering, length (V212, V213, V214, V232)', () => {
  assert.equal(codes(model('  tags String[]')), ['V212@3:8']);
  assert.equal(codes(model('  t String @db.Text')), ['V213@3:12']);
  assert.equal(codes('type T {\n  a Int\n}\n' + model('')), ['V214@1:6']);
  assert.equal(codeList(model('  t String\n  @@fulltext([t])')), ['V232']);
  assert.equal(codeList('model A {\n  id Int @id(clustered: false)\n}\n'), ['V232']);
  assert.equal(codeList(model('  t String @unique(length: 30)')), ['V232']);
  assert.equal(codeList(model('  t String\n  @@index([t(length: 10)])')), ['V232']);
  assert.equal(codeList('model A {\n  id Int @id(sort: Desc)\n}\n'), ['V232']);
  assert.equal(codeList('model A {\n  id Int @id(map: "pk")\n}\n'), ['V232']);
  assert.equal(codeList(model('  t String\n  @@index([t], type: Hash)')), ['V232']);
  assert.equal(codeList(model('  t String\n  @@index([t(sort: Desc)], type: BTree)')), []);
  assert.equal(codeList(model('  @@schema("x")')), ['V232']);
});

test('SQLite: named foreign keys are not supported (V232)', () => {
  const s = 'model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id], map: "fk")\n}\n';
  assert.equal(codeList(s), ['V232']);
  assert.equal(codeList(s, datasource('postgresql')), []);
});

test('other providers: what Prisma accepts there is accepted, without native type details', () => {
  const pg = datasource('postgresql');
  assert.equal(codeList(model('  tags String[]\n  t String @db.VarChar(20)\n  j Json[]'), pg), []);
  assert.equal(codeList(model('  t String @pg.Text'), pg), ['V224']);
  assert.equal(codeList(model('  j Json[]'), datasource('cockroachdb')), ['V212']);
  assert.equal(codeList(model('  tags String[]'), datasource('mysql')), ['V212']);
  assert.equal(codeList(model('  t String\n  @@fulltext([t])'), datasource('mysql')), []);
  assert.equal(codeList(model('  t String @unique(length: 30)'), datasource('mysql')), []);
  assert.equal(codeList(model('  n Int @unique(length: 30)'), datasource('mysql')), ['V225']);
  assert.equal(codeList('enum E {\n  A\n}\n', datasource('sqlserver')), ['V232']);
  assert.equal(codeList(model('  j Json'), datasource('sqlserver')), ['V232']);
  assert.equal(codeList('model A {\n  id String @id @map("_id") @db.ObjectId\n  d Decimal\n}\n', datasource('mongodb')), ['V232']);
  assert.equal(codeList('model A {\n  id String @id @db.ObjectId\n}\n', datasource('mongodb')), ['V232']);
});

test('shard keys need the preview feature and MySQL', () => {
  assert.equal(codeList(model('  r String @shardKey'), datasource('mysql')), ['V239']);
  assert.equal(codeList(model('  r String @shardKey'), datasource('mysql') + preview('shardKeys')), []);
  assert.equal(codeList(model('  r String @shardKey'), datasource() + preview('shardKeys')), ['V232']);
});

test.run();
