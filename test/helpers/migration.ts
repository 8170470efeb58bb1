/**
 * The migration pipeline as the tests drive it: schema text → DatabaseModel, a live database built from our own
 * empty → v1 SQL, a plan against it with live checks, and the invariants every applied migration must keep
 * (the diff against the target is empty afterwards, and `PRAGMA foreign_key_check` is clean).
 */
import * as assert from 'uvu/assert';
import { validateSchemaText } from '../../src/api/schema.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import { EMPTY_DATABASE, type DatabaseModel } from '../../src/database/model.ts';
import { renamesFromSchema, schemaHints } from '../../src/database/schema-hints.ts';
import type { Change, Renames } from '../../src/diff/changes.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { migrationNeedsForeignKeysOff } from '../../src/migrate/apply.ts';
import { checkMigration, type SafetyReport } from '../../src/plan/checks.ts';
import { planMigration, type MigrationPlan } from '../../src/plan/plan.ts';
import { renderMigrationScript } from '../../src/plan/render.ts';
import type { SchemaModel } from '../../src/schema/model.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';

export interface LoadedSchema {
  readonly schema: SchemaModel;
  readonly model: DatabaseModel;
}

/** Validates schema text (failing the test on an error) and lays it out as a DatabaseModel. */
export function loadSchemaText(text: string): LoadedSchema {
  const { schema, diagnostics, ok } = validateSchemaText(text);
  assert.ok(ok, `invalid schema:\n${diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}\n${text}`);
  return { schema, model: databaseModelFromSchema(schema) };
}

export interface PlannedMigration {
  readonly from: DatabaseModel;
  readonly to: DatabaseModel;
  readonly changes: readonly Change[];
  readonly plan: MigrationPlan;
  readonly safety: SafetyReport;
  /** The script, with the warnings header as `diff --script` prints it. */
  readonly sql: string;
}

/** Plans the migration of a live database to a schema, with the live checks (row counts) and the script header `codegen diff` gives. */
export function planAgainst(conn: DatabaseConnection, target: LoadedSchema, extraRenames: Renames = {}): PlannedMigration {
  const from = introspectDatabase(conn).model;
  const declared = renamesFromSchema(target.schema);
  const renames: Renames = { tables: [...(declared.tables ?? []), ...(extraRenames.tables ?? [])], columns: [...(declared.columns ?? []), ...(extraRenames.columns ?? [])] };
  const changes = diffDatabases(from, target.model, { renames });
  const plan = planMigration(from, target.model, changes, { sqliteVersion: conn.capabilities.sqliteVersion });
  const safety = checkMigration({ from, to: target.model, changes, query: (sql) => conn.query(sql), hints: schemaHints(target.schema) });
  const warnings = [...safety.warnings, ...safety.unexecutable, ...plan.notes].filter((d) => d.severity !== 'info').map((d) => d.message);
  return { from, to: target.model, changes, plan, safety, sql: renderMigrationScript(plan.steps, { warnings }) };
}

/** Runs a migration script as the applier does: foreign keys off before BEGIN when needed, the FK check before COMMIT. */
export function applyScript(conn: DatabaseConnection, sql: string): void {
  if (sql.trim() === '') return;
  conn.runAtomic([sql], { foreignKeysOff: migrationNeedsForeignKeysOff(sql) });
}

/** The invariants after a migration: the database now diffs as empty against the target, and no foreign key is broken. */
export function assertMigrated(conn: DatabaseConnection, to: DatabaseModel, context = ''): void {
  const after = introspectDatabase(conn).model;
  const left = diffDatabases(after, to);
  assert.equal(left, [], `the diff against the target is not empty after the migration${context}`);
  assert.equal(conn.query('SELECT * FROM pragma_foreign_key_check'), [], `foreign_key_check is not clean${context}`);
}

/** A fresh in-memory database built by our own empty → `schema` migration, and optionally filled with rows. */
export function databaseFromSchema(schema: LoadedSchema, rows: readonly string[] = []): DatabaseConnection {
  const conn = openDatabase(':memory:');
  const changes = diffDatabases(EMPTY_DATABASE, schema.model);
  applyScript(conn, renderMigrationScript(planMigration(EMPTY_DATABASE, schema.model, changes).steps));
  if (rows.length > 0) conn.runAtomic([rows.join('\n')], { foreignKeysOff: true });
  return conn;
}
