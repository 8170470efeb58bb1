import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ColumnConstraintDef, CreateIndexStatement, CreateTableStatement, TableConstraintDef } from '../../src/sqlite/ddl-ast.ts';
import { parseCreateIndex, parseCreateTable } from '../../src/sqlite/ddl-parse.ts';

function table(sql: string): CreateTableStatement {
  const r = parseCreateTable(sql);
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.offset}: ${sql.slice(r.error.offset, r.error.offset + 30)}`);
  return r.value;
}
function index(sql: string): CreateIndexStatement {
  const r = parseCreateIndex(sql);
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.offset}`);
  return r.value;
}
function column(sql: string, name: string) {
  const c = table(sql).columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}
function constraint<K extends ColumnConstraintDef['kind']>(sql: string, name: string, kind: K): Extract<ColumnConstraintDef, { kind: K }> | undefined {
  return column(sql, name).constraints.find((c): c is Extract<ColumnConstraintDef, { kind: K }> => c.kind === kind);
}
function tableConstraints<K extends TableConstraintDef['kind']>(sql: string, kind: K): Extract<TableConstraintDef, { kind: K }>[] {
  return table(sql).constraints.filter((c): c is Extract<TableConstraintDef, { kind: K }> => c.kind === kind);
}

// ── Prisma's own output ──────────────────────────────────────────────────────────────────────

const PRISMA_POST = `CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "price" DECIMAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authorId" INTEGER NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
)`;

test('Prisma CREATE TABLE: columns, types, NOT NULL, AUTOINCREMENT key, defaults, named foreign key', () => {
  const t = table(PRISMA_POST);
  assert.is(t.name, 'Post');
  assert.equal(t.columns.map((c) => `${c.name} ${c.type}`), ['id INTEGER', 'title TEXT', 'published BOOLEAN', 'price DECIMAL', 'createdAt DATETIME', 'authorId INTEGER']);
  assert.equal(constraint(PRISMA_POST, 'id', 'PrimaryKey'), { kind: 'PrimaryKey', autoincrement: true });
  assert.ok(constraint(PRISMA_POST, 'id', 'NotNull'));
  assert.is(constraint(PRISMA_POST, 'published', 'Default')?.expression, 'false');
  assert.is(constraint(PRISMA_POST, 'createdAt', 'Default')?.expression, 'CURRENT_TIMESTAMP');
  assert.equal(t.constraints, [
    {
      kind: 'ForeignKey',
      name: 'Post_authorId_fkey',
      columns: ['authorId'],
      foreignKey: { table: 'User', columns: ['id'], onDelete: 'RESTRICT', onUpdate: 'CASCADE', deferred: false },
    },
  ]);
  assert.is(t.withoutRowid, false);
  assert.is(t.strict, false);
});

test('Prisma compound keys, with and without a constraint name; implicit many-to-many table', () => {
  const like = tableConstraints('CREATE TABLE "Like" ("postId" INTEGER NOT NULL, "userId" INTEGER NOT NULL, PRIMARY KEY ("postId", "userId"))', 'PrimaryKey');
  assert.equal(like, [{ kind: 'PrimaryKey', columns: [{ expression: '"postId"', column: 'postId' }, { expression: '"userId"', column: 'userId' }], autoincrement: false }]);
  const follow = tableConstraints('CREATE TABLE "Follow" ("a" TEXT NOT NULL, "b" TEXT NOT NULL, CONSTRAINT "Follow_pkey" PRIMARY KEY ("a", "b"))', 'PrimaryKey');
  assert.is(follow[0]?.name, 'Follow_pkey');
  const m2m = table(`CREATE TABLE "_PostToTag" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,
    CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
)`);
  assert.equal(m2m.constraints.map((c) => c.name), ['_PostToTag_A_fkey', '_PostToTag_B_fkey']);
});

