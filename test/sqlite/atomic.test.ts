import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { AtomicUnitError } from '../../src/sqlite/errors.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { createDatabase } from '../helpers/sqlite.ts';

const PARENT_CHILD = `
CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL);
CREATE TABLE "Post" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "authorId" INTEGER NOT NULL,
  CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "User" ("id", "name") VALUES (1, 'ada'), (2, 'bob');
INSERT INTO "Post" ("id", "authorId") VALUES (10, 1), (11, 1), (12, 2);`;

/** Prisma's RedefineTables for the parent, without its pragmas (the unit owns them). */
const REBUILD_USER = [
  'CREATE TABLE "new_User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, "bio" TEXT)',
  'INSERT INTO "new_User" ("id", "name") SELECT "id", "name" FROM "User"',
  'DROP TABLE "User"',
  'ALTER TABLE "new_User" RENAME TO "User"',
];

function open(sql = PARENT_CHILD): DatabaseConnection {
  return openDatabase(createDatabase(sql));
}
function atomicError(fn: () => void): AtomicUnitError {
  try {
    fn();
  } catch (e) {
    assert.instance(e, AtomicUnitError);
    return e as AtomicUnitError;
  }
  assert.unreachable('expected an AtomicUnitError');
  throw new Error('unreachable');
}
function count(conn: DatabaseConnection, table: string): number {
  return conn.query(`SELECT count(*) AS n FROM "${table}"`)[0]!.n as number;
}
function foreignKeys(conn: DatabaseConnection): number {
  return conn.query('PRAGMA foreign_keys')[0]!.foreign_keys as number;
}
function tableNames(conn: DatabaseConnection): string[] {
  return conn.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name").map((r) => r.name as string);
}

test('a unit commits all its statements', () => {
  const conn = open();
  conn.runAtomic(['CREATE TABLE "Tag" ("id" INTEGER PRIMARY KEY)', 'INSERT INTO "Tag" VALUES (1); INSERT INTO "Tag" VALUES (2)']);
  assert.is(count(conn, 'Tag'), 2);
  conn.close();
});

test('a failing statement rolls the whole unit back and names the statement', () => {
  const conn = open();
  const e = atomicError(() =>
    conn.runAtomic(['CREATE TABLE "Tag" ("id" INTEGER PRIMARY KEY)', 'INSERT INTO "Tag" VALUES (1)', 'DELETE FROM "Post"', 'INSERT INTO "Nope" VALUES (1)', 'DROP TABLE "User"']),
  );
  assert.is(e.diagnostic.code, 'I610');
  assert.is(e.statementIndex, 3);
  assert.is(e.sqliteCode, 'SQLITE_ERROR');
  assert.match(e.diagnostic.message, /^Statement 4 of 5 failed: no such table: Nope\. Nothing was changed\.\n {2}INSERT INTO "Nope" VALUES \(1\)$/);
  assert.equal(tableNames(conn), ['Post', 'User']);
  assert.is(count(conn, 'Post'), 3);
  assert.is(foreignKeys(conn), 1);
  conn.close();
});

test('foreignKeysOff: rebuilding a parent keeps ON DELETE CASCADE children, and foreign keys come back on', () => {
  const conn = open();
  assert.is(foreignKeys(conn), 1, 'better-sqlite3 turns foreign keys on by default');
  conn.runAtomic(REBUILD_USER, { foreignKeysOff: true });
  assert.is(count(conn, 'Post'), 3, 'no child row was cascaded away');
  assert.is(foreignKeys(conn), 1);
  conn.close();
});

test('without foreignKeysOff the same rebuild cascades into the children (why the option exists)', () => {
  const conn = open();
  conn.runAtomic(REBUILD_USER);
  assert.is(count(conn, 'Post'), 0);
  conn.close();
});

