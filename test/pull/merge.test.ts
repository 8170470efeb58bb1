import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pullSchemaText, repullSchema } from '../../src/api/pull.ts';
import { validateSchemaText } from '../../src/api/schema.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import type { DatabaseModel } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import type { NamingStyle } from '../../src/pull/names.ts';
import { formatSchemaText } from '../../src/schema/format.ts';
import { parseSchemaSources } from '../../src/schema/load.ts';
import { ROOT } from '../helpers/cli.ts';
import { assertGolden } from '../helpers/golden.ts';
import { introspectSql } from '../helpers/pull.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures/pull-merge');

function repull(schemaText: string, db: DatabaseModel, naming?: NamingStyle): string {
  const { schema, diagnostics } = parseSchemaSources([{ path: 'schema.prisma', text: schemaText }]);
  assert.equal(diagnostics.filter((d) => d.severity === 'error'), [], 'the input schema is valid');
  return repullSchema(schema, db, naming).texts[0]!;
}

/** The invariants of every re-pull: valid, describes the database exactly, and a second re-pull changes nothing. */
function checkMerged(text: string, db: DatabaseModel): void {
  const { schema, diagnostics } = validateSchemaText(text);
  assert.equal(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  assert.equal(diffDatabases(db, databaseModelFromSchema(schema)), [], 'the merged schema diffs as empty against the database');
  assert.is(repull(text, db), text, 'a second re-pull changes nothing');
}

const HEADER = 'datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n';

const USER_SCHEMA = `${HEADER}
enum Status {
  ACTIVE
  BANNED @map("banned")
}

/// A person.
/// @shared(id: id)
model User {
  id        String   @id @default(uuid())
  /// Where we write.
  email     String   @unique
  status    Status   @default(ACTIVE)
  createdAt DateTime @default(now()) @map("created_at")
  updatedAt DateTime @updatedAt @map("updated_at")
  // shown in the header
  nickname  String?
  /// to be removed
  legacy    String? // going away
  posts     Post[]   @relation("Authored")

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId String @map("author_id")
  author   User   @relation("Authored", fields: [authorId], references: [id])
  views    Int    @default(0)

  @@map("posts")
}

/// Remove me
model OldTable {
  id Int @id @default(autoincrement())

  @@map("old_table")
}
`;

const V1 = `
CREATE TABLE "users" ("id" TEXT NOT NULL PRIMARY KEY, "email" TEXT NOT NULL, "status" TEXT NOT NULL DEFAULT 'ACTIVE',
  "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL, "nickname" TEXT, "legacy" TEXT);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "author_id" TEXT NOT NULL, "views" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE);
CREATE TABLE "old_table" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
`;

const V2 = `
CREATE TABLE "users" ("id" TEXT NOT NULL PRIMARY KEY, "email" TEXT NOT NULL, "status" TEXT NOT NULL DEFAULT 'banned',
  "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL, "nickname" TEXT NOT NULL DEFAULT '', "bio" TEXT);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_created_at_idx" ON "users"("created_at");
CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "author_id" TEXT NOT NULL, "views" INTEGER NOT NULL DEFAULT 1,
  "editor_id" TEXT,
  CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "posts_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE);
CREATE TABLE "comments" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "post_id" INTEGER NOT NULL, "body" TEXT NOT NULL,
  CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE VIEW "user_emails" AS SELECT "email" FROM "users";
`;

test('nothing changed: the re-pull is the user schema, byte for byte (once formatted)', () => {
  const db = introspectSql(V1);
  assert.is(repull(USER_SCHEMA, db), formatSchemaText(USER_SCHEMA).text);
  checkMerged(repull(USER_SCHEMA, db), db);
});

test('a re-pull keeps names, maps, docs, enums, Prisma-level defaults and relation names, and changes what the database changed', () => {
  const db = introspectSql(V2);
  const merged = repull(USER_SCHEMA, db);
  assertGolden(path.join(FIXTURES, 'users-v2.prisma'), merged);
  checkMerged(merged, db);
  // kept
  for (const kept of ['/// A person.\n/// @shared(id: id)\nmodel User {', '/// Where we write.', '@default(uuid())', '@updatedAt', '@relation("Authored"', 'enum Status {', '// shown in the header', '@map("created_at")']) {
    assert.ok(merged.includes(kept), kept);
  }
  // changed as the database says
  assert.match(merged, /status +Status +@default\(BANNED\)/);
  assert.match(merged, /nickname +String +@default\(""\)/);
  assert.match(merged, /bio +String\?\n/);
  assert.match(merged, /@@index\(\[createdAt\]\)/);
  assert.match(merged, /views +Int +@default\(1\)/);
  assert.match(merged, /author +User +@relation\("Authored", fields: \[authorId\], references: \[id\], onDelete: Cascade\)/);
  assert.match(merged, /model Comments \{[^}]*postId +Int +@map\("post_id"\)[^}]*@@map\("comments"\)/);
  assert.match(merged, /editorId +String\? +@map\("editor_id"\)/);
  assert.match(merged, /\/\/ View "user_emails"/);
  // removed
  for (const gone of ['legacy', 'going away', 'to be removed', 'OldTable', 'Remove me']) assert.not.ok(merged.includes(gone), gone);
});

