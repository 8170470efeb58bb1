import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseModel, Table } from '../../src/database/model.ts';
import { readCatalog, CATALOG_QUERY_COUNT } from '../../src/sqlite/catalog.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { buildDatabaseModel, introspectDatabase, type IntrospectionResult } from '../../src/sqlite/introspect.ts';
import { defaultFromPragma } from '../../src/sqlite/introspect-table.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import Database from 'better-sqlite3';
import { connectionFor } from '../../src/api/migrate.ts';
import { assertGolden } from '../helpers/golden.ts';
import { ROOT } from '../helpers/cli.ts';
import { createDatabase } from '../helpers/sqlite.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures/introspect');

function introspectSql(sql: string): IntrospectionResult {
  const conn = openDatabase(createDatabase(sql), { readonly: true });
  try {
    return introspectDatabase(conn);
  } finally {
    conn.close();
  }
}
function tableOf(model: DatabaseModel, name: string): Table {
  const t = model.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${model.tables.map((x) => x.name).join(', ')}`);
  return t;
}
const fixture = (name: string): IntrospectionResult => introspectSql(readFileSync(path.join(FIXTURES, name, 'schema.sql'), 'utf8'));

// ── golden models: every fixture folder holds schema.sql and the expected model ──────────────────

for (const name of readdirSync(FIXTURES).sort()) {
  test(`fixture ${name}: the model and diagnostics match expected.json`, () => {
    assertGolden(path.join(FIXTURES, name, 'expected.json'), JSON.stringify(fixture(name), null, 2) + '\n');
  });
}

// ── what the goldens show, asserted on its own ───────────────────────────────────────────────

test('Prisma DDL: hidden history table, tables by name, AUTOINCREMENT keys, defaults as written', () => {
  const { model, diagnostics } = fixture('prisma-blog');
  assert.equal(diagnostics, []);
  assert.equal(model.tables.map((t) => t.name), ['_PostToTag', 'Follow', 'Like', 'Post', 'Profile', 'Tag', 'User']);
  const user = tableOf(model, 'User');
  assert.equal(user.primaryKey, { columns: ['id'], autoincrement: true });
  assert.equal(user.columns.find((c) => c.name === 'createdAt'), { name: 'createdAt', type: 'DATETIME', notNull: true, default: 'CURRENT_TIMESTAMP' });
  assert.equal(user.columns.find((c) => c.name === 'role')?.default, "'USER'");
  assert.equal(user.columns.find((c) => c.name === 'active')?.default, 'true');
  assert.equal(user.indexes.map((i) => `${i.name} ${i.origin} ${i.unique}`), ['User_email_key c true', 'User_name_idx c false']);
  assert.equal(tableOf(model, 'Profile').primaryKey, { columns: ['id'], autoincrement: false });
});

test('Prisma DDL: compound keys with and without CONSTRAINT "T_pkey"', () => {
  const { model } = fixture('prisma-blog');
  const like = tableOf(model, 'Like');
  assert.equal(like.primaryKey, { columns: ['postId', 'userId'], autoincrement: false });
  assert.equal(like.indexes.map((i) => [i.origin, i.columns.map((c) => c.name)]), [['pk', ['postId', 'userId']]]);
  assert.equal(tableOf(model, 'Follow').primaryKey, { columns: ['followerId', 'followingId'], autoincrement: false, constraintName: 'Follow_pkey' });
});

test('Prisma DDL: named foreign keys with their actions; partial and descending indexes; rebuilt and altered tables', () => {
  const { model } = fixture('prisma-blog');
  const post = tableOf(model, 'Post');
  assert.equal(post.foreignKeys, [
    { name: 'Post_authorId_fkey', columns: ['authorId'], referencedTable: 'User', referencedColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'CASCADE' },
  ]);
  assert.equal(post.indexes.find((i) => i.name === 'Post_title_idx')?.where, '"published" = 1');
  assert.equal(post.indexes.find((i) => i.name === 'Post_authorId_published_idx')?.columns, [{ name: 'authorId' }, { name: 'published', sort: 'DESC' }]);
  assert.equal(post.columns.at(-1), { name: 'views', type: 'INTEGER', notNull: false, default: '0' });
  assert.equal(tableOf(model, 'Tag').columns.map((c) => c.name), ['id', 'label', 'color']);
  const m2m = tableOf(model, '_PostToTag');
  assert.equal(m2m.foreignKeys.map((f) => `${f.name} ${f.onDelete}/${f.onUpdate}`), ['_PostToTag_A_fkey CASCADE/CASCADE', '_PostToTag_B_fkey CASCADE/CASCADE']);
  assert.equal(m2m.primaryKey, undefined);
});

test('Spacedrive: COLLATE NOCASE columns survive; RESTRICT and CASCADE keys', () => {
  const { model, diagnostics } = fixture('spacedrive-nocase');
  assert.equal(diagnostics, []);
  const filePath = tableOf(model, 'file_path');
  assert.equal(filePath.columns.filter((c) => c.collation).map((c) => `${c.name} ${c.collation}`), ['name NOCASE', 'extension NOCASE']);
  assert.equal(filePath.foreignKeys.map((f) => `${f.name} ${f.onDelete}`), ['file_path_location_id_fkey CASCADE', 'file_path_object_id_fkey RESTRICT']);
  // The index inherits the column's collation; it is not written in the index, so it is not recorded there.
  const key = filePath.indexes.find((i) => i.name === 'file_path_location_id_materialized_path_name_extension_key');
  assert.equal(key?.columns, [{ name: 'location_id' }, { name: 'materialized_path' }, { name: 'name' }, { name: 'extension' }]);
});

test('SQLite features: defaults of every shape, kept with their parentheses', () => {
  const { model } = fixture('sqlite-features');
  const odd = tableOf(model, 'odd table');
  assert.equal(
    odd.columns.map((c) => [c.name, c.type, c.default]),
    [
      ['id', 'INTEGER', undefined],
      ['a"quote', 'TEXT', "'it''s'"],
      ['created', 'TEXT', "(datetime('now'))"],
      ['delta', 'INTEGER', '-1'],
      ['raw', 'BLOB', "X'00ff'"],
      ['stamp', 'DATETIME', 'CURRENT_TIMESTAMP'],
      ['flag', 'BOOLEAN', 'TRUE'],
      ['amount', 'DECIMAL(10, 2)', '0.00'],
      ['untyped', '', undefined],
    ],
  );
  assert.equal(odd.primaryKey, { columns: ['id'], autoincrement: false });
});

test('SQLite features: every referential action, implicit parent key, deferral, CHECKs and a named UNIQUE', () => {
  const { model } = fixture('sqlite-features');
  const child = tableOf(model, 'child');
  assert.equal(
    child.foreignKeys.map((f) => [f.name, f.columns.join(), f.referencedColumns.join(), f.onDelete, f.onUpdate, f.deferrable]),
    [
      [undefined, 'a', '', 'NO ACTION', 'NO ACTION', undefined],
      [undefined, 'b', 'id', 'RESTRICT', 'RESTRICT', undefined],
      ['child_c_fk', 'c', 'id', 'CASCADE', 'NO ACTION', undefined],
      [undefined, 'd', 'id', 'SET NULL', 'NO ACTION', true],
      [undefined, 'e', 'id', 'SET DEFAULT', 'NO ACTION', undefined],
      [undefined, 'code', 'ref', 'NO ACTION', 'CASCADE', undefined],
    ],
  );
  assert.equal(child.checks, [{ expression: 'length(code) <= 8' }, { expression: 'a > 0 OR a IS NULL', name: 'child_positive' }, { expression: 'b <> c' }]);
  assert.equal(
    child.indexes.filter((i) => i.origin === 'u').map((i) => [i.constraintName, i.columns.map((c) => c.name)]),
    [['child_code_key', ['code', 'e']]],
  );
  assert.equal(child.columns.find((c) => c.name === 'code')?.collation, 'NOCASE');
});

test('SQLite features: WITHOUT ROWID, STRICT, generated columns, PRIMARY KEY DESC', () => {
  const { model } = fixture('sqlite-features');
  const setting = tableOf(model, 'setting');
  assert.equal([setting.withoutRowid, setting.strict], [true, true]);
  assert.equal(setting.primaryKey, { columns: ['scope', 'key'], autoincrement: false, constraintName: 'setting_pkey' });
  const box = tableOf(model, 'box');
  assert.equal([box.withoutRowid, box.strict], [false, true]);
  assert.equal(box.primaryKey, { columns: ['id'], autoincrement: false, sort: 'DESC' });
  assert.equal(box.columns.find((c) => c.name === 'area')?.generated, { expression: 'w * h', stored: true });
  assert.equal(box.columns.find((c) => c.name === 'label')?.generated, { expression: "'box ' || id", stored: false });
});

test('SQLite features: partial, expression, descending and collated index parts', () => {
  const { model } = fixture('sqlite-features');
  const child = tableOf(model, 'child');
  assert.equal(child.indexes.find((i) => i.name === 'child_code_nocase')?.columns, [{ name: 'code', sort: 'DESC', collation: 'NOCASE' }, { expression: 'lower(code)' }]);
  const recent = child.indexes.find((i) => i.name === 'child_recent');
  assert.equal([recent?.where, recent?.columns], ['d IS NOT NULL AND e > 0', [{ name: 'id', sort: 'DESC' }]]);
  const box = tableOf(model, 'box');
  assert.equal(box.indexes.find((i) => i.name === 'box_size')?.columns, [{ name: 'w' }, { expression: '(w + h)' }, { name: 'h', sort: 'DESC' }]);
});

test('SQLite features: views and triggers as SQL; virtual tables and unmodelled clauses reported', () => {
  const { model, diagnostics } = fixture('sqlite-features');
  assert.equal(model.views, [{ name: 'big_boxes', sql: 'CREATE VIEW big_boxes AS SELECT id, area FROM box WHERE area > 10' }]);
  assert.equal(model.triggers.map((t) => [t.name, t.table]), [['child_touch', 'child']]);
  // SQLite rewrote the trigger body when parent.code was renamed to ref.
  assert.is(model.triggers[0]!.sql, 'CREATE TRIGGER child_touch AFTER UPDATE ON child BEGIN\n    UPDATE parent SET ref = ref WHERE id = NEW.a;\nEND');
  assert.not.ok(model.tables.some((t) => t.name.startsWith('search')), 'the virtual table and its shadow tables are not in the model');
  assert.equal(
    diagnostics.map((d) => `${d.code} ${d.severity} ${d.message}`),
    [
      'I613 warning Table "queue" uses what the database model does not record: ON CONFLICT REPLACE on NOT NULL of column "name"; ON CONFLICT IGNORE on UNIQUE (name). A rebuild of the table would drop it.',
      'I612 info Virtual table "search" is not managed: it and its shadow tables are left as they are.',
    ],
  );
});

test('every fixture introspects to plain data: a JSON round trip gives an equal value (the diff worker sends it as JSON)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const result = fixture(name);
    assert.equal(JSON.parse(JSON.stringify(result)), result, name);
  }
  // And with the I611 fallbacks (unreadable DDL) and unmodelled clauses in the diagnostics.
  const odd = introspectSql('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT DEFAULT (1 + 2) COLLATE NOCASE CHECK (b <> \'\'), UNIQUE (b) ON CONFLICT IGNORE)');
  assert.equal(JSON.parse(JSON.stringify(odd)), odd);
});

// ── behaviour ────────────────────────────────────────────────────────────────────────────────

test(`${CATALOG_QUERY_COUNT} queries, whatever the number of tables`, () => {
  const ddl = Array.from({ length: 60 }, (_, i) => `CREATE TABLE "t${i}" (id INTEGER PRIMARY KEY, p INTEGER REFERENCES "t${Math.max(0, i - 1)}" (id)); CREATE INDEX "t${i}_p" ON "t${i}" (p);`).join('\n');
  const conn = openDatabase(createDatabase(ddl), { readonly: true });
  let queries = 0;
  const counting: DatabaseConnection = { ...conn, capabilities: conn.capabilities, path: conn.path, query: (sql, params) => (queries++, conn.query(sql, params)), runAtomic: () => assert.unreachable(), close: () => conn.close() };
  const { model } = introspectDatabase(counting);
  assert.is(model.tables.length, 60);
  assert.is(queries, CATALOG_QUERY_COUNT);
  conn.close();
});

test('the order does not depend on creation order, and the same database gives the same model', () => {
  const a = introspectSql('CREATE TABLE b (x); CREATE TABLE A (y); CREATE INDEX b2 ON b (x); CREATE INDEX b1 ON b (x DESC); CREATE VIEW v2 AS SELECT 1; CREATE VIEW v1 AS SELECT 2;');
  const b = introspectSql('CREATE VIEW v1 AS SELECT 2; CREATE TABLE A (y); CREATE VIEW v2 AS SELECT 1; CREATE TABLE b (x); CREATE INDEX b1 ON b (x DESC); CREATE INDEX b2 ON b (x);');
  assert.equal(a, b);
  assert.equal(a.model.tables.map((t) => t.name), ['A', 'b']);
  assert.equal(a.model.tables[1]!.indexes.map((i) => i.name), ['b1', 'b2']);
  assert.equal(a.model.views.map((v) => v.name), ['v1', 'v2']);
});

test('the PRAGMA rows may come in any order: the model is the same (the catalog queries do not sort them)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const conn = openDatabase(createDatabase(readFileSync(path.join(FIXTURES, name, 'schema.sql'), 'utf8')), { readonly: true });
    try {
      const internal = conn.capabilities.internalTables;
      const catalog = readCatalog(conn, internal);
      const reversed = { ...catalog, columns: [...catalog.columns].reverse(), indexColumns: [...catalog.indexColumns].reverse(), foreignKeys: [...catalog.foreignKeys].reverse() };
      assert.equal(buildDatabaseModel(reversed, internal), buildDatabaseModel(catalog, internal), name);
      assert.equal(buildDatabaseModel(catalog, internal), introspectDatabase(conn), name);
    } finally {
      conn.close();
    }
  }
});

test("an app's database set to return BigInts is read with plain numbers (STRICT and WITHOUT ROWID kept)", () => {
  const db = new Database(createDatabase('CREATE TABLE "s" ("id" INTEGER NOT NULL PRIMARY KEY) STRICT; CREATE TABLE "w" ("id" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;'));
  try {
    db.defaultSafeIntegers(true);
    const conn = connectionFor(db);
    assert.equal(conn.query('SELECT 1 AS "n"'), [{ n: 1 }]);
    const { model } = introspectDatabase(conn);
    assert.equal(
      model.tables.map((t) => [t.name, t.strict, t.withoutRowid]),
      [
        ['s', true, false],
        ['w', false, true],
      ],
    );
  } finally {
    db.close();
  }
});

test('an empty database gives the empty model', () => {
  assert.equal(introspectSql(''), { model: { tables: [], views: [], triggers: [] }, diagnostics: [] });
});

test('unreadable DDL: the table still comes from the PRAGMAs, with an I611 warning (and defaults get their parentheses back)', () => {
  const conn = openDatabase(createDatabase(`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, d TEXT DEFAULT (datetime('now')) COLLATE NOCASE, n INT DEFAULT -1);
    CREATE INDEX t_expr ON t (lower(d)) WHERE n > 0;`), { readonly: true });
  const catalog = readCatalog(conn, conn.capabilities.internalTables);
  conn.close();
  const broken = { ...catalog, objects: catalog.objects.map((o) => (o.sql ? { ...o, sql: o.sql.replace('CREATE', 'CREATE ???') } : o)) };
  const { model, diagnostics } = buildDatabaseModel(broken, ['_prisma_migrations']);
  const t = tableOf(model, 't');
  assert.equal(t.columns, [
    { name: 'id', type: 'INTEGER', notNull: false },
    { name: 'd', type: 'TEXT', notNull: false, default: "(datetime('now'))" },
    { name: 'n', type: 'INT', notNull: false, default: '-1' },
  ]);
  assert.equal(t.primaryKey, { columns: ['id'], autoincrement: false });
  assert.equal(t.indexes[0]?.columns, [{ expression: '' }]);
  assert.equal(
    diagnostics.map((d) => d.code + ' ' + d.message),
    [
      'I611 Table "t": cannot parse its CREATE TABLE text: expected TABLE, found "?" at "??? TABLE t (id INTEGER PRIMARY KEY AUTO…".',
      'I611 Table "t": cannot parse the text of index "t_expr": expected INDEX, found "?" at "??? INDEX t_expr ON t (lower(d)) WHERE n…".',
      'I611 Table "t": the expression of part 1 of index "t_expr" was not found.',
    ],
  );
});

test('DDL that disagrees with the PRAGMAs is not trusted', () => {
  const conn = openDatabase(createDatabase('CREATE TABLE t (a TEXT COLLATE NOCASE, b INT)'), { readonly: true });
  const catalog = readCatalog(conn, []);
  conn.close();
  const swapped = { ...catalog, objects: catalog.objects.map((o) => ({ ...o, sql: 'CREATE TABLE t (b INT, a TEXT COLLATE NOCASE)' })) };
  const { model, diagnostics } = buildDatabaseModel(swapped, []);
  assert.equal(tableOf(model, 't').columns.map((c) => c.collation), [undefined, undefined]);
  assert.equal(diagnostics.map((d) => d.message), ['Table "t": its CREATE TABLE text lists the columns (b, a), but SQLite reports (a, b).']);
});

test('defaultFromPragma: literals stay bare, anything else gets parentheses', () => {
  assert.equal(
    ["'x'", '0', '-1', '+2.5', 'CURRENT_TIMESTAMP', "X'00'", 'NULL', "datetime('now')", '1 + 2', '"x"'].map(defaultFromPragma),
    ["'x'", '0', '-1', '+2.5', 'CURRENT_TIMESTAMP', "X'00'", 'NULL', "(datetime('now'))", '(1 + 2)', '"x"'],
  );
});

test('tables named like keywords or with quotes, and case-insensitive hiding of internal tables', () => {
  const { model } = introspectSql(`CREATE TABLE "select" ("from" INT, "a""b" TEXT UNIQUE); CREATE TABLE "_PRISMA_MIGRATIONS" (id TEXT); CREATE INDEX "i""x" ON "select" ("from");`);
  assert.equal(model.tables.map((t) => t.name), ['select']);
  assert.equal(model.tables[0]!.indexes.map((i) => [i.name, i.columns[0]?.name]), [
    ['i"x', 'from'],
    ['sqlite_autoindex_select_1', 'a"b'],
  ]);
});

test.run();
