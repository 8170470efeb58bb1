/**
 * `codegen diff` through the real CLI: the sources (empty, schema, database, migrations, `file:` URLs), the outputs
 * (summary, --script, --format json, -o), --exit-code, and bad input: a file that is not SQLite, a truncated file,
 * a database locked by a writer in another process, a missing path, a read-only folder, and a database with what
 * the schema does not model. Each gives a clear coded error or keeps the object, and diff never creates or
 * modifies a file (bytes and mtimes are compared).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, tempProject, type CliResult } from '../helpers/cli.ts';

const DATASOURCE = 'datasource db {\n  provider = "sqlite"\n}\n';
const SCHEMA = `${DATASOURCE}
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
}
`;
/** SCHEMA with a required column added to User (a rebuild: the column has a non-constant default). */
const SCHEMA_V2 = SCHEMA.replace('  email String @unique\n', '  email String @unique\n  joined DateTime @default(now())\n');

const INIT_SQL = `-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
`;

/** A project with the schema and a database made from INIT_SQL, with rows. */
function project(extra: Record<string, string | Uint8Array> = {}): string {
  const dir = tempProject({ 'schema.prisma': SCHEMA, 'v2.prisma': SCHEMA_V2, ...extra });
  const db = new Database(path.join(dir, 'dev.db'));
  db.exec(INIT_SQL);
  db.exec(`INSERT INTO "User" ("email") VALUES ('a@x'), ('b@x'); INSERT INTO "Post" ("title", "authorId") VALUES ('hello', 1), ('again', 1), ('bye', 2);`);
  db.close();
  return dir;
}

/** Every file below `dir` with a hash of its bytes and its mtime: diff must leave this exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = `${createHash('sha256').update(readFileSync(full)).digest('hex')} ${statSync(full).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** Runs diff and checks that it created and modified nothing in `dir`. */
function diffLeavesNoTrace(dir: string, args: readonly string[], options: { unprivileged?: boolean } = {}): CliResult {
  const before = snapshot(dir);
  const r = runCli(['diff', ...args], { cwd: dir, ...options });
  assert.equal(snapshot(dir), before, `diff ${args.join(' ')} created or modified a file`);
  assert.not.match(r.stderr, /\n\s+at /, 'a stack trace');
  return r;
}

