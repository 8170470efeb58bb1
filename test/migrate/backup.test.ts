// migrate({ backup }): the copy taken before an app update changes an existing database, including when several
// processes launch at once (each one finds the migration pending and backs up).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { ROOT, tempProject } from '../helpers/cli.ts';
import { migrate } from '../../src/api/migrate.ts';

const INIT = 'CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL);\n';
const POSTS = 'CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL);\n';
const TAGS = 'CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "label" TEXT NOT NULL);\n';

/** A database with INIT applied and one user in it, in a fresh folder. */
function installedV1(): { dir: string; db: string } {
  const dir = tempProject();
  const db = path.join(dir, 'app.db');
  migrate({ path: db, migrations: [{ name: '20240101000000_init', sql: INIT }] });
  const d = new Database(db);
  d.prepare('INSERT INTO "User" ("email") VALUES (?)').run('ada@example.com');
  d.close();
  return { dir, db };
}

const backups = (dir: string): string[] => readdirSync(dir).filter((f) => f.includes('.backup-')).sort();

function appliedIn(file: string): string[] {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name').pluck().all() as string[];
  } finally {
    d.close();
  }
}

test('two updates within one second: two backups, neither replaces the other', () => {
  const { dir, db } = installedV1();
  const first = migrate({ path: db, migrations: [{ name: '20240101000000_init', sql: INIT }, { name: '20240102000000_posts', sql: POSTS }], backup: true });
  const second = migrate({ path: db, migrations: [{ name: '20240101000000_init', sql: INIT }, { name: '20240102000000_posts', sql: POSTS }, { name: '20240103000000_tags', sql: TAGS }], backup: true });
  assert.ok(first.backup && second.backup && first.backup !== second.backup);
  assert.equal(appliedIn(first.backup!), ['20240101000000_init'], 'the first copy is the database before the first update');
  assert.equal(appliedIn(second.backup!), ['20240101000000_init', '20240102000000_posts']);
  assert.equal(backups(dir).length, 2);
  assert.not.ok(readdirSync(dir).some((f) => f.endsWith('.partial')), 'no partial copy left behind');
});

test('4 processes launching at once on an updated app: all succeed, one applies, every backup is the database before', async () => {
  const { dir, db } = installedV1();
  const folder = tempProject({
    'migrations/migration_lock.toml': 'provider = "sqlite"\n',
    'migrations/20240101000000_init/migration.sql': INIT,
    'migrations/20240102000000_posts/migration.sql': POSTS,
  });
  // Hold the write lock until every process is about to apply, so that they really collide (backups included).
  const gate = new Database(db);
  gate.exec('BEGIN IMMEDIATE');
  const launcher = `import { migrate } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/migrate.js')).href)};
const r = migrate({ path: process.argv[1], migrationsDir: process.argv[2], backup: true, onMigrationStart: (n) => console.log('applying ' + n) });
console.log(JSON.stringify(r.applied));`;
  let waiting = 0;
  let release!: () => void;
  const allWaiting = new Promise<void>((resolve) => (release = resolve));
  const runs = [0, 1, 2, 3].map(
    () =>
      new Promise<{ code: number; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', launcher, db, path.join(folder, 'migrations')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          if (/applying/.test(d.toString()) && ++waiting === 4) release();
        });
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => {
          release(); // a process that failed before applying must not keep the others waiting
          resolve({ code: code ?? -1, out });
        });
      }),
  );
  await allWaiting;
  await new Promise((r) => setTimeout(r, 100));
  gate.exec('COMMIT');
  gate.close();
  const results = await Promise.all(runs);
  assert.equal(results.map((r) => r.code), [0, 0, 0, 0], results.map((r) => r.out).join('\n'));
  assert.is(results.filter((r) => r.out.includes('["20240102000000_posts"]')).length, 1, 'exactly one process applied it');
  assert.equal(appliedIn(db), ['20240101000000_init', '20240102000000_posts']);
  const copies = backups(dir);
  assert.ok(copies.length >= 1 && copies.length <= 3, copies.join(', '));
  for (const copy of copies) assert.equal(appliedIn(path.join(dir, copy)), ['20240101000000_init'], `${copy} is the database before the update`);
  assert.not.ok(readdirSync(dir).some((f) => f.endsWith('.partial')));
});

test('a launch killed while it copies leaves a partial backup: the next launch removes it and backs up afresh', async () => {
  const { dir, db } = installedV1();
  const d = new Database(db);
  // Enough data (~40 MB) that the copy takes long enough to be caught half-way.
  d.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000) INSERT INTO "User" ("email") SELECT printf('user%d-%s@example.com', i, hex(randomblob(32))) FROM n`);
  d.close();
  const folder = tempProject({
    'migrations/migration_lock.toml': 'provider = "sqlite"\n',
    'migrations/20240101000000_init/migration.sql': INIT,
    'migrations/20240102000000_posts/migration.sql': POSTS,
  });
  const launcher = `import { migrate } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/migrate.js')).href)};
migrate({ path: process.argv[1], migrationsDir: process.argv[2], backup: true });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', launcher, db, path.join(folder, 'migrations')], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let caught = false;
  for (let waited = 0; waited < 20_000 && child.exitCode === null; waited += 2) {
    if (readdirSync(dir).some((f) => f.endsWith('.partial'))) {
      child.kill('SIGKILL');
      caught = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await exited;
  assert.ok(caught, 'the launch was killed during its copy');
  assert.ok(readdirSync(dir).some((f) => f.endsWith('.partial')), 'the killed launch left its partial copy');
  assert.equal(appliedIn(db), ['20240101000000_init'], 'nothing was applied by the killed launch');

  const next = migrate({ path: db, migrationsDir: path.join(folder, 'migrations'), backup: true });
  assert.equal(next.applied, ['20240102000000_posts']);
  assert.equal(appliedIn(next.backup!), ['20240101000000_init']);
  assert.not.ok(readdirSync(dir).some((f) => f.endsWith('.partial')), 'the abandoned partial copy is gone');
});

test.run();
