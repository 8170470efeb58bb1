/**
 * Dedicated fixtures for what a rebuild must keep: (d) children under ON DELETE CASCADE survive a rebuild of their
 * parent, whether the script runs through our applier or by itself in another tool; (e) the objects the schema does
 * not model (triggers, views, CHECK constraints, COLLATE NOCASE) keep working on a rebuilt table, and an extra index
 * is dropped as a reported change. Also: views and triggers that a migration's drops or renames touch.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import path from 'node:path';
import { summarizeChanges } from '../../src/diff/summary.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { applyScript, assertMigrated, databaseFromSchema, loadSchemaText, planAgainst } from '../helpers/migration.ts';
import { tempDir } from '../helpers/sqlite.ts';

const DATASOURCE = 'datasource db {\n  provider = "sqlite"\n}\n';

function rows(conn: DatabaseConnection, sql: string): unknown[] {
  return conn.query(sql);
}

/** Expects a statement to fail with a message matching `pattern`. */
function fails(conn: DatabaseConnection, sql: string, pattern: RegExp): void {
  assert.throws(() => conn.runAtomic([sql]), pattern);
}

// ── (d) children under ON DELETE CASCADE survive a rebuild of their parent ──────────────────────────────────

const FAMILY = (parent: string) => `${DATASOURCE}
model Owner {
  id      Int      @id
  parents Parent[]
}
${parent}
model Kid {
  id       Int    @id
  parentId Int
  parent   Parent @relation(fields: [parentId], references: [id], onDelete: Cascade)
}
model Pet {
  id       Int     @id
  parentId Int?
  parent   Parent? @relation(fields: [parentId], references: [id], onDelete: SetNull)
}
model Tag {
  id      Int      @id
  parents Parent[]
}
`;
const PARENT_V1 = 'model Parent {\n  id      Int    @id\n  size    Int\n  label   String?\n  ownerId Int?\n  owner   Owner? @relation(fields: [ownerId], references: [id])\n  kids    Kid[]\n  pets    Pet[]\n  tags    Tag[]\n}';
const FAMILY_ROWS = [
  'INSERT INTO "Owner" ("id") VALUES (1), (2);',
  `INSERT INTO "Parent" ("id", "size", "label", "ownerId") VALUES (1, 10, 'a', 1), (2, 20, NULL, NULL), (3, 30, 'c', 2);`,
  'INSERT INTO "Kid" ("id", "parentId") VALUES (1, 1), (2, 1), (3, 2), (4, 3);',
  'INSERT INTO "Pet" ("id", "parentId") VALUES (1, 1), (2, 3), (3, NULL);',
  'INSERT INTO "Tag" ("id") VALUES (1), (2);',
  'INSERT INTO "_ParentToTag" ("A", "B") VALUES (1, 1), (1, 2), (3, 2);',
];
const PARENT_CHANGES: Record<string, string> = {
  'a type change': PARENT_V1.replace('size    Int', 'size    BigInt'),
  'a column made required with a default': PARENT_V1.replace('label   String?', 'label   String @default("none")'),
  'a foreign key change': PARENT_V1.replace('owner   Owner? @relation(fields: [ownerId], references: [id])', 'owner   Owner? @relation(fields: [ownerId], references: [id], onDelete: Cascade)'),
};

const CHILDREN = ['SELECT "id", "parentId" FROM "Kid" ORDER BY "id"', 'SELECT "id", "parentId" FROM "Pet" ORDER BY "id"', 'SELECT "A", "B" FROM "_ParentToTag" ORDER BY "A", "B"'];

for (const [what, parent] of Object.entries(PARENT_CHANGES)) {
  test(`(d) children under ON DELETE CASCADE / SET NULL and m-n rows survive a parent rebuild for ${what}`, () => {
    const one = loadSchemaText(FAMILY(PARENT_V1));
    const two = loadSchemaText(FAMILY(parent));
    const conn = databaseFromSchema(one, FAMILY_ROWS);
    const children = CHILDREN.map((sql) => rows(conn, sql));
    const m = planAgainst(conn, two);
    assert.equal(m.safety.unexecutable, []);
    assert.ok(m.plan.steps.some((s) => s.kind === 'RedefineTables' && s.tables.some((t) => t.to.name === 'Parent')), 'the parent is rebuilt');

    // Another tool runs the file by itself, with foreign keys on (better-sqlite3's default): its pragmas protect the children.
    const file = path.join(tempDir(), 'copy.db');
    conn.backupTo!(file);
    const raw = new Database(file);
    raw.exec(m.sql);
    assert.equal(CHILDREN.map((sql) => raw.prepare(sql).all()), children, 'children lost when the file runs by itself');
    assert.equal(raw.prepare('PRAGMA foreign_key_check').all(), []);
    raw.close();

    applyScript(conn, m.sql);
    assertMigrated(conn, two.model);
    assert.equal(CHILDREN.map((sql) => rows(conn, sql)), children, 'children lost through the applier');
    // The cascade itself still works after the rebuild.
    conn.runAtomic(['DELETE FROM "Parent" WHERE "id" = 1']);
    assert.equal(rows(conn, 'SELECT "id" FROM "Kid" ORDER BY "id"'), [{ id: 3 }, { id: 4 }]);
    assert.equal(rows(conn, 'SELECT "parentId" FROM "Pet" WHERE "id" = 1'), [{ parentId: null }]);
    conn.close();
  });
}