/** The only error printed: `error CODE …` with a hint, exit 1, nothing on stdout. */
function expectError(r: CliResult, code: string, message: RegExp): void {
  assert.is(r.code, 1, r.stderr);
  assert.is(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^error ${code} `, 'm'));
  assert.match(r.stderr, message);
  assert.match(r.stderr, /hint: /);
}

test('--from-empty --to-schema --script prints the migration that creates the schema', () => {
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const r = diffLeavesNoTrace(dir, ['--from-empty', '--to-schema', 'schema.prisma', '--script']);
  assert.is(r.code, 0, r.stderr);
  assert.fixture(r.stdout, INIT_SQL);
  assert.is(r.stderr, '');
});

test('--from-db --to-schema: --exit-code 0 when in sync, 2 with a difference; the summary has the live warnings', () => {
  const dir = project();
  const same = diffLeavesNoTrace(dir, ['--from-db', 'dev.db', '--to-schema', 'schema.prisma', '--exit-code']);
  assert.is(same.code, 0, same.stderr);
  assert.is(same.stdout, 'No difference detected.\n');
  const script = diffLeavesNoTrace(dir, ['--from-db', 'dev.db', '--to-schema', 'schema.prisma', '--script', '--exit-code']);
  assert.is(script.code, 0);
  assert.is(script.stdout, '-- This is an empty migration.\n');

  const changed = diffLeavesNoTrace(dir, ['--from-db', 'dev.db', '--to-schema', 'v2.prisma', '--exit-code']);
  assert.is(changed.code, 2, changed.stderr);
  assert.match(changed.stdout, /\[\*\] Changed the `User` table\n {2}\[\+\] Added column `joined` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP/);
  // Without --exit-code a difference is not a failure.
  const rebuild = diffLeavesNoTrace(dir, ['--from-db', 'dev.db', '--to-schema', 'v2.prisma', '--script']);
  assert.is(rebuild.code, 0);
  assert.match(rebuild.stdout, /-- RedefineTables "User": column "joined" has a non-constant default \(CURRENT_TIMESTAMP\)\n/);
  assert.match(rebuild.stdout, /INSERT INTO "User" \("email", "id"\) SELECT "email", "id" FROM temp."_codegen_old_User";/);
});

test('--format json: the whole result, with live row counts in the warnings', () => {
  const dir = project();
  const r = diffLeavesNoTrace(dir, ['--from-db', 'dev.db', '--to-schema', 'schema.prisma', '--format', 'json']);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), { ok: true, empty: true, changes: [], steps: [], sql: '', warnings: [], unexecutable: [], notes: [], diagnostics: [] });

  const dropped = tempProject({ 'schema.prisma': `${DATASOURCE}\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n` });
  const db = path.join(project(), 'dev.db');
  const out = JSON.parse(diffLeavesNoTrace(dropped, ['--from-db', db, '--to-schema', 'schema.prisma', '--format', 'json', '--exit-code']).stdout);
  assert.equal(Object.keys(out), ['ok', 'empty', 'changes', 'steps', 'sql', 'warnings', 'unexecutable', 'notes', 'diagnostics']);
  assert.is(out.ok, true);
  assert.is(out.empty, false);
  assert.equal(out.changes.map((c: { kind: string }) => c.kind), ['DropTable']);
  assert.equal(out.steps, [{ kind: 'DropTable', table: 'Post' }]);
  assert.equal(out.warnings, [{ code: 'D301', severity: 'warning', message: 'You are about to drop the `Post` table, which is not empty (3 rows).', hint: out.warnings[0].hint }]);
  assert.match(out.sql, /^\/\*\n {2}Warnings:\n\n {2}- You are about to drop the `Post` table, which is not empty \(3 rows\)\.\n\n\*\/\n-- DropTable\n/);
  assert.equal(out.unexecutable, []);

  const bad = runCli(['diff', '--from-db', 'missing.db', '--to-schema', 'schema.prisma', '--format', 'json'], { cwd: dropped });
  assert.is(bad.code, 1);
  const failure = JSON.parse(bad.stdout);
  assert.is(failure.ok, false);
  assert.equal(failure.diagnostics.map((d: { code: string }) => d.code), ['I601']);
});

test('-o FILE writes the output, refuses to overwrite without --force, and reports an unwritable path as P115', () => {
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const first = runCli(['diff', '--from-empty', '--to-schema', 'schema.prisma', '--script', '-o', 'init.sql'], { cwd: dir });
  assert.is(first.code, 0, first.stderr);
  assert.is(first.stdout, '');
  assert.match(first.stderr, /Wrote init\.sql/);
  assert.is(readFileSync(path.join(dir, 'init.sql'), 'utf8'), INIT_SQL);

  writeFileSync(path.join(dir, 'init.sql'), 'mine');
  const refused = diffLeavesNoTrace(dir, ['--from-empty', '--to-schema', 'schema.prisma', '--script', '-o', 'init.sql']);
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /error P117 `init\.sql` exists and was not written by `codegen diff`\./);
  assert.is(readFileSync(path.join(dir, 'init.sql'), 'utf8'), 'mine');

  const forced = runCli(['diff', '--from-empty', '--to-schema', 'schema.prisma', '--script', '-o', 'init.sql', '--force'], { cwd: dir });
  assert.is(forced.code, 0, forced.stderr);
  assert.is(readFileSync(path.join(dir, 'init.sql'), 'utf8'), INIT_SQL);

  const nowhere = diffLeavesNoTrace(dir, ['--from-empty', '--to-schema', 'schema.prisma', '--script', '-o', 'missing/init.sql']);
  expectError(nowhere, 'P115', /Cannot write `missing\/init\.sql`: ENOENT\./);
});

test('file: URLs are read as Prisma reads them, relative to the current folder', () => {
  const dir = project();
  assert.is(diffLeavesNoTrace(dir, ['--from-db', 'file:./dev.db?connection_limit=1', '--to-schema', 'schema.prisma', '--exit-code']).code, 0);
  expectError(diffLeavesNoTrace(dir, ['--from-db', 'file:./nope.db', '--to-schema', 'schema.prisma']), 'I601', /nope\.db does not exist\./);
});

test('--from-migrations replays the folder in memory', () => {
  const dir = tempProject({
    'schema.prisma': SCHEMA,
    'v2.prisma': SCHEMA_V2,
    'prisma/migrations/migration_lock.toml': 'provider = "sqlite"\n',
    'prisma/migrations/20240101000000_init/migration.sql': INIT_SQL,
  });
  const same = diffLeavesNoTrace(dir, ['--from-migrations', 'prisma/migrations', '--to-schema', 'schema.prisma', '--exit-code']);
  assert.is(same.code, 0, same.stderr);
  const next = diffLeavesNoTrace(dir, ['--from-migrations', 'prisma/migrations', '--to-schema', 'v2.prisma', '--script', '--exit-code']);
  assert.is(next.code, 2, next.stderr);
  // No database: the warnings are Prisma's static ones.
  assert.match(next.stdout, /^-- RedefineTables\n/);
  expectError(diffLeavesNoTrace(dir, ['--from-migrations', 'nope', '--to-schema', 'schema.prisma']), 'M401', /`nope` does not exist/);
});

test('bad input: a file that is not SQLite (I604), truncated files (I605), a missing path (I601, not created)', () => {
  const dir = project({ 'text.db': 'hello, I am not a database\n'.repeat(200) });
  expectError(diffLeavesNoTrace(dir, ['--from-db', 'text.db', '--to-schema', 'schema.prisma']), 'I604', /text\.db is not a SQLite database/);

  // A database cut in half: the schema pages are there, the rows are not.
  const big = path.join(dir, 'big.db');
  const db = new Database(big);
  db.exec(INIT_SQL);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO "User" ("email") SELECT printf('%.80c%d', 'x', i) FROM n;`);
  db.close();
  truncateSync(big, Math.floor(statSync(big).size / 2));
  expectError(diffLeavesNoTrace(dir, ['--from-db', 'big.db', '--to-schema', 'v2.prisma']), 'I605', /big\.db is damaged/);
  // Cut inside the header.
  writeFileSync(path.join(dir, 'stub.db'), readFileSync(path.join(dir, 'dev.db')).subarray(0, 50));
  expectError(diffLeavesNoTrace(dir, ['--from-db', 'stub.db', '--to-schema', 'schema.prisma']), 'I605', /stub\.db is damaged/);

  expectError(diffLeavesNoTrace(dir, ['--from-db', 'missing.db', '--to-schema', 'schema.prisma']), 'I601', /missing\.db does not exist\./);
  expectError(diffLeavesNoTrace(dir, ['--from-db', 'no/such/folder.db', '--to-schema', 'schema.prisma']), 'I603', /The folder of .*no\/such\/folder\.db does not exist/);
});