test('what the database adds is named as the schema names things (camelCase with maps here), unless --naming says otherwise', () => {
  const db = introspectSql(V2);
  const merged = repull(USER_SCHEMA, db, 'prisma');
  assert.match(merged, /model comments \{[^}]*post_id +Int\n/);
  assert.match(merged, /editor_id +String\?\n/);
  assert.match(merged, /model User \{/);
  checkMerged(merged, db);
});

test('a fresh pull re-pulled into itself is unchanged, for every fixture and naming', () => {
  for (const name of ['prisma-style', 'hand-written']) {
    const db = introspectSql(readFileSync(path.join(ROOT, 'test/fixtures/pull', name, 'schema.sql'), 'utf8'));
    for (const naming of ['prisma', 'camel'] as const) {
      const fresh = pullSchemaText(db, { naming });
      assert.is(repull(fresh, db, naming), fresh, `${name} ${naming}`);
    }
  }
});

test('many-to-many: a new join table adds list fields on both models, a dropped one removes them', () => {
  const base = `
    CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
    CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);`;
  const join = `
    CREATE TABLE "_PostToTag" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL,
      FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
      FOREIGN KEY ("B") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
    CREATE UNIQUE INDEX "_PostToTag_AB_unique" ON "_PostToTag"("A", "B");
    CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B");`;
  const schema = `${HEADER}\n/// posts\nmodel Post {\n  id Int @id @default(autoincrement())\n}\n\nmodel Tag {\n  id Int @id @default(autoincrement())\n}\n`;
  const withJoin = introspectSql(base + join);
  const added = repull(schema, withJoin);
  assert.match(added, /model Post \{\n  id  Int   @id @default\(autoincrement\(\)\)\n  Tag Tag\[\]\n\}/);
  assert.match(added, /model Tag \{\n  id   Int    @id @default\(autoincrement\(\)\)\n  Post Post\[\]\n\}/);
  checkMerged(added, withJoin);
  const renamed = added.replace('  Tag Tag[]', '  labels Tag[]').replace('  Post Post[]', '  articles Post[]');
  const dropped = repull(renamed, introspectSql(base));
  assert.is(dropped, formatSchemaText(schema).text);
  assert.is(repull(renamed, withJoin), formatSchemaText(renamed).text, 'user names of list fields are kept');
});

test('a table that loses its last unique criterion is ignored with a comment; when it has one again, our @@ignore goes', () => {
  const keyed = introspectSql('CREATE TABLE "Event" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "at" DATETIME);');
  const keyless = introspectSql('CREATE TABLE "Event" ("id" INTEGER, "at" DATETIME);');
  const schema = `${HEADER}\n/// Things that happened.\nmodel Event {\n  id Int @id @default(autoincrement())\n  at DateTime?\n}\n`;
  const ignored = repull(schema, keyless);
  assert.match(ignored, /\/\/ Ignored: the table "Event"[^\n]*\n\/\/\/ Things that happened\.\nmodel Event \{\n  id Int\?\n  at DateTime\?\n\n  @@ignore\n\}/);
  checkMerged(ignored, keyless);
  assert.is(repull(ignored, keyed), formatSchemaText(schema).text);
  const userIgnored = schema.replace('  at DateTime?\n', '  at DateTime?\n\n  @@ignore\n');
  assert.is(repull(userIgnored, keyed), formatSchemaText(userIgnored).text, 'a @@ignore the user wrote stays');
});

test('type and nullability changes: an enum column that is no longer text becomes the new type; @updatedAt goes with DateTime', () => {
  const db = introspectSql(`CREATE TABLE "users" ("id" TEXT NOT NULL PRIMARY KEY, "email" TEXT NOT NULL, "status" INTEGER NOT NULL DEFAULT 1,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" BIGINT, "nickname" TEXT, "legacy" TEXT);
    CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
    CREATE TABLE "posts" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "author_id" TEXT, "views" INTEGER NOT NULL DEFAULT 0,
      CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE CASCADE);
    CREATE TABLE "old_table" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);`);
  const merged = repull(USER_SCHEMA, db);
  assert.match(merged, /status +Int +@default\(1\)\n/);
  assert.match(merged, /updatedAt +BigInt\? +@map\("updated_at"\)\n/);
  // the key column became nullable: a required relation over it would be invalid, so it becomes optional
  assert.match(merged, /authorId +String\? +@map\("author_id"\)/);
  assert.match(merged, /author +User\? +@relation\("Authored", fields: \[authorId\], references: \[id\], onDelete: Restrict\)/);
  checkMerged(merged, db);
});

test('relationMode = "prisma": relations without foreign keys stay', () => {
  const db = introspectSql(`CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
    CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "userId" INTEGER NOT NULL);
    CREATE INDEX "Post_userId_idx" ON "Post"("userId");`);
  const schema = `datasource db {\n  provider     = "sqlite"\n  relationMode = "prisma"\n}\n\nmodel User {\n  id    Int    @id @default(autoincrement())\n  posts Post[]\n}\n\nmodel Post {\n  id     Int  @id @default(autoincrement())\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n\n  @@index([userId])\n}\n`;
  assert.is(repull(schema, db), schema);
});

test('views: the comments of an earlier pull are replaced by the views the database has now', () => {
  const v1 = introspectSql('CREATE TABLE "T" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT); CREATE VIEW "old_view" AS SELECT 1;');
  const v2 = introspectSql('CREATE TABLE "T" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT); CREATE VIEW "new_view" AS SELECT 2;');
  const first = pullSchemaText(v1);
  assert.match(first, /old_view/);
  const second = repull(first, v2);
  assert.not.match(second, /old_view/);
  assert.match(second, /\/\/ View "new_view"[^\n]*\n\/\/   CREATE VIEW "new_view" AS SELECT 2\n$/);
});


test('a schema split over files: each file keeps its models, new models go to the file with the datasource', () => {
  const db = introspectSql(`CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT);
    CREATE TABLE "Team" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);`);
  const sources = [
    { path: 'prisma/schema.prisma', text: 'datasource db {\n  provider = "sqlite"\n}\n' },
    { path: 'prisma/models/user.prisma', text: '/// people\nmodel User {\n  id Int @id @default(autoincrement())\n}\n' },
  ];
  const { schema } = parseSchemaSources(sources);
  const { texts, summary } = repullSchema(schema, db);
  assert.equal(summary, { addedModels: ['Team'], removedModels: [], changedModels: ['User'] });
  assert.is(texts[0], 'datasource db {\n  provider = "sqlite"\n}\n\nmodel Team {\n  id Int @id @default(autoincrement())\n}\n');
  assert.is(texts[1], '/// people\nmodel User {\n  id   Int     @id @default(autoincrement())\n  name String?\n}\n');
});

test('keys and indexes: a new compound key replaces the field key, a dropped column takes its unique and index with it', () => {
  const schema = `${HEADER}\nmodel Member {\n  id     Int    @id @default(autoincrement())\n  teamId Int\n  userId Int\n  role   String @unique\n\n  @@index([teamId, role])\n}\n`;
  const db = introspectSql(`CREATE TABLE "Member" ("id" INTEGER NOT NULL, "teamId" INTEGER NOT NULL, "userId" INTEGER NOT NULL, "joined" DATETIME,
      PRIMARY KEY ("teamId", "userId"));
    CREATE UNIQUE INDEX "Member_id_key" ON "Member"("id");
    CREATE INDEX "Member_userId_idx" ON "Member"("userId" DESC);`);
  const merged = repull(schema, db);
  assert.is(
    merged,
    `${HEADER}\nmodel Member {\n  id     Int       @unique\n  teamId Int\n  userId Int\n  joined DateTime?\n\n  @@id([teamId, userId])\n  @@index([userId(sort: Desc)])\n}\n`,
  );
  checkMerged(merged, db);
});

test.run();
