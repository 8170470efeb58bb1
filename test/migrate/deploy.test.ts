import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BIN, runCli, tempProject } from '../helpers/cli.ts';
import { migrate, MigrationError } from '../../src/api/migrate.ts';
import { migrationChecksum } from '../../src/migrate/checksum.ts';

const INIT = '-- CreateTable\nCREATE TABLE "User" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "email" TEXT NOT NULL\n);\n\n-- CreateIndex\nCREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n';
const POSTS =
  '-- CreateTable\nCREATE TABLE "Post" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "authorId" INTEGER NOT NULL,\n    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE\n);\n';

function project(migrations: Record<string, string>, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'prisma/migrations/migration_lock.toml': 'provider = "sqlite"' };
  for (const [name, sql] of Object.entries(migrations)) files[`prisma/migrations/${name}/migration.sql`] = sql;
  return tempProject({ ...files, ...extra });
}

function history(db: string): { migration_name: string; finished_at: string | null; rolled_back_at: string | null; checksum: string; logs: string | null; applied_steps_count: number }[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT migration_name, finished_at, rolled_back_at, checksum, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at, rowid').all() as never;
  } finally {
    d.close();
  }
}

function tables(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
  } finally {
    d.close();
  }
}

test('deploy creates the database, applies in name order, records Prisma-shaped rows; a second deploy is a no-op', () => {
  const dir = project({ '20240101000000_init': INIT, '20240102000000_posts': POSTS });
  const r = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Created the database dev\.db/);
  const rows = history(path.join(dir, 'dev.db'));
  assert.equal(rows.map((x) => x.migration_name), ['20240101000000_init', '20240102000000_posts']);
  assert.is(rows[0]!.checksum, migrationChecksum(INIT));
  assert.is(rows[0]!.applied_steps_count, 1);
  assert.match(rows[0]!.finished_at!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  const again = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(again.code, 0);
  assert.match(again.stdout, /No pending migrations/);
  assert.is(runCli(['migrate', 'status', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0);
});

test('status exits 2 with pending migrations, and says the database does not exist without creating it', () => {
  const dir = project({ '20240101000000_init': INIT });
  const missing = runCli(['migrate', 'status', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(missing.code, 2);
  assert.match(missing.stdout, /does not exist yet/);
  assert.not.ok(existsSync(path.join(dir, 'dev.db')), 'status never creates the database');
});

test('a failing statement rolls the whole migration back, records it as failed, and blocks until resolved', () => {
  const broken = 'CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);\n';
  const dir = project({ '20240101000000_init': INIT, '20240102000000_broken': broken });
  const db = path.join(dir, 'dev.db');
  const r = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /M413/);
  assert.not.match(r.stderr, /\n\s+at /);
  assert.equal(tables(db), ['User', '_prisma_migrations'], 'the Tag table of the failed migration is gone');
  const rows = history(db);
  assert.is(rows.length, 2);
  assert.is(rows[1]!.finished_at, null);
  assert.match(rows[1]!.logs ?? '', /Nope/);
  const blocked = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(blocked.code, 1);
  assert.match(blocked.stderr, /M410/);
  assert.match(blocked.stderr, /migrate resolve --rolled-back 20240102000000_broken/);
  // Fix the file, resolve, deploy again.
  writeFileSync(path.join(dir, 'prisma/migrations/20240102000000_broken/migration.sql'), 'CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
  assert.is(runCli(['migrate', 'resolve', '--rolled-back', '20240102000000_broken', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0);
  const fixed = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(fixed.code, 0, fixed.stderr);
  assert.equal(tables(db), ['Tag', 'User', '_prisma_migrations']);
});

test('an edited applied migration is an error naming it; --allow-modified accepts it; CRLF churn is not an edit', () => {
  const dir = project({ '20240101000000_init': INIT });
  assert.is(runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0);
  const file = path.join(dir, 'prisma/migrations/20240101000000_init/migration.sql');
  writeFileSync(file, INIT.replace(/\n/g, '\r\n'));
  assert.is(runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0, 'CRLF only');
  writeFileSync(file, INIT + '\n-- a comment\n');
  const r = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /M411 .*20240101000000_init/);
  const allowed = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations', '--allow-modified'], { cwd: dir });
  assert.is(allowed.code, 0);
  assert.match(allowed.stderr, /M411/);
});

test('a deleted applied migration is reported as missing', () => {
  const dir = project({ '20240101000000_init': INIT, '20240102000000_posts': POSTS });
  assert.is(runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0);
  rmSync(path.join(dir, 'prisma/migrations/20240102000000_posts'), { recursive: true });
  const status = runCli(['migrate', 'status', '--db', 'dev.db', '--migrations', 'prisma/migrations', '--format', 'json'], { cwd: dir });
  assert.equal(JSON.parse(status.stdout).missing, ['20240102000000_posts']);
  const deploy = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(deploy.code, 0);
  assert.match(deploy.stderr, /M412/);
});

test('migrations merged from another branch apply even when their names sort before applied ones', () => {
  const dir = project({ '20240101000000_init': INIT, '20240103000000_posts': POSTS });
  assert.is(runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0);
  mkdirSync(path.join(dir, 'prisma/migrations/20240102000000_branch'));
  writeFileSync(path.join(dir, 'prisma/migrations/20240102000000_branch/migration.sql'), 'ALTER TABLE "User" ADD COLUMN "nick" TEXT;\n');
  const status = JSON.parse(runCli(['migrate', 'status', '--db', 'dev.db', '--migrations', 'prisma/migrations', '--format', 'json'], { cwd: dir }).stdout);
  assert.equal(status.pending, ['20240102000000_branch']);
  assert.equal(status.outOfOrder, ['20240102000000_branch']);
  assert.is(runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir }).code, 0);
  assert.equal(history(path.join(dir, 'dev.db')).map((r) => r.migration_name), ['20240101000000_init', '20240103000000_posts', '20240102000000_branch']);
});

test('a database Prisma migrated is accepted as is (rows as Prisma writes them)', () => {
  const dir = project({ '20240101000000_init': INIT });
  const db = new Database(path.join(dir, 'dev.db'));
  db.exec(INIT);
  db.exec(`CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
  // Prisma's Rust engine stored times as integer milliseconds; the JS engine as ISO text. Both are read.
  db.prepare('INSERT INTO _prisma_migrations VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)').run('3f6b9d0e-1111-4222-8333-944445555666', migrationChecksum(INIT), 1704067200123, '20240101000000_init', 1704067200000);
  db.close();
  const r = runCli(['migrate', 'status', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /up to date/);
});

test('missing database folder, read-only database: clear coded errors, nothing created', () => {
  const dir = project({ '20240101000000_init': INIT });
  const r = runCli(['migrate', 'deploy', '--db', 'nowhere/dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /error I6\d\d /);
  assert.not.match(r.stderr, /\n\s+at /);
  const ro = path.join(dir, 'ro.db');
  new Database(ro).close();
  chmodSync(ro, 0o444);
  const asRoot = process.getuid?.() === 0;
  const readOnly = runCli(['migrate', 'deploy', '--db', 'ro.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  if (!asRoot) {
    assert.is(readOnly.code, 1);
    assert.match(readOnly.stderr, /error I6\d\d /);
  }
  assert.not.match(readOnly.stderr, /\n\s+at /);
});

test('a full disk (max_page_count) fails with a coded error and leaves no partial state', () => {
  const dir = project({ '20240101000000_init': INIT });
  const file = path.join(dir, 'dev.db');
  const db = new Database(file);
  migrate({ db, migrationsDir: path.join(dir, 'prisma/migrations') });
  db.exec('CREATE TABLE "Blob" ("id" INTEGER PRIMARY KEY, "data" BLOB)');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages + 2}`);
  mkdirSync(path.join(dir, 'prisma/migrations/20240102000000_big'));
  writeFileSync(
    path.join(dir, 'prisma/migrations/20240102000000_big/migration.sql'),
    'ALTER TABLE "User" ADD COLUMN "bio" TEXT;\nINSERT INTO "Blob" ("data") SELECT randomblob(100000) FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3);\n',
  );
  let error: unknown;
  try {
    migrate({ db, migrationsDir: path.join(dir, 'prisma/migrations') });
  } catch (e) {
    error = e;
  }
  assert.instance(error, MigrationError);
  assert.match((error as MigrationError).diagnostic.code, /^(M413|I6\d\d)$/);
  const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('User');
  assert.equal(cols, ['id', 'email'], 'the ALTER of the failed migration was rolled back');
  assert.is(db.prepare('SELECT count(*) FROM "Blob"').pluck().get(), 0);
  db.close();
});

function waitFor(child: ReturnType<typeof spawn>, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (pattern.test(out)) resolve();
    });
    child.on('exit', () => reject(new Error(`exited before ${pattern}: ${out}`)));
  });
}