test('bad input: a database locked by a writer holding BEGIN EXCLUSIVE in another process (I606 after the busy timeout)', async () => {
  const dir = project();
  const file = path.join(dir, 'dev.db');
  const bytes = readFileSync(file);
  const holder = spawn(
    process.execPath,
    ['-e', `const D = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))}); const db = new D(${JSON.stringify(file)}); db.exec("BEGIN EXCLUSIVE; INSERT INTO \\"User\\" (\\"email\\") VALUES ('held')"); console.log('locked'); process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); }); process.stdin.resume();`],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      holder.on('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
    });
    const started = Date.now();
    const r = runCli(['diff', '--from-db', 'dev.db', '--to-schema', 'schema.prisma'], { cwd: dir });
    expectError(r, 'I606', /another connection is writing to it, and it was still locked after 5000 ms \(SQLITE_BUSY\)/);
    assert.ok(Date.now() - started >= 4500, 'diff waited for the busy timeout');
  } finally {
    holder.stdin!.end();
    await new Promise((resolve) => holder.on('close', resolve));
  }
  assert.ok(readFileSync(file).equals(bytes), 'the database changed');
});

test('bad input: a database in a read-only folder is diffed without writing anything (as an unprivileged user)', () => {
  const dir = project();
  const ro = path.join(dir, 'ro');
  mkdirSync(ro);
  writeFileSync(path.join(ro, 'dev.db'), readFileSync(path.join(dir, 'dev.db')));
  writeFileSync(path.join(ro, 'schema.prisma'), SCHEMA_V2);
  chmodSync(path.join(ro, 'dev.db'), 0o444);
  chmodSync(path.join(ro, 'schema.prisma'), 0o444);
  chmodSync(ro, 0o555);
  chmodSync(dir, 0o755);
  try {
    const r = diffLeavesNoTrace(ro, ['--from-db', 'dev.db', '--to-schema', 'schema.prisma', '--script', '--exit-code'], { unprivileged: true });
    assert.is(r.code, 2, r.stderr);
    assert.match(r.stdout, /-- RedefineTables "User"/);
    const out = diffLeavesNoTrace(ro, ['--from-db', 'dev.db', '--to-schema', 'schema.prisma', '--script', '-o', 'out.sql'], { unprivileged: true });
    expectError(out, 'P115', /Cannot write `out\.sql`: EACCES\./);
  } finally {
    chmodSync(ro, 0o755);
  }
});

