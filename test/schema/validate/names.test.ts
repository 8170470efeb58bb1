import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { check, codeList, codes } from '../../helpers/schema.ts';

const model = (name: string, extra = '') => `model ${name} {\n  id Int @id\n${extra}}\n`;

test('reserved model and enum names (V222): Prisma\'s list and the scalars are errors', () => {
  for (const name of ['class', 'await', 'PrismaClient', 'String', 'DateTime']) {
    assert.equal(codeList(model(name)), ['V222'], name);
  }
  assert.equal(codes('enum Boolean {\n  A\n}\n'), ['V222@1:6']);
  for (const name of ['Prisma', 'Query', 'User', 'Über', 'Object']) assert.equal(codeList(model(name)), [], name);
});

test('names the generated client uses are warnings (V244): Prisma accepts them', () => {
  for (const name of ['Date', 'Promise', 'Record', 'string', 'object', 'Uint8Array', 'static', 'CodegenClient']) {
    const d = check(model(name));
    assert.equal(d.map((x) => `${x.code} ${x.severity}`), ['V244 warning'], name);
    assert.match(d[0]!.message, new RegExp(`the generated client names its type \`${name}_\``), name);
    assert.is(d[0]!.hint, `Rename the model, and keep the table name with \`@@map("${name}")\`.`);
  }
  assert.equal(codes('enum Date {\n  A\n}\n'), ['V244@1:6']);
  assert.match(check('enum Date {\n  A\n}\n')[0]!.hint!, /Rename the enum/);
  // Ignored models and models without a key get no client type, so nothing clashes.
  assert.equal(codeList('model object {\n  id Int\n  @@ignore\n}\n'), []);
});

test('names with `-` (V222)', () => {
  assert.equal(codeList(model('A-b')), ['V222']);
  assert.equal(codeList(model('A', '  a-b Int\n')), ['V222']);
  assert.equal(codeList('enum E {\n  A-b\n}\n'), ['V222']);
});

test('clashes in the generated client are warnings (V244)', () => {
  assert.equal(codes(model('User') + model('user')), ['V244@4:7']);
  assert.match(check(model('User') + model('user'))[0]!.message, /both be `client\.user`.*stops here \(G508\)/);
  assert.equal(codes(model('User') + model('UserCreateInput')), ['V244@4:7']);
  assert.equal(codes(model('User') + 'enum UserWhereInput {\n  A\n}\n'), ['V244@4:6']);
  assert.match(check(model('User') + model('UserSelect'))[0]!.message, /type the client declares for the model `User`: the generated client names its type `UserSelect_`/);
  // `UserGet` and `User` would both declare `UserGetPayload`: the later one moves.
  assert.equal(codes(model('User') + model('UserGet')), ['V244@4:7']);
  assert.equal(codes(model('A', '  AND String\n')), ['V244@3:3']);
  assert.equal(codeList(model('A', '  and String\n')), []);
  assert.ok(check(model('User') + model('user') + model('A', '  OR Int\n')).every((d) => d.severity === 'warning'));
});

test('database names must not collide (V237)', () => {
  assert.equal(codes(`${model('Dog', '  @@map("pets")\n')}${model('Cat', '  @@map("pets")\n')}`), ['V237@7:3']);
  assert.equal(codeList(`${model('A')}${model('B', '  @@map("A")\n')}`), ['V237']);
  assert.equal(codes(model('A', '  a Int @map("x")\n  x Int\n')), ['V237@4:3']);
  assert.equal(codeList('enum E {\n  A @map("x")\n  B @map("x")\n}\n'), ['V237']);
  assert.equal(codeList('enum E {\n  A\n  @@map("F")\n}\nenum F {\n  A\n}\n'), ['V237']);
});

test.run();
