import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pullSchemaText } from '../../src/api/pull.ts';
import { validateSchemaText } from '../../src/api/schema.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import type { DatabaseModel } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { formatSchemaText } from '../../src/schema/format.ts';
import { ROOT } from '../helpers/cli.ts';
import { assertGolden } from '../helpers/golden.ts';
import { introspectSql } from '../helpers/pull.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures/pull');

const fixture = (name: string): DatabaseModel => introspectSql(readFileSync(path.join(FIXTURES, name, 'schema.sql'), 'utf8'));
const errors = (text: string): string[] =>
  validateSchemaText(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.message}`);
const layoutOf = (text: string): DatabaseModel => databaseModelFromSchema(validateSchemaText(text).schema);

for (const name of readdirSync(FIXTURES).sort()) {
  for (const naming of ['prisma', 'camel'] as const) {
    test(`fixture ${name} (--naming ${naming}): the pulled schema matches expected${naming === 'camel' ? '.camel' : ''}.prisma, is valid, formatted and stable`, () => {
      const db = fixture(name);
      const text = pullSchemaText(db, { naming });
      assertGolden(path.join(FIXTURES, name, naming === 'camel' ? 'expected.camel.prisma' : 'expected.prisma'), text);
      assert.equal(errors(text), []);
      assert.is(formatSchemaText(text).text, text, 'not formatted');
      assert.is(pullSchemaText(db, { naming }), text, 'not deterministic');
    });
  }
}

test('a database Prisma migrated pulls into a schema that diffs as empty against it, with either naming', () => {
  const db = fixture('prisma-style');
  for (const naming of ['prisma', 'camel'] as const) {
    const layout = layoutOf(pullSchemaText(db, { naming }));
    assert.equal(diffDatabases(db, layout), [], naming);
    // and the two layouts of two namings are the same database
    assert.equal(diffDatabases(layoutOf(pullSchemaText(db)), layout), [], `${naming} vs prisma`);
  }
});

test('what no schema can express is the only difference left, and it is written as comments', () => {
  const db = fixture('hand-written');
  const text = pullSchemaText(db);
  const changes = diffDatabases(db, layoutOf(text)).map((c) => `${c.kind}${c.kind === 'AlterColumn' ? `:${c.changes.join('+')}` : ''}`);
  assert.equal(changes.sort(), ['AlterColumn:nullability', 'AlterPrimaryKey', 'DropColumn', 'DropForeignKey', 'DropForeignKey', 'DropIndex'].sort());
  for (const note of ['generated column "full_name"', 'index "account_lower_handle" on an expression', '"handle" COLLATE NOCASE', "CHECK (kind IN ('user', 'bot'))", 'WITHOUT ROWID', 'STRICT', 'the table "team" does not exist', 'the type of "owner" does not match']) {
    assert.ok(text.includes(note), note);
  }
});

test('relations: both sides named, ambiguous pairs disambiguated, self relations, one-to-one, many-to-many as lists', () => {
  const text = pullSchemaText(fixture('prisma-style'));
  assert.match(text, /User_Post_authorIdToUser +User +@relation\("Post_authorIdToUser", fields: \[authorId\], references: \[id\]\)/);
  assert.match(text, /User_Post_editorIdToUser +User\? +@relation\("Post_editorIdToUser", fields: \[editorId\], references: \[id\]\)/);
  assert.match(text, /Post_Post_authorIdToUser +Post\[\] +@relation\("Post_authorIdToUser"\)/);
  assert.match(text, /Category +Category\? +@relation\("CategoryToCategory", fields: \[parentId\], references: \[id\]\)/);
  assert.match(text, /other_Category +Category\[\] +@relation\("CategoryToCategory"\)/);
  assert.match(text, /Profile +Profile\?\n/);
  assert.match(text, /Tag +Tag\[\]\n/);
  assert.match(text, /Post +Post\[\]\n/);
  assert.match(text, /User_A +User\[\] +@relation\("Followers"\)/);
  assert.match(text, /User_B +User\[\] +@relation\("Followers"\)/);
  assert.not.match(text, /model _PostToTag|@@map\("_PostToTag"\)/);
  assert.match(text, /Category +Category\? +@relation\(fields: \[categoryId\], references: \[id\], onDelete: NoAction, onUpdate: NoAction\)/);

  const camel = pullSchemaText(fixture('prisma-style'), { naming: 'camel' });
  assert.match(camel, /author +User +@relation\("PostAuthor", fields: \[authorId\], references: \[id\]\)/);
  assert.match(camel, /postsByAuthor +Post\[\] +@relation\("PostAuthor"\)/);
  assert.match(camel, /parent +Category\? +@relation\("CategoryParent", fields: \[parentId\], references: \[id\]\)/);
  assert.match(camel, /usersA +User\[\] +@relation\("Followers"\)/);
  assert.match(camel, /profile +Profile\?\n/);
});

test('keys, uniques and indexes: map only where the name is not the default; sort orders and partial indexes', () => {
  const text = pullSchemaText(fixture('prisma-style'));
  assert.match(text, /slug +String +@unique\n/);
  assert.match(text, /@@unique\(\[authorId, title\]\)/);
  assert.match(text, /@@index\(\[authorId, createdAt\], map: "by_author"\)/);
  assert.match(text, /@@index\(\[title\(sort: Desc\)\]\)/);
  assert.match(text, /@@index\(\[createdAt\], map: "Post_recent_idx", where: raw\("\\"published\\" = 1"\)\)/);
  assert.match(text, /@@id\(\[userId, postId\]\)/);
  assert.match(text, /id +Int +@id @default\(autoincrement\(\)\)/);
});

test('invalid and reserved names are sanitised and mapped; a table without a unique criterion is ignored with a comment; views are comments', () => {
  const text = pullSchemaText(fixture('prisma-style'));
  assert.match(text, /model fa \{[^}]*@@map\("2fa"\)/);
  assert.match(text, /model my_table \{[^}]*fa +String\? +@map\("2fa"\)[^}]*my_col +String\? +@map\("my col"\)[^}]*@@map\("my-table"\)/);
  assert.match(text, /model Renamedclass \{[^}]*@@map\("class"\)/);
  assert.match(text, /\/\/ Ignored: the table "log_entry" has no primary key[^\n]*\nmodel log_entry \{[^}]*@@ignore\n\}/);
  assert.match(text, /\/\/ View "PublishedPosts" is not described by the schema[^\n]*\n\/\/   CREATE VIEW "PublishedPosts" AS\n\/\/   SELECT "id", "title"\n/);
});

test('an empty database pulls into a datasource alone', () => {
  assert.is(pullSchemaText(introspectSql('')), 'datasource db {\n  provider = "sqlite"\n}\n');
});

test('name clashes get a number: two tables that sanitise to one name, a relation field named like a column', () => {
  const text = pullSchemaText(
    introspectSql(`
      CREATE TABLE "a-b" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
      CREATE TABLE "a_b" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
      CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
      CREATE TABLE "Acc" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "User" INTEGER, FOREIGN KEY ("User") REFERENCES "User" ("id"));
    `),
  );
  assert.match(text, /model a_b2 \{[^}]*@@map\("a-b"\)/);
  assert.match(text, /model a_b \{\n  id Int @id @default\(autoincrement\(\)\)\n\}/);
  assert.match(text, /User_Acc_UserToUser +User\? +@relation\("Acc_UserToUser"/);
  assert.equal(errors(text), []);
});

test.run();