test('bad input: what the schema does not model is reported (I612, I613) and kept in the script', () => {
  const dir = tempProject({
    'schema.prisma': `${DATASOURCE}
model Tag {
  id     Int                      @id @default(autoincrement())
  name   String                   @unique
  score  BigInt                   @default(0)
  double Unsupported("INTEGER")?
}

model Kv {
  k String @id
  v Int?
}

model Counter {
  id Int     @id @default(autoincrement())
  n  BigInt?
}
`,
  });
  const db = new Database(path.join(dir, 'features.db'));
  db.exec(`
    CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT COLLATE NOCASE NOT NULL UNIQUE ON CONFLICT REPLACE,
      "score" INTEGER NOT NULL DEFAULT 0 CHECK ("score" >= 0), "double" INTEGER GENERATED ALWAYS AS ("score" * 2) VIRTUAL);
    CREATE TABLE "Kv" ("k" TEXT NOT NULL PRIMARY KEY, "v" INTEGER) WITHOUT ROWID;
    CREATE TABLE "Counter" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "n" INTEGER) STRICT;
    CREATE VIEW "TagView" AS SELECT "name", "double" FROM "Tag";
    CREATE TRIGGER "Tag_count" AFTER INSERT ON "Tag" BEGIN UPDATE "Counter" SET "n" = "n" + 1; END;
    CREATE VIRTUAL TABLE "Search" USING fts5(body);
    INSERT INTO "Tag" ("name", "score") VALUES ('a', 1);`);
  db.close();
  const r = diffLeavesNoTrace(dir, ['--from-db', 'features.db', '--to-schema', 'schema.prisma', '--script']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /info I612 Virtual table "Search" is not managed/);
  assert.match(r.stderr, /warning I613 Table "Tag" uses what the database model does not record: ON CONFLICT REPLACE on UNIQUE of column "name"\. A rebuild of the table would drop it\./);
  // Kept through the rebuilds: the collation, the CHECK, the generated column, STRICT, the trigger; the view is left alone.
  assert.match(r.stdout, /"name" TEXT COLLATE NOCASE NOT NULL,/);
  assert.match(r.stdout, /CHECK \("score" >= 0\)/);
  assert.match(r.stdout, /"double" INTEGER GENERATED ALWAYS AS \("score" \* 2\) VIRTUAL/);
  assert.match(r.stdout, /\n\) STRICT;\n/);
  assert.match(r.stdout, /CREATE TRIGGER "Tag_count" AFTER INSERT ON "Tag"/);
  assert.not.match(r.stdout, /VIEW|"Kv"|Search/);
});