// ── (e) what the schema does not model survives a rebuild ─────────────────────────────────────────────────────

/** A Spacedrive-style hand-edited table: COLLATE NOCASE, CHECKs, a trigger, views and an index the schema lacks. */
const HAND_EDITED = `
CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT COLLATE NOCASE NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0 CHECK ("score" >= 0),
    "color" TEXT,
    CONSTRAINT "score_small" CHECK ("score" < 1000)
);
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");
CREATE INDEX "Tag_score_name_extra" ON "Tag"("score", "name");
CREATE TABLE "Audit" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "what" TEXT NOT NULL);
CREATE TRIGGER "Tag_audit" AFTER INSERT ON "Tag" BEGIN INSERT INTO "Audit" ("what") VALUES ('tag ' || NEW."name"); END;
CREATE TRIGGER "Audit_guard" BEFORE DELETE ON "Audit" WHEN (SELECT count(*) FROM "Tag") > 0 BEGIN SELECT RAISE(ABORT, 'audit is kept while tags exist'); END;
CREATE VIEW "TagNames" AS SELECT "name", "score" FROM "Tag" ORDER BY "name";
CREATE VIEW "TopTags" AS SELECT "name" FROM "TagNames" WHERE "score" > 1;
INSERT INTO "Tag" ("name", "score", "color") VALUES ('alpha', 1, 'red'), ('Beta', 2, NULL);
`;
const TAG_SCHEMA = (score: string) => `${DATASOURCE}
model Tag {
  id    Int     @id @default(autoincrement())
  name  String  @unique
  score ${score} @default(0)
  color String?
}
model Audit {
  id   Int    @id @default(autoincrement())
  what String
}
`;

test('(e) a rebuilt table keeps its trigger, the views over it, its CHECKs and COLLATE NOCASE; an extra index is a reported DropIndex', () => {
  const conn = openDatabase(':memory:');
  conn.runAtomic([HAND_EDITED]);
  const two = loadSchemaText(TAG_SCHEMA('BigInt'));
  const m = planAgainst(conn, two);
  assert.equal(m.safety.unexecutable, []);
  assert.equal(m.plan.notes, []);
  // The extra index is not in the schema: reported in the summary and dropped by name in the script.
  assert.match(summarizeChanges(m.changes), /\[-\] Removed index `Tag_score_name_extra` on columns \(score, name\)/);
  assert.equal(m.plan.steps.map((s) => s.kind), ['DropIndex', 'RedefineTables']);
  assert.match(m.sql, /-- DropIndex\nDROP INDEX "Tag_score_name_extra";\n\n-- RedefineTables/);
  assert.match(m.sql, /"name" TEXT COLLATE NOCASE NOT NULL/);
  applyScript(conn, m.sql);
  assertMigrated(conn, two.model);

  assert.equal(rows(conn, 'SELECT "name", "score", "color" FROM "Tag" ORDER BY "id"'), [
    { name: 'alpha', score: 1, color: 'red' },
    { name: 'Beta', score: 2, color: null },
  ]);
  // The trigger still fires, and the other table's trigger that reads Tag still works.
  conn.runAtomic([`INSERT INTO "Tag" ("name", "score") VALUES ('gamma', 5)`]);
  assert.equal(rows(conn, 'SELECT "what" FROM "Audit" ORDER BY "id"'), [{ what: 'tag alpha' }, { what: 'tag Beta' }, { what: 'tag gamma' }]);
  fails(conn, 'DELETE FROM "Audit"', /audit is kept while tags exist/);
  // The views (one over the other) still work.
  assert.equal(rows(conn, 'SELECT "name" FROM "TopTags"'), [{ name: 'Beta' }, { name: 'gamma' }]);
  // COLLATE NOCASE still applies: to comparisons and to the unique index.
  assert.equal(rows(conn, `SELECT "id" FROM "Tag" WHERE "name" = 'ALPHA'`), [{ id: 1 }]);
  fails(conn, `INSERT INTO "Tag" ("name") VALUES ('BETA')`, /UNIQUE constraint failed/);
  // The CHECK constraints still hold, the named one by its name.
  fails(conn, `INSERT INTO "Tag" ("name", "score") VALUES ('neg', -1)`, /CHECK constraint failed/);
  fails(conn, `INSERT INTO "Tag" ("name", "score") VALUES ('big', 5000)`, /CHECK constraint failed: score_small/);
  // And the schema can still change: SQLite checks every view and trigger on a rename.
  conn.runAtomic(['ALTER TABLE "Tag" RENAME COLUMN "color" TO "colour"']);
  conn.close();
});

// ── Views and triggers that the migration's drops and renames touch ─────────────────────────────────────────

