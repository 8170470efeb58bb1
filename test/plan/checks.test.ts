import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffDatabases } from '../../src/diff/diff.ts';
import { summarizeChanges } from '../../src/diff/summary.ts';
import { checkMigration, countStatements, type Query } from '../../src/plan/checks.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { AtomicUnitError } from '../../src/sqlite/errors.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { applyScript, databaseFromSchema, loadSchemaText, planAgainst } from '../helpers/migration.ts';

const DATASOURCE = 'datasource db {\n  provider = "sqlite"\n}\n';

test('D313: a foreign key now points at a table this migration creates empty, while rows reference it', () => {
  const one = loadSchemaText(DATASOURCE + 'model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  authorId Int?\n  author User? @relation(fields: [authorId], references: [id])\n}\n');
  // User is remapped without declaring the rename: the old table is dropped and "people" is created empty.
  const two = loadSchemaText(DATASOURCE + 'model User {\n  id Int @id\n  posts Post[]\n  @@map("people")\n}\nmodel Post {\n  id Int @id\n  authorId Int?\n  author User? @relation(fields: [authorId], references: [id])\n}\n');
  const conn = databaseFromSchema(one, ['INSERT INTO "User" ("id") VALUES (1), (2);', 'INSERT INTO "Post" ("id", "authorId") VALUES (1, 1), (2, 2), (3, NULL);']);
  const m = planAgainst(conn, two);
  assert.equal(m.safety.unexecutable.map((d) => d.code), ['D313']);
  assert.match(m.safety.unexecutable[0]!.message, /`people` is created empty by this migration, and 2 rows point at it/);
  assert.throws(() => applyScript(conn, m.sql), (e: unknown) => e instanceof AtomicUnitError && e.diagnostic.code === 'I609');
  // Without rows that reference it, the same change runs.
  conn.runAtomic(['UPDATE "Post" SET "authorId" = NULL']);
  assert.equal(planAgainst(conn, two).safety.unexecutable, []);
  conn.close();
});

test('D305: a unique index over a column added with a default, on a table with several rows', () => {
  const one = loadSchemaText(DATASOURCE + 'model Item {\n  id Int @id\n  kind Int\n}\n');
  const two = loadSchemaText(DATASOURCE + 'model Item {\n  id Int @id\n  kind Int\n  code Int @unique @default(42)\n  slot Int @default(0)\n  @@unique([kind, slot])\n}\n');
  const conn = databaseFromSchema(one, ['INSERT INTO "Item" ("id", "kind") VALUES (1, 1), (2, 2), (3, 2);']);
  const m = planAgainst(conn, two);
  assert.equal(m.safety.unexecutable.map((d) => d.code), ['D305', 'D305']);
  assert.match(m.safety.unexecutable[0]!.message, /`\[code\]`.*1 value is duplicated \(the new column `code` gets the same default on every existing row\)/);
  assert.match(m.safety.unexecutable[1]!.message, /`\[kind,slot\]`.*1 value is duplicated/);
  assert.match(m.safety.unexecutable[1]!.hint!, /GROUP BY "kind" HAVING/);
  assert.throws(() => applyScript(conn, m.sql), (e: unknown) => e instanceof AtomicUnitError);
  // One row, or a nullable column without a default (NULLs never collide): it runs.
  conn.runAtomic(['DELETE FROM "Item" WHERE "id" > 1']);
  assert.equal(planAgainst(conn, two).safety.unexecutable, []);
  const nullable = loadSchemaText(DATASOURCE + 'model Item {\n  id Int @id\n  kind Int\n  code Int? @unique\n}\n');
  conn.runAtomic(['INSERT INTO "Item" ("id", "kind") VALUES (2, 2), (3, 2);']);
  assert.equal(planAgainst(conn, nullable).safety.unexecutable, []);
  conn.close();
});

test('D305: a unique column made required with a default, while several rows hold NULL', () => {
  const one = loadSchemaText(DATASOURCE + 'model Item {\n  id Int @id\n  code String? @unique\n}\n');
  const two = loadSchemaText(DATASOURCE + 'model Item {\n  id Int @id\n  code String @unique @default("none")\n}\n');
  const conn = databaseFromSchema(one, [`INSERT INTO "Item" ("id", "code") VALUES (1, 'a'), (2, NULL), (3, NULL);`]);
  const m = planAgainst(conn, two);
  assert.equal(m.safety.unexecutable.map((d) => d.code), ['D305']);
  assert.match(m.safety.unexecutable[0]!.message, /`\[code\]` on the table `Item` would not hold: 1 value is duplicated \(the NULLs of `code`, made required, become the default\)/);
  assert.throws(() => applyScript(conn, m.sql), (e: unknown) => e instanceof AtomicUnitError);
  // One NULL (or a row already holding the default plus one NULL) decides it too.
  conn.runAtomic(['DELETE FROM "Item" WHERE "id" = 3']);
  assert.equal(planAgainst(conn, two).safety.unexecutable, []);
  conn.runAtomic([`UPDATE "Item" SET "code" = 'none' WHERE "id" = 1`]);
  assert.equal(planAgainst(conn, two).safety.unexecutable.map((d) => d.code), ['D305']);
  conn.close();
});

