import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeList, codes } from '../../helpers/schema.ts';

const model = (name: string, extra = '') => `model ${name} {\n  id Int @id\n${extra}}\n`;

test('reserved model and enum names (V222): Prisma\'s list, scalars, and the generated client\'s types', () => {
  for (const name of ['class', 'await', 'PrismaClient', 'String', 'DateTime', 'Date', 'Promise', 'Record', 'string']) {
    assert.equal(codeList(model(name)), ['V222'], name);
  }
  assert.equal(codes('enum Boolean {\n  A\n}\n'), ['V222@1:6']);
  for (const name of ['Prisma', 'Query', 'User', 'Über']) assert.equal(codeList(model(name)), [], name);
});

test('names with `-` (V222)', () => {
  assert.equal(codeList(model('A-b')), ['V222']);
  assert.equal(codeList(model('A', '  a-b Int\n')), ['V222']);
  assert.equal(codeList('enum E {\n  A-b\n}\n'), ['V222']);
});

test('clashes in the generated client (V222)', () => {
  assert.equal(codes(model('User') + model('user')), ['V222@4:7']);
  assert.equal(codes(model('User') + model('UserCreate')), ['V222@4:7']);
  assert.equal(codes(model('User') + 'enum UserWhereInput {\n  A\n}\n'), ['V222@4:6']);
  assert.equal(codes(model('A', '  AND String\n')), ['V222@3:3']);
  assert.equal(codeList(model('A', '  and String\n')), []);
});

test('database names must not collide (V237)', () => {
  assert.equal(codes(`${model('Dog', '  @@map("pets")\n')}${model('Cat', '  @@map("pets")\n')}`), ['V237@7:3']);
  assert.equal(codeList(`${model('A')}${model('B', '  @@map("A")\n')}`), ['V237']);
  assert.equal(codes(model('A', '  a Int @map("x")\n  x Int\n')), ['V237@4:3']);
  assert.equal(codeList('enum E {\n  A @map("x")\n  B @map("x")\n}\n'), ['V237']);
  assert.equal(codeList('enum E {\n  A\n  @@map("F")\n}\nenum F {\n  A\n}\n'), ['V237']);
});

test.run();