test("Prisma's _prisma_migrations table: INTEGER UNSIGNED and a lower-case default", () => {
  const t = table(`CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
  assert.equal(t.columns.map((c) => c.type), ['TEXT', 'TEXT', 'DATETIME', 'DATETIME', 'INTEGER UNSIGNED']);
  assert.equal(t.columns[3]!.constraints, [{ kind: 'NotNull' }, { kind: 'Default', expression: 'current_timestamp' }]);
});

test('Prisma indexes: unique, compound, descending', () => {
  assert.equal(index('CREATE UNIQUE INDEX "User_email_key" ON "User"("email")'), {
    kind: 'CreateIndex',
    name: 'User_email_key',
    table: 'User',
    unique: true,
    ifNotExists: false,
    columns: [{ expression: '"email"', column: 'email' }],
  });
  const i = index('CREATE INDEX "Post_authorId_createdAt_idx" ON "Post"("authorId", "createdAt" DESC)');
  assert.equal(i.columns, [{ expression: '"authorId"', column: 'authorId' }, { expression: '"createdAt"', column: 'createdAt', sort: 'DESC' }]);
});

test("Spacedrive's hand-edited COLLATE NOCASE columns", () => {
  const sql = `CREATE TABLE "new_file_path" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT COLLATE NOCASE,
    "extension" TEXT COLLATE NOCASE,
    "location_id" INTEGER,
    CONSTRAINT "file_path_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
)`;
  assert.equal(column(sql, 'name'), { name: 'name', type: 'TEXT', constraints: [{ kind: 'Collate', collation: 'NOCASE' }] });
  assert.equal(constraint(sql, 'extension', 'Collate')?.collation, 'NOCASE');
});

// ── column shapes ────────────────────────────────────────────────────────────────────────────

test('declared types: parameters with spaces, several words, none at all, quoted', () => {
  const t = table(`CREATE TABLE t (a DECIMAL(10, 2), b DECIMAL ( 10 , 2 ) NOT NULL, c UNSIGNED   BIG INT, d, e VARCHAR(-1), f "my type", g NUMERIC(+5))`);
  assert.equal(t.columns.map((c) => c.type), ['DECIMAL(10, 2)', 'DECIMAL ( 10 , 2 )', 'UNSIGNED   BIG INT', '', 'VARCHAR(-1)', '"my type"', 'NUMERIC(+5)']);
  assert.equal(t.columns[1]!.constraints, [{ kind: 'NotNull' }]);
});

test('defaults exactly as written: parenthesised, signed, strings, blobs, keywords, identifiers', () => {
  const sql = `CREATE TABLE t (
    a TEXT DEFAULT (datetime('now')),
    b INTEGER DEFAULT -1,
    c TEXT DEFAULT 'it''s',
    d BLOB DEFAULT X'00ff',
    e DATETIME DEFAULT CURRENT_TIMESTAMP,
    f BOOLEAN DEFAULT TRUE,
    g REAL DEFAULT +2.5e3,
    h TEXT DEFAULT NULL,
    i TEXT DEFAULT abc,
    j INTEGER DEFAULT ((1 + 2) * 3) NOT NULL,
    k TEXT DEFAULT (lower('A,B')),
    l REAL DEFAULT - 1.5,
    m TEXT DEFAULT '' COLLATE NOCASE,
    n TEXT DEFAULT "x"
  )`;
  const defaults = table(sql).columns.map((c) => c.constraints.find((k) => k.kind === 'Default'));
  assert.equal(
    defaults.map((d) => (d?.kind === 'Default' ? d.expression : undefined)),
    ["(datetime('now'))", '-1', "'it''s'", "X'00ff'", 'CURRENT_TIMESTAMP', 'TRUE', '+2.5e3', 'NULL', 'abc', '((1 + 2) * 3)', "(lower('A,B'))", '- 1.5', "''", '"x"'],
  );
  assert.equal(column(sql, 'j').constraints.map((c) => c.kind), ['Default', 'NotNull']);
  assert.equal(column(sql, 'm').constraints.map((c) => c.kind), ['Default', 'Collate']);
});

test('column PRIMARY KEY with sort, conflict clause and AUTOINCREMENT; UNIQUE; NULL; CHECK; named constraints', () => {
  const sql = `CREATE TABLE t (
    id INTEGER CONSTRAINT "t_pk" PRIMARY KEY DESC ON CONFLICT ROLLBACK AUTOINCREMENT,
    a TEXT NULL UNIQUE ON CONFLICT REPLACE,
    b INT NOT NULL ON CONFLICT IGNORE CONSTRAINT b_positive CHECK (b > 0 AND (b < 10 OR b = 99)),
    c TEXT CONSTRAINT lonely
  )`;
  assert.equal(column(sql, 'id').constraints, [{ kind: 'PrimaryKey', name: 't_pk', sort: 'DESC', conflict: 'ROLLBACK', autoincrement: true }]);
  assert.equal(column(sql, 'a').constraints, [{ kind: 'Null' }, { kind: 'Unique', conflict: 'REPLACE' }]);
  assert.equal(column(sql, 'b').constraints, [
    { kind: 'NotNull', conflict: 'IGNORE' },
    { kind: 'Check', name: 'b_positive', expression: 'b > 0 AND (b < 10 OR b = 99)' },
  ]);
  assert.equal(column(sql, 'c').constraints, []);
});

test('generated columns: GENERATED ALWAYS AS and the short AS form, STORED and VIRTUAL', () => {
  const sql = `CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED, c AS (a || 'x') VIRTUAL, d TEXT AS (upper(c)) NOT NULL)`;
  assert.equal(column(sql, 'b').constraints, [{ kind: 'Generated', expression: 'a * 2', stored: true }]);
  assert.equal(column(sql, 'c').constraints, [{ kind: 'Generated', expression: "a || 'x'", stored: false }]);
  assert.equal(column(sql, 'd').constraints, [{ kind: 'Generated', expression: 'upper(c)', stored: false }, { kind: 'NotNull' }]);
});

test('column REFERENCES: implicit parent key, every action, MATCH, deferrable forms', () => {
  const sql = `CREATE TABLE c (
    a INT REFERENCES p,
    b INT REFERENCES p(id) ON DELETE SET NULL ON UPDATE SET DEFAULT,
    c INT CONSTRAINT c_fk REFERENCES "p" ("id") ON DELETE NO ACTION ON UPDATE RESTRICT MATCH SIMPLE DEFERRABLE INITIALLY DEFERRED,
    d INT REFERENCES p ON DELETE CASCADE NOT DEFERRABLE INITIALLY DEFERRED,
    e INT REFERENCES p DEFERRABLE INITIALLY IMMEDIATE,
    f INT REFERENCES p ON INSERT CASCADE DEFERRABLE
  )`;
  const fk = (name: string) => constraint(sql, name, 'References');
  assert.equal(fk('a'), { kind: 'References', foreignKey: { table: 'p', columns: [], deferred: false } });
  assert.equal(fk('b')?.foreignKey, { table: 'p', columns: ['id'], onDelete: 'SET NULL', onUpdate: 'SET DEFAULT', deferred: false });
  assert.equal(fk('c'), {
    kind: 'References',
    name: 'c_fk',
    foreignKey: { table: 'p', columns: ['id'], onDelete: 'NO ACTION', onUpdate: 'RESTRICT', match: 'SIMPLE', deferred: true },
  });
  assert.is(fk('d')?.foreignKey.deferred, false);
  assert.is(fk('e')?.foreignKey.deferred, false);
  assert.equal(column(sql, 'f').constraints.map((c) => c.kind), ['References']);
});

// ── table shapes ─────────────────────────────────────────────────────────────────────────────

test('table constraints: named and unnamed UNIQUE / CHECK / FOREIGN KEY, composite keys, DEFERRABLE', () => {
  const sql = `CREATE TABLE t (
    a INT, b TEXT, c INT,
    CONSTRAINT "t_pkey" PRIMARY KEY (a DESC, b COLLATE NOCASE) ON CONFLICT ABORT,
    UNIQUE (b, c),
    CONSTRAINT t_b_c UNIQUE ("b" COLLATE NOCASE, [c] ASC) ON CONFLICT FAIL,
    CHECK (a <> c) ON CONFLICT ABORT,
    CONSTRAINT t_check CHECK (length(b) > 0),
    FOREIGN KEY (a, c) REFERENCES p (x, y) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED
  )`;
  const t = table(sql);
  assert.equal(t.constraints, [
    {
      kind: 'PrimaryKey',
      name: 't_pkey',
      columns: [
        { expression: 'a', column: 'a', sort: 'DESC' },
        { expression: 'b', column: 'b', collation: 'NOCASE' },
      ],
      conflict: 'ABORT',
      autoincrement: false,
    },
    { kind: 'Unique', columns: [{ expression: 'b', column: 'b' }, { expression: 'c', column: 'c' }] },
    {
      kind: 'Unique',
      name: 't_b_c',
      columns: [
        { expression: '"b"', column: 'b', collation: 'NOCASE' },
        { expression: '[c]', column: 'c', sort: 'ASC' },
      ],
      conflict: 'FAIL',
    },
    { kind: 'Check', expression: 'a <> c', conflict: 'ABORT' },
    { kind: 'Check', name: 't_check', expression: 'length(b) > 0' },
    { kind: 'ForeignKey', columns: ['a', 'c'], foreignKey: { table: 'p', columns: ['x', 'y'], onUpdate: 'CASCADE', deferred: true } },
  ]);
});

test('table PRIMARY KEY (id AUTOINCREMENT) is accepted, as SQLite accepts it', () => {
  assert.equal(tableConstraints('CREATE TABLE t (id INTEGER, PRIMARY KEY (id AUTOINCREMENT))', 'PrimaryKey')[0]?.autoincrement, true);
});

test('WITHOUT ROWID, STRICT, both, in any case', () => {
  assert.equal(pick(table('CREATE TABLE t (id TEXT PRIMARY KEY) WITHOUT ROWID')), [true, false]);
  assert.equal(pick(table('CREATE TABLE t (id INT) strict')), [false, true]);
  assert.equal(pick(table('CREATE TABLE t (id TEXT PRIMARY KEY) STRICT, without rowid')), [true, true]);
  function pick(t: CreateTableStatement) {
    return [t.withoutRowid, t.strict];
  }
});

test('quoted, backticked, bracketed and string table names; keywords as names; schema, TEMP and IF NOT EXISTS', () => {
  assert.is(table('CREATE TABLE `my table` (x)').name, 'my table');
  assert.is(table('CREATE TABLE [order] ([group] INT, "select" TEXT)').columns[0]!.name, 'group');
  assert.is(table("CREATE TABLE 'strings work' (x)").name, 'strings work');
  assert.equal(table('CREATE TABLE t (key TEXT, value TEXT, action INT, "check" INT)').columns.map((c) => c.name), ['key', 'value', 'action', 'check']);
  const t = table('CREATE TEMP TABLE IF NOT EXISTS main."x""y" (a)');
  assert.equal([t.schema, t.name, t.temporary, t.ifNotExists], ['main', 'x"y', true, true]);
});

test('comments inside DDL, odd spacing and line breaks, a trailing semicolon', () => {
  const sql = `CREATE/* c1 */TABLE"T"( -- the table
    "id"INTEGER    NOT
    NULL  /* c2 */ PRIMARY KEY,
    "b"  TEXT DEFAULT( 'x' ) -- trailing
    ,CHECK(/* inside */ "b" != '' )
  );`;
  const t = table(sql);
  assert.equal(t.columns.map((c) => [c.name, c.type]), [['id', 'INTEGER'], ['b', 'TEXT']]);
  assert.equal(t.columns[0]!.constraints.map((c) => c.kind), ['NotNull', 'PrimaryKey']);
  assert.equal(constraint(sql, 'b', 'Default')?.expression, "( 'x' )");
  // An expression runs from its first token to its last: comments around it are not part of it, comments inside are.
  assert.equal(t.constraints, [{ kind: 'Check', expression: `"b" != ''` }]);
  assert.equal(tableConstraints(`CREATE TABLE t (b, CHECK ("b" /* why */ != ''))`, 'Check')[0]?.expression, `"b" /* why */ != ''`);
});

test('ALTER TABLE ADD COLUMN text that SQLite appends to the stored CREATE TABLE', () => {
  const t = table(`CREATE TABLE "workspaces" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, "topN" INTEGER DEFAULT 4 CHECK ("topN" > 0))`);
  assert.equal(t.columns[2]!.constraints, [{ kind: 'Default', expression: '4' }, { kind: 'Check', expression: '"topN" > 0' }]);
});

// ── indexes ──────────────────────────────────────────────────────────────────────────────────

test('CREATE INDEX: expressions, COLLATE and sort peeled from the end, the WHERE text exactly', () => {
  const i = index(`CREATE UNIQUE INDEX IF NOT EXISTS main."i" ON "t" (lower("email") COLLATE NOCASE DESC, "a" COLLATE "BINARY", b ASC, (c + 1), json_extract(d, '$.x, y')) WHERE "deletedAt" IS NULL AND ("x", 1) = ("y", 1) -- note`);
  assert.equal([i.schema, i.name, i.table, i.unique, i.ifNotExists], ['main', 'i', 't', true, true]);
  assert.equal(i.columns, [
    { expression: 'lower("email")', collation: 'NOCASE', sort: 'DESC' },
    { expression: '"a"', column: 'a', collation: 'BINARY' },
    { expression: 'b', column: 'b', sort: 'ASC' },
    { expression: '(c + 1)' },
    { expression: "json_extract(d, '$.x, y')" },
  ]);
  assert.is(i.where, '"deletedAt" IS NULL AND ("x", 1) = ("y", 1)');
});

test('a column named like a sort keyword is a column, not a sort order', () => {
  assert.equal(index('CREATE INDEX i ON t("desc", asc)').columns, [{ expression: '"desc"', column: 'desc' }, { expression: 'asc', column: 'asc' }]);
});

// ── failures are values ──────────────────────────────────────────────────────────────────────

test('syntax problems come back as values with the offset of the problem', () => {
  const cases: [string, string][] = [
    ['CREATE TABLE t (a INT', 'expected ")", found the end of the statement'],
    ['CREATE TABLE t (a INT DEFAULT)', 'expected a default value, found ")"'],
    ['CREATE TABLE t (a INT CHECK a > 0)', 'expected "(", found "a"'],
    ['CREATE TABLE t (a INT REFERENCES p ON DELETE EXPLODE)', 'expected SET or CASCADE or RESTRICT or NO, found "EXPLODE"'],
    ['CREATE TABLE t (a) WITHOUT', 'expected ROWID, found the end of the statement'],
    ['CREATE TABLE t AS SELECT 1', 'CREATE TABLE … AS SELECT is not supported here'],
    ['CREATE TABLE t (a) extra', 'expected WITHOUT ROWID or STRICT'],
    ["CREATE TABLE t (a TEXT DEFAULT 'open)", 'unterminated string'],
    ['CREATE INDEX i ON t (a', 'expected ")", found the end of the statement'],
    ['CREATE INDEX i ON t (a) WHERE (b', 'unbalanced parentheses'],
    ['CREATE VIEW v AS SELECT 1', 'expected TABLE, found "VIEW"'],
  ];
  for (const [sql, message] of cases) {
    const r = sql.startsWith('CREATE INDEX') ? parseCreateIndex(sql) : parseCreateTable(sql);
    assert.is(r.ok, false, sql);
    if (!r.ok) {
      assert.is(r.error.message, message, sql);
      assert.ok(r.error.offset >= 0 && r.error.offset <= sql.length, sql);
    }
  }
});

test.run();
