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

test('usage errors exit 64', () => {
  assert.is(runCli(['validate', '--bogus']).code, 64);
  const typo = runCli(['valdate']);
  assert.is(typo.code, 64);
  assert.match(typo.stderr, /Did you mean `validate`/);
  assert.is(runCli([]).code, 64);
});

test.run();