test('SIGKILL in the middle of a long rebuild: the next launch sees the database exactly as before, then completes', async () => {
  const rebuild =
    'PRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\nCREATE TABLE "new_Item" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "label" TEXT NOT NULL, "score" BIGINT NOT NULL DEFAULT 0);\n' +
    'INSERT INTO "new_Item" ("id", "label", "score") SELECT "id", "label", "score" FROM "Item";\nDROP TABLE "Item";\nALTER TABLE "new_Item" RENAME TO "Item";\nCREATE INDEX "Item_label_idx" ON "Item"("label");\nCREATE INDEX "Item_score_label_idx" ON "Item"("score", "label");\nPRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n';
  const setup =
    'CREATE TABLE "Item" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "label" TEXT NOT NULL, "score" INTEGER NOT NULL DEFAULT 0);\n' +
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) INSERT INTO "Item" ("label", "score") SELECT printf(\'item %08d %s\', i, hex(randomblob(16))), i FROM n;\n';
  const dir = project({ '20240101000000_items': setup, '20240102000000_rebuild': rebuild });
  const db = path.join(dir, 'dev.db');
  // Apply the setup only, then start the rebuild in a child and kill it mid-way.
  const first = runCli(['migrate', 'resolve', '--applied', '20240102000000_rebuild', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(first.code, 1, 'resolve needs the database to exist');
  const only = project({ '20240101000000_items': setup });
  assert.is(runCli(['migrate', 'deploy', '--db', db, '--migrations', path.join(only, 'prisma/migrations')], { cwd: dir }).code, 0);
  const before = readFileSync(db).length;
  let killedMidway = false;
  for (let attempt = 0; attempt < 5 && !killedMidway; attempt++) {
    const child = spawn(process.execPath, [BIN, 'migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    await waitFor(child, /applying 20240102000000_rebuild/);
    await new Promise((r) => setTimeout(r, 60 + attempt * 40));
    killedMidway = child.exitCode === null;
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    if (!killedMidway) break;
    const d = new Database(db, { readonly: true });
    const rows = d.prepare('SELECT count(*) FROM "Item"').pluck().get();
    const cols = d.prepare("SELECT type FROM pragma_table_info('Item') WHERE name = 'score'").pluck().get();
    const applied = d.prepare("SELECT count(*) FROM _prisma_migrations WHERE migration_name = '20240102000000_rebuild'").pluck().get();
    const newTable = d.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'new_Item'").pluck().get();
    d.close();
    assert.is(rows, 200000);
    assert.is(cols, 'INTEGER', 'the table is as before the migration');
    assert.is(applied, 0, 'no history row for the interrupted migration');
    assert.is(newTable, 0);
  }
  assert.ok(killedMidway, 'the child was killed while the migration ran');
  assert.ok(before > 0);
  const r = runCli(['migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  const d = new Database(db, { readonly: true });
  assert.is(d.prepare("SELECT type FROM pragma_table_info('Item') WHERE name = 'score'").pluck().get(), 'BIGINT');
  assert.is(d.prepare('SELECT count(*) FROM "Item"').pluck().get(), 200000);
  d.close();
});

test('4 processes deploying at once: each migration applied exactly once, all succeed', async () => {
  const many: Record<string, string> = { '20240101000000_init': INIT };
  for (let i = 2; i <= 12; i++) many[`202401${String(i).padStart(2, '0')}000000_step${i}`] = `CREATE TABLE "T${i}" ("id" INTEGER PRIMARY KEY, "v" TEXT);\nINSERT INTO "T${i}" ("v") SELECT 'x' FROM (SELECT 1 UNION ALL SELECT 2);\n`;
  const dir = project(many);
  new Database(path.join(dir, 'dev.db')).close();
  const runs = await Promise.all(
    [0, 1, 2, 3].map(
      () =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'migrate', 'deploy', '--db', 'dev.db', '--migrations', 'prisma/migrations'], { cwd: dir, stdio: 'ignore' });
          child.on('exit', (code) => resolve(code ?? -1));
        }),
    ),
  );
  assert.equal(runs, [0, 0, 0, 0]);
  const rows = history(path.join(dir, 'dev.db'));
  assert.is(rows.length, 12);
  assert.is(new Set(rows.map((r) => r.migration_name)).size, 12);
  assert.ok(rows.every((r) => r.finished_at !== null));
  const d = new Database(path.join(dir, 'dev.db'), { readonly: true });
  assert.is(d.prepare('SELECT count(*) FROM "T7"').pluck().get(), 2, 'data inserted once');
  d.close();
});

test.run();
