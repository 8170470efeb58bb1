import { test } from 'uvu';
import * as assert from 'uvu/assert';
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

test.run();