test('a database read in the worker thread (CODEGEN_DIFF_WORKER=1, started by the launcher or by the command) diffs exactly as one read in-process (=0)', () => {
  // Row counts, which the worker answers on its connection (worker-queries.ts): a dropped non-empty table (D301), a
  // required column added to a table with rows (D308), a new unique index over duplicated values (D305).
  const dropAndRequire = `${DATASOURCE}\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n  name  String\n}\n`;
  const uniqueOverDuplicates = SCHEMA.replace('  authorId Int\n', '  authorId Int @unique\n').replace('  posts Post[]', '  posts Post?');
  const dir = project({ 'not-sqlite.db': 'hello', 'features.db': new Uint8Array(), 'drop.prisma': dropAndRequire, 'unique.prisma': uniqueOverDuplicates });
  const db = new Database(path.join(dir, 'features.db'));
  db.exec(`CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT COLLATE NOCASE NOT NULL UNIQUE ON CONFLICT REPLACE CHECK ("email" <> ''));
    CREATE VIRTUAL TABLE "Search" USING fts5(body); CREATE VIEW "Emails" AS SELECT "email" FROM "User";`);
  db.close();
  const cases = [
    ['--from-db', 'dev.db', '--to-schema', 'schema.prisma', '--exit-code'],
    ['--from-db', 'dev.db', '--to-schema', 'v2.prisma', '--format', 'json'],
    ['--from-db', 'file:./dev.db', '--to-schema', 'v2.prisma', '--script'],
    ['--from-schema', 'v2.prisma', '--to-db', 'dev.db', '--script'],
    ['--from-db', 'features.db', '--to-schema', 'schema.prisma', '--script'],
    ['--from-db', 'dev.db', '--to-schema', 'drop.prisma', '--format', 'json'],
    ['--from-db', 'dev.db', '--to-schema', 'unique.prisma', '--format', 'json'],
    ['--from-db', 'missing.db', '--to-schema', 'schema.prisma'],
    ['--from-db', 'not-sqlite.db', '--to-schema', 'missing.prisma'],
    // Forms the launcher's plain parser leaves to yargs: the worker is then started by the command, not ahead of it.
    ['--from-db=dev.db', '--to-schema=v2.prisma', '--script'],
  ];
  for (const args of cases) {
    const before = snapshot(dir);
    const inWorker = runCli(['diff', ...args], { cwd: dir, env: { CODEGEN_DIFF_WORKER: '1' } });
    const inProcess = runCli(['diff', ...args], { cwd: dir, env: { CODEGEN_DIFF_WORKER: '0' } });
    assert.equal(inWorker, inProcess, args.join(' '));
    if (args.includes('drop.prisma')) {
      assert.match(inWorker.stdout, /"code": "D301"[^}]*`Post` table, which is not empty \(3 rows\)/);
      assert.match(inWorker.stdout, /"code": "D308"[^}]*There are 2 rows in this table/);
    }
    if (args.includes('unique.prisma')) assert.match(inWorker.stdout, /"code": "D305"[^}]*1 value is duplicated/);
    assert.equal(snapshot(dir), before, `diff ${args.join(' ')} created or modified a file`);
  }
});

test('a reader that stops early (`… --script | head`): the rest of the output is dropped, no stack trace, the exit code as it would be', async () => {
  // Enough SQL to fill the pipe, so that writes meet the closed end.
  const models = Array.from({ length: 2000 }, (_, i) => `model Item${i} {\n  id Int @id @default(autoincrement())\n  name String @unique\n  note String?\n}\n`).join('');
  const dir = tempProject({ 'schema.prisma': DATASOURCE + models });
  for (const [extra, expected] of [
    [[], 0],
    [['--exit-code'], 2],
  ] as const) {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/codegen.cjs'), 'diff', '--from-empty', '--to-schema', 'schema.prisma', '--script', ...extra], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const head = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().slice(0, 20))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.match(head, /^-- CreateTable/);
    assert.is(code, expected, stderr);
    assert.is(stderr, '');
  }
});

test('results that cannot be written (stdout on a full disk): P115 on stderr, exit 1, no stack trace', () => {
  if (!existsSync('/dev/full')) return; // Linux only
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/codegen.cjs'), 'diff', '--from-empty', '--to-schema', 'schema.prisma', '--script'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    assert.is(r.status, 1);
    assert.match(r.stderr, /^error P115 Cannot write the output: ENOSPC/);
    assert.not.match(r.stderr, /\n\s+at /);
  } finally {
    closeSync(full);
  }
});

test.run();