const BASE = `
CREATE TABLE "T" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "a" INTEGER NOT NULL CHECK ("a" > 0), "b" INTEGER, "c" INTEGER GENERATED ALWAYS AS ("a" * 2) VIRTUAL);
CREATE TABLE "Log" ("x" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
INSERT INTO "T" ("id", "a", "b") VALUES (1, 3, 4);
`;
const T = (fields: string, attributes = '') => `${DATASOURCE}
model T {
  id Int @id
${fields}
  c Unsupported("INTEGER")?
${attributes}}
model Log {
  x Int @id
}
`;

function migrateHandEdited(sql: string, schema: string) {
  const conn = openDatabase(':memory:');
  conn.runAtomic([BASE + sql]);
  const two = loadSchemaText(schema);
  const m = planAgainst(conn, two);
  assert.equal(m.safety.unexecutable, []);
  applyScript(conn, m.sql);
  assertMigrated(conn, two.model);
  return { conn, m };
}

test('a column renamed in a rebuilt table: renamed natively first, so the CHECK, the generated column, the trigger and the view follow it', () => {
  const { conn, m } = migrateHandEdited(
    `CREATE TRIGGER "t_ins" AFTER INSERT ON "T" BEGIN INSERT INTO "Log" VALUES (NEW."a" + 100); END;
     CREATE VIEW "V" AS SELECT "a", "b" FROM "T";`,
    T('  /// @renamed(from: "a")\n  aa Int\n  b BigInt?'),
  );
  assert.equal(m.plan.steps.map((s) => s.kind), ['RenameColumn', 'RedefineTables']);
  assert.match(m.sql, /CHECK \("aa" > 0\)/);
  assert.match(m.sql, /GENERATED ALWAYS AS \("aa" \* 2\)/);
  assert.match(m.sql, /VALUES \(NEW\."aa" \+ 100\)/);
  conn.runAtomic(['INSERT INTO "T" ("id", "aa") VALUES (2, 7)']);
  assert.equal(rows(conn, 'SELECT "x" FROM "Log"'), [{ x: 107 }]);
  assert.equal(rows(conn, 'SELECT "aa", "b" FROM "V" ORDER BY "aa"'), [{ aa: 3, b: 4 }, { aa: 7, b: null }]);
  assert.equal(rows(conn, 'SELECT "c" FROM "T" ORDER BY "id"'), [{ c: 6 }, { c: 14 }]);
  fails(conn, 'INSERT INTO "T" ("id", "aa") VALUES (3, 0)', /CHECK constraint failed/);
  conn.close();
});

test('a table renamed and rebuilt: its trigger is recreated on the new name', () => {
  const { conn } = migrateHandEdited(
    `CREATE TRIGGER "t_ins" AFTER INSERT ON "T" BEGIN INSERT INTO "Log" SELECT max("id") + 10 FROM "T"; END;`,
    T('  a Int\n  b BigInt?', '  @@map("T2")\n').replace('model T {', '/// @renamed(from: "T")\nmodel T {'),
  );
  conn.runAtomic(['INSERT INTO "T2" ("id", "a") VALUES (2, 1)']);
  assert.equal(rows(conn, 'SELECT "x" FROM "Log"'), [{ x: 12 }]);
  conn.close();
});

test('D312: a view over a dropped table is dropped first and reported; later renames still work', () => {
  const { conn, m } = migrateHandEdited(`CREATE TABLE "U" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT); CREATE VIEW "VU" AS SELECT "id" FROM "U";`, T('  a Int\n  b Int?'));
  assert.equal(m.plan.steps.map((s) => s.kind), ['DropView', 'DropTable']);
  assert.equal(m.plan.notes.map((d) => d.code), ['D312']);
  assert.match(m.plan.notes[0]!.message, /The view `VU` names the table `U`, which this migration drops, so the migration drops the view\./);
  assert.match(m.sql, /^\/\*\n  Warnings:\n\n(.*\n)*  - The view `VU` names the table `U`, which this migration drops, so the migration drops the view\.\n/);
  conn.runAtomic(['ALTER TABLE "T" RENAME COLUMN "b" TO "bb"']);
  conn.close();
});

test('D312: a view and a trigger over a dropped column are dropped first and reported; the column is then dropped natively', () => {
  const { conn, m } = migrateHandEdited(
    `CREATE VIEW "VB" AS SELECT "b" FROM "T"; CREATE VIEW "VA" AS SELECT "a" FROM "T";
     CREATE TRIGGER "t_b" AFTER UPDATE OF "b" ON "T" BEGIN INSERT INTO "Log" VALUES (NEW."b"); END;`,
    T('  a Int'),
  );
  assert.equal(m.plan.steps.map((s) => s.kind), ['DropView', 'DropTrigger', 'DropColumn']);
  assert.equal(m.plan.notes.map((d) => d.code), ['D312', 'D312']);
  assert.equal(rows(conn, 'SELECT "a" FROM "VA"'), [{ a: 3 }]);
  conn.runAtomic(['ALTER TABLE "T" RENAME COLUMN "a" TO "aa"']);
  conn.close();
});

test.run();
