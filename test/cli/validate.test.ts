import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, tempProject, SQLITE_DATASOURCE } from '../helpers/cli.ts';

const VALID = `${SQLITE_DATASOURCE}\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n`;

test('validate: a valid schema exits 0', () => {
  const dir = tempProject({ 'prisma/schema.prisma': VALID });
  const r = runCli(['validate'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /is valid: 1 model/);
});

test('validate: errors exit 1 with file:line:col, code, code frame and hint, no stack trace', () => {
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}\nmodel User {\n  id Int @id\n  $name String\n}\n` });
  const r = runCli(['validate'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /schema\.prisma:8:3 error P101 /);
  assert.match(r.stderr, /> 8 \|   \$name String/);
  assert.match(r.stderr, /\^/);
  assert.match(r.stderr, /hint:/);
  assert.not.match(r.stderr, /\n\s+at /);
});

test('validate --format json', () => {
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}\nmodel User {\n  id Int @id\n  name\n}\n` });
  const r = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.is(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.is(out.valid, false);
  assert.equal(
    out.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line]),
    [['P107', 8]],
  );
});

test('bad input: missing file, empty folder, binary, not UTF-8, empty file, huge file', () => {
  const dir = tempProject({
    'empty/readme.txt': 'x',
    'bin.prisma': new Uint8Array([0x6d, 0x00, 0x01, 0xff]),
    'latin1.prisma': new Uint8Array([0x6d, 0x6f, 0x64, 0x65, 0x6c, 0x20, 0xe9, 0x0a]),
    'empty.prisma': '',
  });
  const cases: [string, RegExp][] = [
    ['nope.prisma', /P111/],
    ['empty', /P112/],
    ['bin.prisma', /P109/],
    ['latin1.prisma', /P108 .*line 1/],
    ['empty.prisma', /V201/],
  ];
  for (const [file, pattern] of cases) {
    const r = runCli(['validate', '--schema', file], { cwd: dir });
    assert.is(r.code, 1, file);
    assert.match(r.stderr, pattern, file);
    assert.not.match(r.stderr, /\n\s+at /, file);
  }
});

test('bad input: 10 MB files are refused before parsing (P110), quickly', () => {
  const schemaLike = `${SQLITE_DATASOURCE}\n` + 'model M {\n  id Int @id\n  name String\n}\n'.repeat(260_000);
  const junk = new Uint8Array(10 * 1024 * 1024);
  for (let i = 0; i < junk.length; i++) junk[i] = 32 + ((i * 7919) % 95);
  const dir = tempProject({ 'big.prisma': schemaLike, 'junk.prisma': junk });
  for (const file of ['big.prisma', 'junk.prisma']) {
    const started = performance.now();
    const r = runCli(['validate', '--schema', file], { cwd: dir });
    const ms = performance.now() - started;
    assert.is(r.code, 1, file);
    assert.match(r.stderr, /error P110 .*MiB; schema files over 8 MiB are refused/, file);
    assert.not.match(r.stderr, /\n\s+at /, file);
    assert.ok(ms < 5000, `${file} took ${ms.toFixed(0)} ms`);
  }
});

test('bad input: JSON output carries the same diagnostics', () => {
  const dir = tempProject({ 'latin1.prisma': new Uint8Array([0x6d, 0xe9, 0x0a]), 'folder/readme.md': '#' });
  const latin = JSON.parse(runCli(['validate', '--schema', 'latin1.prisma', '--format', 'json'], { cwd: dir }).stdout);
  assert.is(latin.valid, false);
  assert.equal(latin.diagnostics.map((d: { code: string }) => d.code), ['P108']);
  const folder = runCli(['validate', '--schema', 'folder', '--format', 'json'], { cwd: dir });
  assert.is(folder.code, 1);
  assert.equal(JSON.parse(folder.stdout).diagnostics.map((d: { code: string }) => d.code), ['P112']);
});

test('validation errors from several rule families in one run, each located', () => {
  const schema = `${SQLITE_DATASOURCE}
model User {
  id    Int      @id @default(autoincrement())
  tags  String[]
  born  DateTime @default("yesterday")
  posts Post[]
}

model Post {
  id       Int   @id
  authorId Int?
  author   User  @relation(fields: [authorId], references: [id])
}

model class {
  id Int @id
}
`;
  const dir = tempProject({ 'schema.prisma': schema });
  const r = runCli(['validate'], { cwd: dir });
  assert.is(r.code, 1);
  for (const expected of ['schema.prisma:8:9 error V212', 'schema.prisma:9:27 error V209', 'schema.prisma:16:12 error V242', 'schema.prisma:19:7 error V222']) {
    assert.ok(r.stderr.includes(expected), `missing ${expected} in\n${r.stderr}`);
  }
  assert.match(r.stderr, /4 errors/);
});

test('usage errors exit 64', () => {
  assert.is(runCli(['validate', '--bogus']).code, 64);
  const typo = runCli(['valdate']);
  assert.is(typo.code, 64);
  assert.match(typo.stderr, /Did you mean `validate`/);
  assert.is(runCli([]).code, 64);
});

test.run();
