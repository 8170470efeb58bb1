import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tokenizeSql } from '../../src/sqlite/ddl-tokens.ts';
import { findTransactionControl, splitSqlStatements } from '../../src/sqlite/sql-statements.ts';
import { identifierKey, quoteBlob, quoteIdentifier, quoteString, sameIdentifier, sqlLiteral } from '../../src/sqlite/quote.ts';

function kinds(sql: string): string[] {
  const { tokens, error } = tokenizeSql(sql);
  assert.is(error, undefined, `unexpected error in ${sql}`);
  return tokens.map((t) => `${t.kind}:${t.value}`);
}

test('identifiers in all four spellings, with their quotes removed and escapes undone', () => {
  assert.equal(kinds('"a""b" `c``d` [e f] g_1$'), ['quoted:a"b', 'quoted:c`d', 'quoted:e f', 'word:g_1$']);
  assert.equal(kinds('"" [] "Ünïcödé" naïve'), ['quoted:', 'quoted:', 'quoted:Ünïcödé', 'word:naïve']);
});

test('words carry their upper-case form for keyword checks; other tokens do not', () => {
  const { tokens } = tokenizeSql('primary "KEY" Key');
  assert.equal(tokens.map((t) => t.upper), ['PRIMARY', '', 'KEY']);
});

test('strings decode doubled quotes; blobs, numbers and variables', () => {
  assert.equal(kinds(`'it''s' '' x'00ff' X'AB'`), ["string:it's", 'string:', "blob:x'00ff'", "blob:X'AB'"]);
  assert.equal(kinds('1 -1 1.5 .5 1e10 2.5E-3 0x1F 1_000_000 3.'), ['number:1', 'punct:-', 'number:1', 'number:1.5', 'number:.5', 'number:1e10', 'number:2.5E-3', 'number:0x1F', 'number:1_000_000', 'number:3.']);
  assert.equal(kinds('? ?12 :name @x $y'), ['variable:?', 'variable:?12', 'variable::name', 'variable:@x', 'variable:$y']);
});

test('operators: the longest match wins', () => {
  assert.equal(kinds('a||b<=c>=d==e!=f<>g<<h>>i->j->>k'), [
    'word:a', 'punct:||', 'word:b', 'punct:<=', 'word:c', 'punct:>=', 'word:d', 'punct:==', 'word:e', 'punct:!=', 'word:f',
    'punct:<>', 'word:g', 'punct:<<', 'word:h', 'punct:>>', 'word:i', 'punct:->', 'word:j', 'punct:->>', 'word:k',
  ]);
  assert.equal(kinds('(a,b);.*/%+-~&|<>='), ['punct:(', 'word:a', 'punct:,', 'word:b', 'punct:)', 'punct:;', 'punct:.', 'punct:*', 'punct:/', 'punct:%', 'punct:+', 'punct:-', 'punct:~', 'punct:&', 'punct:|', 'punct:<>', 'punct:=']);
});

test('comments and every kind of white space are skipped; offsets still point into the source', () => {
  const sql = "a -- line ' comment\n\t/* block\n ' */ b/**/c\r\n\f--end";
  const { tokens } = tokenizeSql(sql);
  assert.equal(tokens.map((t) => t.text), ['a', 'b', 'c']);
  for (const t of tokens) assert.is(sql.slice(t.start, t.end), t.text);
  assert.equal(kinds('a /* unterminated block comment runs to the end'), ['word:a']);
});

test('a minus sign followed by a minus starts a comment, not two operators', () => {
  assert.equal(kinds('1--2'), ['number:1']);
  assert.equal(kinds('1- -2'), ['number:1', 'punct:-', 'punct:-', 'number:2']);
});

test('problems come back as values with an offset, and the tokens before them', () => {
  const cases: [string, string, number][] = [
    ["a 'open", 'unterminated string', 2],
    ['a "open', 'unterminated quoted identifier', 2],
    ['a [open', 'unterminated [identifier]', 2],
    ["x'0g'", 'malformed blob literal', 0],
    ["x'abc'", 'malformed blob literal', 0],
    ['a # b', 'unrecognized character "#"', 2],
    ['12abc', 'unrecognized token: a number runs into a word', 0],
  ];
  for (const [sql, message, offset] of cases) {
    const { tokens, error } = tokenizeSql(sql);
    assert.equal(error, { message, offset }, sql);
    assert.ok(tokens.every((t) => t.end <= offset), sql);
  }
});

test('splitSqlStatements: semicolons in strings, identifiers, comments and trigger bodies do not split', () => {
  const sql = `
    -- CreateTable
    CREATE TABLE "a;b" (x TEXT DEFAULT ';');
    /* ; */ INSERT INTO "a;b" VALUES ('1;2');
    CREATE TRIGGER t AFTER INSERT ON "a;b" BEGIN
      UPDATE "a;b" SET x = CASE WHEN x = ';' THEN 'y' ELSE x END;
      DELETE FROM "a;b" WHERE 0;
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS u BEFORE DELETE ON "a;b" BEGIN SELECT 1; END
    ;;
    SELECT 2`;
  const { statements, error } = splitSqlStatements(sql);
  assert.is(error, undefined);
  assert.equal(
    statements.map((s) => s.text.replace(/\s+/g, ' ')),
    [
      `CREATE TABLE "a;b" (x TEXT DEFAULT ';')`,
      `INSERT INTO "a;b" VALUES ('1;2')`,
      `CREATE TRIGGER t AFTER INSERT ON "a;b" BEGIN UPDATE "a;b" SET x = CASE WHEN x = ';' THEN 'y' ELSE x END; DELETE FROM "a;b" WHERE 0; END`,
      'CREATE TEMP TRIGGER IF NOT EXISTS u BEFORE DELETE ON "a;b" BEGIN SELECT 1; END',
      'SELECT 2',
    ],
  );
});

test('findTransactionControl finds BEGIN, COMMIT, END and a plain ROLLBACK, but not ROLLBACK TO or a trigger body', () => {
  const first = (sql: string) => findTransactionControl(splitSqlStatements(sql).statements)?.text;
  assert.is(first('CREATE TABLE a(x); COMMIT; SELECT 1'), 'COMMIT');
  assert.is(first('begin immediate; select 1'), 'begin immediate');
  assert.is(first('END TRANSACTION'), 'END TRANSACTION');
  assert.is(first('SAVEPOINT s; ROLLBACK TO s; RELEASE s'), undefined);
  assert.is(first('ROLLBACK'), 'ROLLBACK');
  assert.is(first('CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END; PRAGMA foreign_keys=OFF'), undefined);
});

test('quoting doubles the quote character; literals for every value kind', () => {
  assert.is(quoteIdentifier('User'), '"User"');
  assert.is(quoteIdentifier('a"b'), '"a""b"');
  assert.is(quoteString("it's"), "'it''s'");
  assert.throws(() => quoteString('a\0b'), /NUL/);
  assert.is(quoteBlob(new Uint8Array([0, 255, 16])), "X'00ff10'");
  assert.equal([null, 'x', 1.5, -2, 10n, true, false, new Uint8Array([1])].map(sqlLiteral), ['NULL', "'x'", '1.5', '-2', '10', '1', '0', "X'01'"]);
  assert.throws(() => sqlLiteral(Number.NaN));
});

test('identifier comparison folds ASCII only, as SQLite does', () => {
  assert.is(identifierKey('UserPost_ID'), 'userpost_id');
  assert.ok(sameIdentifier('User', 'USER'));
  assert.not.ok(sameIdentifier('É', 'é'));
  assert.not.ok(sameIdentifier('User', 'Users'));
});

test.run();
