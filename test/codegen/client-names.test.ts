// Schema names that clash with the generated client: Prisma accepts them, so validate warns (V244); generate gives
// the clashing types other TypeScript names (the code type-checks and runs), or stops with G508 where it cannot.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateSchemaText } from '../../src/api.ts';
import { typeCheckDirectory } from '../../src/codegen/emit.ts';
import { renderClient } from '../../src/codegen/generate.ts';
import { runCli, SQLITE_DATASOURCE, tempProject } from '../helpers/cli.ts';
import { setupClient } from '../helpers/client.ts';

// A model named like a type keyword (`object`), like a global type the client uses (`Date`, for DateTime fields),
// an enum named `Promise`, and a model named like a type generated for another (`UserSelect` next to `User`).
const CLASHING = `${SQLITE_DATASOURCE}
enum Promise {
  Pending
  Done
}

model object {
  id    Int      @id @default(autoincrement())
  when  DateTime @default(now())
  state Promise
  dates Date[]
}

model Date {
  id       Int      @id
  at       DateTime
  objectId Int
  object   object   @relation(fields: [objectId], references: [id])
}

model User {
  id   Int          @id
  tags UserSelect[]
}

model UserSelect {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
`;

// Uses the renamed types next to the globals they would have shadowed.
const USAGE = `import { createClient, type object_, type Date_, type Promise_, type UserSelect_, type UserSelect } from './index.js';
const c = createClient(':memory:');
const o: object_ = c.object.create({ data: { state: 'Pending' } });
const when: Date = o.when;
const state: Promise_ = o.state;
const d: Date_ = c.date.create({ data: { id: 1, at: new Date(), object: { connect: { id: o.id } } } });
const withObject: { object: object_ } = c.date.findFirstOrThrow({ include: { object: true } });
const select: UserSelect = { tags: true };
const tag: UserSelect_ | null = c.userSelect.findFirst({ where: { user: { id: 1 } } });
const later: Promise<number> = Promise.resolve(1);
void [when, state, d, withObject, select, tag, later];
`;

test('validate: client-only clashes are warnings (V244) with the type name and the rename hint', () => {
  const r = validateSchemaText(CLASHING, 'schema.prisma');
  assert.ok(r.ok);
  const v244 = r.diagnostics.filter((d) => d.code === 'V244');
  assert.equal(v244.map((d) => [d.severity, d.span?.start.line]), [['warning', 6], ['warning', 11], ['warning', 18], ['warning', 30]]);
  assert.match(v244[1]!.message, /`object` is a TypeScript type keyword: the generated client names its type `object_`/);
  assert.match(v244[3]!.message, /the model `User`: the generated client names its type `UserSelect_`/);
  assert.is(v244[1]!.hint, 'Rename the model, and keep the table name with `@@map("object")`.');
});

test('generate: clashing names get other type names; the code type-checks under strict and runs', async () => {
  const { client: c, generatedDir } = await setupClient('client-names', CLASHING);
  writeFileSync(path.join(generatedDir, 'usage.ts'), USAGE);
  const errors = await typeCheckDirectory(generatedDir);
  assert.equal(errors.map((e) => e.message), []);
  const source = readFileSync(path.join(generatedDir, 'index.ts'), 'utf8');
  assert.match(source, /export interface object_ \{/);
  assert.match(source, /readonly date: Date_Delegate;/);
  assert.match(source, /at: Date;/);

  const o = c.object.create({ data: { state: 'Done' } });
  assert.ok(o.when instanceof Date);
  c.date.create({ data: { id: 7, at: new Date('2024-01-02T03:04:05Z'), object: { connect: { id: o.id } } } });
  const read = c.object.findUniqueOrThrow({ where: { id: o.id }, include: { dates: true } });
  assert.is(read.state, 'Done');
  assert.equal(read.dates.map((d: { id: number; at: Date }) => [d.id, d.at.toISOString()]), [[7, '2024-01-02T03:04:05.000Z']]);
  c.user.create({ data: { id: 1, tags: { create: [{ id: 10 }] } } });
  assert.is(c.userSelect.count({ where: { user: { id: 1 } } }), 1);
});

const model = (name: string, extra = '') => `model ${name} {\n  id Int @id\n${extra}}\n`;

test('generate stops with G508 where the client cannot tell two names apart; validate only warns', async () => {
  const cases: [string, number, RegExp, string][] = [
    [model('User') + model('user'), 4, /`user` and `User` would both be `client\.user`/, 'Rename the model, and keep the table name with `@@map("user")`.'],
    [model('A', '  AND String\n'), 3, /field name `AND` clashes with the `AND` filter/, 'Rename the field, and keep the column name with `@map("AND")`.'],
  ];
  for (const [body, line, message, hint] of cases) {
    const text = `${SQLITE_DATASOURCE}${body}`;
    const v = validateSchemaText(text, 'schema.prisma');
    assert.ok(v.ok, body);
    assert.equal(v.diagnostics.map((d) => `${d.code} ${d.severity}`), ['V244 warning'], body);
    const r = await renderClient(v.schema, { name: null, dateTimeFormat: 'iso', options: {} });
    const g = r.diagnostics.filter((d) => d.code === 'G508');
    assert.is(g.length, 1, body);
    assert.is(g[0]!.severity, 'error');
    assert.is(g[0]!.span?.start.line, line + SQLITE_DATASOURCE.split('\n').length - 1, body);
    assert.match(g[0]!.message, message);
    assert.is(g[0]!.hint, hint);
    assert.equal(r.files, []);
  }
});

test('CLI: validate exits 0 on V244 warnings; generate exits 1 on G508 with the location and hint', () => {
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}${model('User')}${model('user')}` });
  const v = runCli(['validate'], { cwd: dir });
  assert.is(v.code, 0, v.stderr);
  assert.match(v.stderr, /warning V244/);
  const g = runCli(['generate'], { cwd: dir });
  assert.is(g.code, 1);
  assert.match(g.stderr, /schema\.prisma:\d+:7 error G508 The models `user` and `User` would both be `client\.user`/);
  assert.match(g.stderr, /hint: Rename the model, and keep the table name with `@@map\("user"\)`/);
  assert.not.match(g.stderr, /\n\s+at /);
});

test.run();
