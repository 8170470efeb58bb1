import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from '../helpers/cli.ts';
import { createDatabase } from '../helpers/sqlite.ts';

const SQL = `
CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "user_id" INTEGER NOT NULL,
  CONSTRAINT "Post_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
`;

/** A project folder with dev.db built from SQL (and the given files). */
function project(files: Record<string, string> = {}, sql = SQL): string {
  const dir = tempProject(files);
  createDatabase(sql, path.join(dir, 'dev.db'));
  return dir;
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');

test('pull --db writes prisma/schema.prisma: valid, with a datasource url to the database, and it diffs as empty', () => {
  const dir = project();
  const r = runCli(['pull', '--db', 'dev.db'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Introspected 2 models from dev\.db and wrote prisma\/schema\.prisma\./);
  const schema = read(dir, 'prisma/schema.prisma');
  assert.match(schema, /^datasource db \{\n  provider = "sqlite"\n  url      = "file:\.\.\/dev\.db"\n\}\n/);
  assert.match(schema, /model Post \{[^}]*User +User +@relation\(fields: \[user_id\], references: \[id\], onDelete: Cascade\)/);
  assert.is(runCli(['validate'], { cwd: dir }).code, 0);
  const d = runCli(['diff', '--from-db', 'dev.db', '--to-schema', 'prisma/schema.prisma', '--exit-code'], { cwd: dir });
  assert.is(d.code, 0, d.stdout + d.stderr);
  // with the datasource url in place, no --db is needed any more
  const again = runCli(['pull'], { cwd: dir });
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /prisma\/schema\.prisma is up to date with dev\.db\./);
});

test('--print writes the schema to stdout and no file', () => {
  const dir = project();
  const r = runCli(['pull', '--db', 'dev.db', '--print'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^datasource db \{/);
  assert.match(r.stdout, /model User \{/);
  assert.is(existsSync(path.join(dir, 'prisma')), false);
});

test('--naming camel: PascalCase models and camelCase fields mapped to the database names', () => {
  const dir = project();
  const r = runCli(['pull', '--db', 'dev.db', '--naming', 'camel', '--print'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /createdAt +DateTime +@default\(now\(\)\) @map\("created_at"\)/);
  assert.match(r.stdout, /user +User +@relation\(fields: \[userId\], references: \[id\], onDelete: Cascade\)/);
  assert.match(r.stdout, /posts +Post\[\]/);
});

test('a table named like a TypeScript type keeps its name, as in Prisma: pull and validate warn (V244), generate renames the type', () => {
  const dir = project({}, `
CREATE TABLE "object" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "at" DATETIME NOT NULL);
CREATE TABLE "Date" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" INTEGER NOT NULL,
  CONSTRAINT "Date_object_id_fkey" FOREIGN KEY ("object_id") REFERENCES "object" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
`);
  const r = runCli(['pull', '--db', 'dev.db'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(read(dir, 'prisma/schema.prisma'), /model object \{/);
  assert.match(r.stderr, /prisma\/schema\.prisma:\d+:7 warning V244 The model name `object` is a TypeScript type keyword: the generated client names its type `object_`/);
  assert.match(r.stderr, /warning V244 The model name `Date` is a global TypeScript type/);
  const v = runCli(['validate'], { cwd: dir });
  assert.is(v.code, 0, v.stderr);
  assert.match(v.stderr, /2 warnings/);
  const g = runCli(['generate', '--output', 'generated'], { cwd: dir });
  assert.is(g.code, 0, g.stderr);
  assert.match(read(dir, 'generated/index.ts'), /export interface object_ \{\n  id: number;\n  at: Date;/);
  assert.is(runCli(['diff', '--from-db', 'dev.db', '--to-schema', 'prisma/schema.prisma', '--exit-code'], { cwd: dir }).code, 0);
  // A re-pull leaves the user's names alone and warns only about the models it adds.
  const again = runCli(['pull'], { cwd: dir });
  assert.is(again.code, 0, again.stderr);
  assert.not.match(again.stderr, /V244/);
});

test('an existing schema is merged, never overwritten: names, comments and attributes stay', () => {
  const schema = [
    'datasource db {',
    '  provider = "sqlite"',
    '  url      = "file:./dev.db"',
    '}',
    '',
    '/// The people',
    'model Person {',
    '  id        Int      @id @default(autoincrement())',
    '  email     String   @unique // login',
    '  createdAt DateTime @default(now()) @map("created_at")',
    '  posts     Post[]',
    '',
    '  @@map("User")',
    '}',
    '',
    'model Post {',
    '  id     Int    @id @default(autoincrement())',
    '  title  String',
    '  userId Int    @map("user_id")',
    '  user   Person @relation(fields: [userId], references: [id], onDelete: Cascade)',
    '}',
    '',
  ].join('\n');
  const dir = project({ 'schema.prisma': schema }, `${SQL}\nALTER TABLE "Post" ADD COLUMN "body" TEXT;`);
  const r = runCli(['pull'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Re-pulled dev\.db into schema\.prisma: changed Post\./);
  const post = ['model Post {', '  id     Int     @id @default(autoincrement())', '  title  String', '  userId Int     @map("user_id")', '  body   String?', '  user   Person  @relation(fields: [userId], references: [id], onDelete: Cascade)', '}', ''];
  assert.is(read(dir, 'schema.prisma'), schema.slice(0, schema.indexOf('model Post')) + post.join('\n'));
});

test('a schema with errors is not merged into: I614, exit 1, nothing written; --force replaces its models and keeps its datasource', () => {
  const broken = 'datasource db {\n  provider = "sqlite"\n  url = "file:../dev.db"\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n\nmodel X {\n  id Int @id\n  y Nope\n}\n';
  const dir = project({ 'prisma/schema.prisma': broken });
  const r = runCli(['pull'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /error I614 The schema prisma\/schema\.prisma has errors/);
  assert.match(r.stderr, /Nothing was written\./);
  assert.is(read(dir, 'prisma/schema.prisma'), broken);
  const forced = runCli(['pull', '--force'], { cwd: dir });
  assert.is(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /and replaced prisma\/schema\.prisma\./);
  const after = read(dir, 'prisma/schema.prisma');
  assert.match(after, /^datasource db \{\n  provider = "sqlite"\n  url      = "file:\.\.\/dev\.db"\n\}\n\ngenerator client \{\n  provider = "prisma-client-js"\n\}\n\nmodel Post/);
  assert.not.match(after, /model X/);
});

test('a missing database: I601, exit 1, and neither a schema nor a database file is created', () => {
  const dir = tempProject();
  const r = runCli(['pull', '--db', 'missing.db'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /error I601 Database .*missing\.db does not exist\./);
  assert.equal(readdirSync(dir), []);
});

test('no database given at all: M419 with a hint, exit 1', () => {
  const dir = tempProject();
  const r = runCli(['pull'], { cwd: dir, env: { DATABASE_URL: '' } });
  assert.is(r.code, 1);
  assert.match(r.stderr, /M419 No database given/);
  assert.match(r.stderr, /hint: Pass --db <file>/);
});

test('DATABASE_URL names the database, and the new datasource reads it from the environment', () => {
  const dir = project();
  const r = runCli(['pull', '--print'], { cwd: dir, env: { DATABASE_URL: `file:${path.join(dir, 'dev.db')}` } });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /url      = env\("DATABASE_URL"\)/);
});

test('the database is opened read-only: its bytes and times do not change, no journal appears, a read-only file is fine', () => {
  const dir = project();
  const file = path.join(dir, 'dev.db');
  chmodSync(file, 0o444);
  const before = readFileSync(file);
  const mtime = statSync(file).mtimeMs;
  const r = runCli(['pull', '--db', 'dev.db'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.equal(readFileSync(file), before);
  assert.is(statSync(file).mtimeMs, mtime);
  assert.equal(readdirSync(dir).sort(), ['dev.db', 'prisma']);
});

test('usage errors exit 64', () => {
  const dir = project();
  assert.is(runCli(['pull', '--naming', 'snake'], { cwd: dir }).code, 64);
  assert.is(runCli(['pull', '--nope'], { cwd: dir }).code, 64);
});

test('--force on a schema folder is refused', () => {
  const dir = project({ 'prisma/a.prisma': 'datasource db {\n  provider = "sqlite"\n}\n', 'prisma/b.prisma': 'model A {\n  id Int @id\n}\n' });
  const r = runCli(['pull', '--db', 'dev.db', '--force'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /I614 --force replaces one schema file/);
  writeFileSync(path.join(dir, 'unused'), '');
});

test('a re-pull keeps the file\'s CRLF line breaks and byte order mark', () => {
  const dir = project();
  assert.is(runCli(['pull', '--db', 'dev.db', '--schema', 'schema.prisma'], { cwd: dir }).code, 0);
  const crlf = '\uFEFF' + read(dir, 'schema.prisma').replace(/\n/g, '\r\n');
  writeFileSync(path.join(dir, 'schema.prisma'), crlf);
  const same = runCli(['pull'], { cwd: dir });
  assert.match(same.stdout, /schema\.prisma is up to date/);
  createDatabase('ALTER TABLE "User" ADD COLUMN "bio" TEXT;', path.join(dir, 'dev.db'));
  const r = runCli(['pull'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  const after = readFileSync(path.join(dir, 'schema.prisma'));
  assert.equal([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = after.toString('utf8').slice(1);
  assert.match(text, /bio +String\?\r\n/);
  assert.not.match(text.replace(/\r\n/g, ''), /\n/);
});

test.run();