test('a foreign-key violation aborts before COMMIT, names the rows, rolls back, and restores foreign keys', () => {
  const conn = open();
  const e = atomicError(() =>
    conn.runAtomic(['INSERT INTO "Post" ("id", "authorId") VALUES (20, 99)', 'DELETE FROM "User" WHERE "id" = 2', 'CREATE TABLE "Other" (x)'], { foreignKeysOff: true }),
  );
  assert.is(e.diagnostic.code, 'I609');
  assert.equal(e.violations, [
    { table: 'Post', rowid: 12, parent: 'User', columns: ['authorId'] },
    { table: 'Post', rowid: 20, parent: 'User', columns: ['authorId'] },
  ]);
  assert.match(e.diagnostic.message, /^2 rows would break foreign keys, so nothing was changed:\n {2}"Post" row 12: \("authorId"\) has no matching row in "User"/);
  assert.equal(tableNames(conn), ['Post', 'User']);
  assert.is(count(conn, 'Post'), 3);
  assert.is(count(conn, 'User'), 2);
  assert.is(foreignKeys(conn), 1);
  conn.close();
});

test('a long list of violations is cut, with the total', () => {
  const conn = open();
  const inserts = Array.from({ length: 15 }, (_, i) => `INSERT INTO "Post" ("authorId") VALUES (${100 + i})`);
  const e = atomicError(() => conn.runAtomic(inserts, { foreignKeysOff: true }));
  assert.is(e.violations.length, 10);
  assert.match(e.diagnostic.message, /^15 rows would break foreign keys.*\n[\s\S]*… and 5 more$/);
  conn.close();
});

test('checkForeignKeys: false leaves the check to the caller', () => {
  const conn = open();
  conn.runAtomic(['INSERT INTO "Post" ("id", "authorId") VALUES (20, 99)'], { foreignKeysOff: true, checkForeignKeys: false });
  assert.is(count(conn, 'Post'), 4);
  conn.close();
});

test('transaction control inside a unit is refused before anything runs', () => {
  const conn = open();
  const e = atomicError(() => conn.runAtomic(['CREATE TABLE "A" (x)', 'INSERT INTO "User" ("name") VALUES (\'c\'); COMMIT;', 'CREATE TABLE "B" (x)']));
  assert.is(e.diagnostic.code, 'I610');
  assert.is(e.statementIndex, 1);
  assert.match(e.diagnostic.message, /^Statement 2 contains `COMMIT`/);
  assert.equal(tableNames(conn), ['Post', 'User']);
  assert.is(count(conn, 'User'), 2);
  conn.close();
});

test("Prisma's own pragmas inside a unit are harmless; triggers with BEGIN … END are fine", () => {
  const conn = open();
  conn.runAtomic(
    [
      ['PRAGMA defer_foreign_keys=ON;', 'PRAGMA foreign_keys=OFF;', ...REBUILD_USER.map((s) => s + ';'), 'PRAGMA foreign_keys=ON;', 'PRAGMA defer_foreign_keys=OFF;'].join('\n'),
      'CREATE TRIGGER "Post_touch" AFTER INSERT ON "Post" BEGIN UPDATE "User" SET "name" = "name" WHERE "id" = NEW."authorId"; END',
    ],
    { foreignKeysOff: true },
  );
  assert.is(count(conn, 'Post'), 3);
  assert.is(foreignKeys(conn), 1);
  conn.close();
});

test('query() reads; a write through query() is a bug', () => {
  const conn = open();
  assert.equal(conn.query('SELECT "name" FROM "User" WHERE "id" = ?', [2]), [{ name: 'bob' }]);
  assert.throws(() => conn.query('DELETE FROM "User"'), /read-only statements/);
  assert.throws(() => conn.query('INSERT INTO "User" ("name") VALUES (\'x\') RETURNING "id"'), /read-only statements/);
  assert.is(count(conn, 'User'), 2);
  conn.close();
});

test('close() is idempotent', () => {
  const conn = open();
  conn.close();
  conn.close();
});

test.run();
