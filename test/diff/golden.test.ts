/**
 * Golden migrations, one folder per change kind: test/fixtures/diff/<case>/{before.prisma, after.prisma,
 * migration.sql}. The database is built from before.prisma by our own empty → before SQL and filled with a few rows
 * (seeded, or the fixture's data.sql), so that data-dependent choices show in the script: the warnings header with
 * row counts, coalesce() for a column made required. The script is what `codegen diff --from-db --to-schema --script`
 * prints. `UPDATE_GOLDEN=1 npm test` rewrites migration.sql; review each one like code.
 *
 * Every golden also passes the invariants: applied through the applier, the diff against after.prisma is empty and
 * foreign_key_check is clean. A golden the checks call unexecutable must fail when run anyway, and change nothing.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffDatabases } from '../../src/diff/diff.ts';
import { AtomicUnitError } from '../../src/sqlite/errors.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { ROOT } from '../helpers/cli.ts';
import { generateRows } from '../helpers/data.ts';
import { assertGolden } from '../helpers/golden.ts';
import { applyScript, assertMigrated, databaseFromSchema, loadSchemaText, planAgainst } from '../helpers/migration.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures/diff');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

test('there is a golden for every change kind', () => {
  const needed = ['columns-', 'nullability-', 'default', 'pk-', 'fk-', 'index-', 'unique-', 'm-n-', 'enum-', 'rename-', 'table-'];
  for (const prefix of needed) assert.ok(cases.some((c) => c.startsWith(prefix)), `no golden for ${prefix}*`);
});

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const dir = path.join(FIXTURES, name);
    const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
    const before = loadSchemaText(read('before.prisma'));
    const after = loadSchemaText(read('after.prisma'));
    const rows = existsSync(path.join(dir, 'data.sql')) ? [read('data.sql')].filter((s) => s.trim() !== '') : generateRows(before.model, before.schema, 1, { min: 2, max: 3 });
    const conn = databaseFromSchema(before, rows);
    try {
      const m = planAgainst(conn, after);
      assertGolden(path.join(dir, 'migration.sql'), m.sql);
      if (m.safety.unexecutable.length > 0) {
        assert.throws(() => applyScript(conn, m.sql), (e: unknown) => e instanceof AtomicUnitError);
        assert.equal(diffDatabases(introspectDatabase(conn).model, m.from), [], 'the failed script changed the database');
        return;
      }
      applyScript(conn, m.sql);
      assertMigrated(conn, after.model);
    } finally {
      conn.close();
    }
  });
}

test.run();
