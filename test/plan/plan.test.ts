import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openDatabase } from '../../src/sqlite/open.ts';
import { BULK_ALTER_LIMIT } from '../../src/plan/plan.ts';
import { applyScript, assertMigrated, databaseFromSchema, loadSchemaText, planAgainst } from '../helpers/migration.ts';

const DATASOURCE = 'datasource db {\n  provider = "sqlite"\n}\n';

/** Builds `before` with rows, migrates it to `after`, checks the invariants, and returns the script and the connection. */
function migrate(before: string, after: string, rows: readonly string[]) {
  const one = loadSchemaText(DATASOURCE + before);
  const two = loadSchemaText(DATASOURCE + after);
  const conn = databaseFromSchema(one, rows);
  const m = planAgainst(conn, two);
  return { conn, m, two };
}

test('a renamed table that is also rebuilt is copied from its new name (RenameTable runs first)', () => {
  const { conn, m, two } = migrate(
    'model Item {\n  id Int @id\n  n Int?\n  @@map("items")\n}\n',
    '/// @renamed(from: "items")\nmodel Item {\n  id Int @id\n  n BigInt?\n  @@map("things")\n}\n',
    ['INSERT INTO "items" ("id", "n") VALUES (1, 10), (2, NULL);'],
  );
  assert.equal(m.safety.unexecutable, []);
  applyScript(conn, m.sql);
  assertMigrated(conn, two.model);
  assert.equal(conn.query('SELECT "id", "n" FROM "things" ORDER BY "id"'), [{ id: 1, n: 10 }, { id: 2, n: null }]);
  conn.close();
});

test('renaming a parent table or a key column keeps the foreign keys that point at it: SQLite rewrites them, no rebuild', () => {
  const before = 'model User {\n  id Int @id\n  posts Post[]\n  @@map("users")\n}\nmodel Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n';
  const after =
    '/// @renamed(from: "users")\nmodel User {\n  /// @renamed(from: "id")\n  key Int @id @map("user_key")\n  posts Post[]\n  @@map("people")\n}\nmodel Post {\n  id Int @id\n  /// @renamed(from: "authorId")\n  writerId Int\n  author User @relation(fields: [writerId], references: [key])\n}\n';
  const { conn, m, two } = migrate(before, after, ['INSERT INTO "users" ("id") VALUES (1);', 'INSERT INTO "Post" ("id", "authorId") VALUES (5, 1);']);
  assert.equal(m.plan.steps.map((s) => s.kind), ['RenameTable', 'RenameColumn', 'RenameColumn']);
  applyScript(conn, m.sql);
  assertMigrated(conn, two.model);
  assert.equal(conn.query('SELECT "writerId" FROM "Post"'), [{ writerId: 1 }]);
  conn.close();
});

test('an index named with map: is kept through a rename of its column (SQLite rewrites it)', () => {
  const { conn, m, two } = migrate(
    'model Post {\n  id Int @id\n  title String\n  @@index([title], map: "post_title")\n}\n',
    'model Post {\n  id Int @id\n  /// @renamed(from: "title")\n  headline String\n  @@index([headline], map: "post_title")\n}\n',
    ['INSERT INTO "Post" ("id", "title") VALUES (1, \'a\');'],
  );
  assert.equal(m.plan.steps.map((s) => s.kind), ['RenameColumn']);
  applyScript(conn, m.sql);
  assertMigrated(conn, two.model);
  conn.close();
});

test('a generated column the schema cannot declare is kept, not diffed forever', () => {
  const conn = openDatabase(':memory:');
  conn.runAtomic(['CREATE TABLE "T" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "a" INTEGER NOT NULL, "twice" INTEGER GENERATED ALWAYS AS ("a" * 2) VIRTUAL)']);
  const two = loadSchemaText(DATASOURCE + 'model T {\n  id Int @id\n  a Int\n  twice Unsupported("INTEGER")?\n}\n');
  assert.equal(planAgainst(conn, two).changes, []);
  conn.close();
});

test('a few ALTERs stay ALTERs; past BULK_ALTER_LIMIT tables they become one rebuild (SQLite re-reads the schema after each ALTER)', () => {
  const models = (n: number, extra: string) => Array.from({ length: n }, (_, i) => `model M${i} {\n  id Int @id\n${extra}}\n`).join('');
  const rows = ['INSERT INTO "M0" ("id") VALUES (1);'];
  const few = migrate(models(10, ''), models(10, '  note String?\n'), rows);
  assert.ok(few.m.plan.steps.every((s) => s.kind === 'AddColumn'), 'ten nullable columns: ten ALTER TABLE ADD COLUMN');
  few.conn.close();
  const n = BULK_ALTER_LIMIT + 6;
  const many = migrate(models(n, ''), models(n, '  note String?\n'), rows);
  assert.equal(many.m.plan.steps.map((s) => s.kind), ['RedefineTables']);
  assert.match(many.m.sql, /in bulk a rebuild is faster/);
  applyScript(many.conn, many.m.sql);
  assertMigrated(many.conn, many.two.model);
  assert.equal(many.conn.query('SELECT "id", "note" FROM "M0"'), [{ id: 1, note: null }]);
  many.conn.close();
});

test.run();
