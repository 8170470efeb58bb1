import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AtomicUnitError } from '../../src/sqlite/errors.ts';
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

test.run();