test('row counts read up front, over more tables than one counting statement holds: each table gets its own count', () => {
  // 520 models dropped (counted in two statements of up to 500), one required column added to a table with rows,
  // and one to an empty table.
  const models = Array.from({ length: 520 }, (_, i) => `model T${i} {\n  id Int @id\n}\n`).join('');
  const one = loadSchemaText(DATASOURCE + models + 'model Kept {\n  id Int @id\n}\nmodel Empty {\n  id Int @id\n}\n');
  const two = loadSchemaText(DATASOURCE + 'model Kept {\n  id Int @id\n  name String\n}\nmodel Empty {\n  id Int @id\n  name String\n}\n');
  const rows = Array.from({ length: 520 }, (_, i) => (i % 7 === 0 ? `INSERT INTO "T${i}" ("id") VALUES ${Array.from({ length: (i % 5) + 1 }, (_, k) => `(${k})`).join(', ')};` : ''));
  const conn = databaseFromSchema(one, [...rows.filter(Boolean), 'INSERT INTO "Kept" ("id") VALUES (1), (2), (3);']);
  const m = planAgainst(conn, two);
  const dropped = m.safety.warnings.filter((d) => d.code === 'D301').map((d) => /`(T\d+)` table, which is not empty \((\d+) rows?\)/.exec(d.message)!.slice(1).join('='));
  const expected = Array.from({ length: 520 }, (_, i) => i).filter((i) => i % 7 === 0).map((i) => `T${i}=${(i % 5) + 1}`);
  assert.equal(dropped.sort(), expected.sort());
  assert.equal(m.safety.unexecutable.map((d) => [d.code, /`(\w+)` table/.exec(d.message)![1], /are (\d+) rows/.exec(d.message)?.[1]]), [['D308', 'Kept', '3']]);
  conn.close();
});

test('every count a drop, a cast, a column made required or a required column added reads comes in one statement', () => {
  const one = loadSchemaText(
    DATASOURCE +
      'model A {\n  id Int @id\n  score Float?\n  note String?\n}\n' +
      'model B {\n  id Int @id\n  level String?\n  old String?\n}\n' +
      'model C {\n  id Int @id\n}\n',
  );
  const two = loadSchemaText(DATASOURCE + 'model A {\n  id Int @id\n  score Int?\n  note String\n}\n' + 'model B {\n  id Int @id\n  level Int?\n  extra String\n}\n');
  const conn = databaseFromSchema(one, [
    `INSERT INTO "A" ("id", "score", "note") VALUES (1, 1.5, NULL), (2, NULL, NULL), (3, 2.5, 'x');`,
    `INSERT INTO "B" ("id", "level", "old") VALUES (1, '3', 'o'), (2, NULL, NULL);`,
    'INSERT INTO "C" ("id") VALUES (1), (2), (3), (4);',
  ]);
  const from = introspectDatabase(conn).model;
  const changes = diffDatabases(from, two.model);
  const asked: string[] = [];
  const query: Query = (sql) => {
    asked.push(sql);
    return conn.query(sql);
  };
  const statements = countStatements(from, changes);
  const safety = checkMigration({ from, to: two.model, changes, query, countStatements: statements });
  assert.equal(statements.length, 1);
  assert.equal(asked, [statements[0]!.sql], 'a check ran a count of its own');
  assert.equal(
    safety.warnings.map((d) => d.code),
    ['D301', 'D303', 'D303', 'D302'],
  );
  assert.match(safety.warnings[0]!.message, /`C` table, which is not empty \(4 rows\)/);
  assert.match(safety.warnings[1]!.message, /`score`.*2 non-null values/);
  assert.match(safety.warnings[2]!.message, /`level`.*1 non-null value\./);
  assert.match(safety.warnings[3]!.message, /`old`.*1 non-null value\./);
  assert.equal(
    safety.unexecutable.map((d) => d.code),
    ['D309', 'D308'],
  );
  assert.match(safety.unexecutable[0]!.message, /`note`.*are 2 existing NULL values/);
  assert.match(safety.unexecutable[1]!.message, /`extra`.*are 2 rows/);
  // Without the statements, checkMigration builds the same ones itself: the same findings, in one query.
  asked.length = 0;
  assert.equal(checkMigration({ from, to: two.model, changes, query }), safety);
  assert.equal(asked.length, 1);
  conn.close();
});

test('a column without a declared type is described as (none), in D303 and in the summary', () => {
  const conn = openDatabase(':memory:');
  conn.runAtomic(['CREATE TABLE "t" ("x" PRIMARY KEY); INSERT INTO "t" VALUES (1);']);
  const m = planAgainst(conn, loadSchemaText(DATASOURCE + 'model t {\n  x Int @id\n}\n'));
  assert.match(m.safety.warnings.find((d) => d.code === 'D303')!.message, /cast from `\(none\)` to `Int`/);
  assert.match(summarizeChanges(m.changes), /type \(none\) → INTEGER/);
  conn.close();
});

test.run();
