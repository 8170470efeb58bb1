import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, tempProject, SQLITE_DATASOURCE } from '../helpers/cli.ts';

const MESSY = `${SQLITE_DATASOURCE}\nmodel User {\n id Int @id @default(autoincrement())\n  email    String @unique\n}\n`;
const CLEAN = `${SQLITE_DATASOURCE}\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n`;

test('format rewrites the schema in place and says which files changed', () => {
  const dir = tempProject({ 'prisma/schema.prisma': MESSY });
  const r = runCli(['format'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Formatted prisma\/schema\.prisma/);
  assert.is(readFileSync(path.join(dir, 'prisma/schema.prisma'), 'utf8'), CLEAN);
  const again = runCli(['format'], { cwd: dir });
  assert.is(again.code, 0);
  assert.match(again.stdout, /1 file already formatted/);
});

test('format --check: exit 2 with a diff when a file would change, writing nothing; exit 0 when formatted', () => {
  const dir = tempProject({ 'schema.prisma': MESSY });
  const r = runCli(['format', '--check'], { cwd: dir });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, /schema\.prisma is not formatted/);
  assert.match(r.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
  assert.match(r.stdout, /^- id Int @id @default\(autoincrement\(\)\)$/m);
  assert.match(r.stdout, /^\+  id    Int    @id @default\(autoincrement\(\)\)$/m);
  assert.is(readFileSync(path.join(dir, 'schema.prisma'), 'utf8'), MESSY);
  const clean = tempProject({ 'schema.prisma': CLEAN });
  const ok = runCli(['format', '--check'], { cwd: clean });
  assert.is(ok.code, 0, ok.stdout);
  assert.is(ok.stdout.includes('@@'), false);
});

test('a schema with errors is never rewritten: diagnostics, exit 1, files untouched (folder schemas too)', () => {
  const broken = `${SQLITE_DATASOURCE}\nmodel User {\n  id Int @id\n  $name String\n}\n`;
  const dir = tempProject({ 'prisma/a.prisma': MESSY, 'prisma/b.prisma': broken });
  for (const args of [['format'], ['format', '--check']]) {
    const r = runCli(args, { cwd: dir });
    assert.is(r.code, 1, args.join(' '));
    assert.match(r.stderr, /b\.prisma:8:3 error P101/);
    assert.match(r.stderr, /No file was changed/);
  }
  assert.is(readFileSync(path.join(dir, 'prisma/a.prisma'), 'utf8'), MESSY);
  assert.is(readFileSync(path.join(dir, 'prisma/b.prisma'), 'utf8'), broken);
});

test('a folder schema: every file is formatted, nested folders included', () => {
  const dir = tempProject({
    'db/schema.prisma': SQLITE_DATASOURCE,
    'db/models/user.prisma': 'model User {\nid Int @id\n  posts Post[]\n}\n',
    'db/models/post.prisma': 'model Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n',
  });
  const r = runCli(['format', '--schema', 'db'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /2 files formatted, 1 unchanged/);
  assert.is(readFileSync(path.join(dir, 'db/models/user.prisma'), 'utf8'), 'model User {\n  id    Int    @id\n  posts Post[]\n}\n');
  assert.is(
    readFileSync(path.join(dir, 'db/models/post.prisma'), 'utf8'),
    'model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n',
  );
});

test('line breaks, byte order mark and permissions are kept; no temporary file is left behind', () => {
  const dir = tempProject({ 'schema.prisma': '\uFEFF' + MESSY.replace(/\n/g, '\r\n') });
  const file = path.join(dir, 'schema.prisma');
  chmodSync(file, 0o640);
  const r = runCli(['format'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  const bytes = readFileSync(file);
  assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.is(bytes.subarray(3).toString('utf8'), CLEAN.replace(/\n/g, '\r\n'));
  assert.is(statSync(file).mode & 0o777, 0o640);
  assert.equal(readdirSync(dir), ['schema.prisma']);
});

test('usage errors exit 64; a missing schema exits 1', () => {
  assert.is(runCli(['format', '--bogus']).code, 64);
  const typo = runCli(['fromat']);
  assert.is(typo.code, 64);
  assert.match(typo.stderr, /Did you mean `format`/);
  const empty = tempProject();
  const r = runCli(['format'], { cwd: empty });
  assert.is(r.code, 1);
  assert.match(r.stderr, /P111/);
});

test.run();
