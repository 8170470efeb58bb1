/**
 * One round trip of the property test: a generated schema v1 and an evolution v2, a database built from v1 and
 * filled with rows, the migration to v2 planned against it with live checks, then applied and verified. Returns
 * what happened; throws (with the seed and the evolution in the message) when an invariant breaks.
 */
import type { DatabaseModel, Table } from '../../src/database/model.ts';
import { findTable } from '../../src/database/model.ts';
import { sameName, typeFamily } from '../../src/database/normalize.ts';
import { quoteIdentifier as q } from '../../src/database/sql-text.ts';
import type { Change } from '../../src/diff/changes.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { AtomicUnitError } from '../../src/sqlite/errors.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { evolveSchema } from '../../conformance/gen/evolve.ts';
import { Random } from '../../conformance/gen/random.ts';
import { generateSchema, renderSchema, type GenOptions, type GenSchema } from '../../conformance/gen/schema-generator.ts';
import { generateRows, type RowOptions } from './data.ts';
import { applyScript, databaseFromSchema, loadSchemaText, planAgainst, type PlannedMigration } from './migration.ts';

export interface PairOptions extends GenOptions {
  /** Evolution steps from v1 to v2. */
  readonly steps: number;
  /** Declare the @map renames of v2 with `/// @renamed(from: …)`, so that they keep their data. */
  readonly declareRenames: boolean;
  /** Rows per table in v1. */
  readonly rows?: RowOptions;
  /** Hand-edit v1 as users do: views, a trigger and an extra index on one of its tables (see handEdits). */
  readonly handEdits?: boolean;
}

export interface PairOutcome {
  readonly applied: boolean;
  /** The codes of the unexecutable diagnostics, when the migration was not applied. */
  readonly unexecutable: readonly string[];
  readonly rebuilt: number;
  readonly rows: number;
  /** What the plan used, for coverage: step kinds, recreated triggers, and the codes of its notes. */
  readonly features: readonly string[];
}

/** v2 with `/// @renamed(from: "…")` on every model and field whose database name the evolution changed. */
export function declareRenames(v1: GenSchema, v2: GenSchema): GenSchema {
  const out = JSON.parse(JSON.stringify(v2)) as GenSchema;
  for (const m of out.models) {
    const old = v1.models.find((x) => x.name === m.name);
    if (!old) continue;
    if ((old.map ?? old.name) !== (m.map ?? m.name)) m.doc = `@renamed(from: "${old.map ?? old.name}")`;
    for (const f of m.fields) {
      const of = old.fields.find((x) => x.name === f.name);
      if (of && (of.map ?? of.name) !== (f.map ?? f.name)) f.doc = `@renamed(from: "${of.map ?? of.name}")`;
    }
  }
  return out;
}

export function runPair(seed: number, options: PairOptions): PairOutcome {
  const v1 = generateSchema(seed, options);
  const evolution = evolveSchema(v1, seed * 31 + 7, options.steps);
  const v2 = options.declareRenames ? declareRenames(v1, evolution.schema) : evolution.schema;
  const context = `seed ${seed} (${JSON.stringify(options)}), evolution: ${evolution.applied.join('; ') || '(none)'}`;
  const one = loadSchemaText(renderSchema(v1));
  const two = loadSchemaText(renderSchema(v2));
  const rows = generateRows(one.model, one.schema, seed, options.rows);
  const conn = databaseFromSchema(one, rows);
  let migration: PlannedMigration | undefined;
  try {
    const edits = options.handEdits ? handEdits(one.model, seed) : [];
    if (edits.length > 0) conn.runAtomic(edits);
    migration = planAgainst(conn, two);
    const { safety } = migration;
    const rebuilt = migration.plan.steps.filter((s) => s.kind === 'RedefineTables').reduce((n, s) => n + (s.kind === 'RedefineTables' ? s.tables.length : 0), 0);
    const features = [
      ...new Set([
        ...migration.plan.steps.map((s) => s.kind),
        ...migration.plan.steps.filter((s) => s.kind === 'RedefineTables' && s.triggers.length > 0).map(() => 'recreated trigger'),
        ...migration.plan.notes.map((d) => d.code),
      ]),
    ];
    if (safety.unexecutable.length > 0) {
      const codes = safety.unexecutable.map((d) => d.code);
      check(codes.every((c) => /^D3\d\d$/.test(c)), `unexecutable diagnostics without a D3xx code: ${codes.join(', ')}`);
      // Reported as unexecutable: running it anyway must fail and change nothing.
      let failed = false;
      try {
        applyScript(conn, migration.sql);
      } catch (e) {
        if (!(e instanceof AtomicUnitError)) throw e;
        failed = true;
      }
      check(failed, `reported unexecutable (${codes.join(', ')}) but the script ran`);
      check(diffDatabases(introspectDatabase(conn).model, migration.from).length === 0, 'the failed script changed the database');
      return { applied: false, unexecutable: codes, rebuilt, rows: rows.length, features };
    }
    checkDroppedColumns(conn, migration);
    const before = snapshotAll(conn, migration);
    applyScript(conn, migration.sql);
    const left = diffDatabases(introspectDatabase(conn).model, migration.to);
    check(left.length === 0, `(a) the diff against v2 is not empty after the migration: ${JSON.stringify(left)}`);
    const broken = conn.query('SELECT * FROM pragma_foreign_key_check');
    check(broken.length === 0, `(b) foreign_key_check: ${JSON.stringify(broken)}`);
    compareRows(conn, migration, before);
    checkDependents(conn, migration);
    return { applied: true, unexecutable: [], rebuilt, rows: rows.length, features };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${context}\n${message}\n--- v1 ---\n${renderSchema(v1)}--- v2 ---\n${renderSchema(v2)}--- migration ---\n${migration?.sql ?? '(not planned)'}`, { cause: e });
  } finally {
    conn.close();
  }
}

/**
 * What users add by hand to a database the schema manages: on one table, a `SELECT *` view, a view naming a column,
 * a trigger on that column, and an index the schema does not declare (the diff drops it, as a reported change).
 */
function handEdits(db: DatabaseModel, seed: number): string[] {
  const rng = new Random(seed ^ 0xed17);
  const candidates = db.tables.filter((t) => !t.name.startsWith('_') && t.columns.some((c) => !t.primaryKey?.columns.includes(c.name)));
  if (candidates.length === 0) return [];
  const t = rng.pick(candidates);
  const c = rng.pick(t.columns.filter((x) => !t.primaryKey?.columns.includes(x.name)));
  const key = (t.primaryKey?.columns ?? [t.columns[0]!.name]).map(q).join(', ');
  return [
    `CREATE VIEW "rt_all" AS SELECT * FROM ${q(t.name)}`,
    `CREATE VIEW "rt_column" AS SELECT ${key}, ${q(c.name)} FROM ${q(t.name)} WHERE ${q(c.name)} IS NOT NULL`,
    `CREATE TRIGGER "rt_trigger" BEFORE UPDATE OF ${q(c.name)} ON ${q(t.name)} WHEN NEW.${q(c.name)} IS NULL AND OLD.${q(c.name)} IS NULL AND 0 BEGIN SELECT RAISE(ABORT, 'never'); END`,
    `CREATE INDEX "rt_extra" ON ${q(t.name)}(${q(c.name)})`,
  ];
}

/**
 * The views and triggers are still there unless the plan reported them (D312) or their table was dropped, every
 * view can be queried, and SQLite still accepts a rename (it checks every view and trigger of the schema).
 */
function checkDependents(conn: DatabaseConnection, m: PlannedMigration): void {
  const after = introspectDatabase(conn).model;
  const reported = m.plan.notes.filter((d) => d.code === 'D312').map((d) => d.message);
  for (const v of m.from.views) {
    if (after.views.some((x) => sameName(x.name, v.name))) continue;
    check(reported.some((r) => r.includes(`view \`${v.name}\``)), `the view ${v.name} is gone without D312`);
  }
  for (const tr of m.from.triggers) {
    if (after.triggers.some((x) => sameName(x.name, tr.name))) continue;
    const droppedTable = m.changes.some((c) => c.kind === 'DropTable' && sameName(c.table.name, tr.table));
    check(droppedTable || reported.some((r) => r.includes(`trigger \`${tr.name}\``)), `the trigger ${tr.name} is gone without D312`);
  }
  for (const v of after.views) conn.query(`SELECT * FROM ${q(v.name)} LIMIT 1`);
  const table = after.tables[0];
  if (table) conn.runAtomic([`ALTER TABLE ${q(table.name)} RENAME TO "rt_probe"; ALTER TABLE "rt_probe" RENAME TO ${q(table.name)};`]);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** What the migration may lose, according to its warnings: tables (D301) and columns (D302, D303), by v2 names. */
interface Announced {
  readonly tables: Set<string>;
  readonly columns: Set<string>;
}

function announced(warnings: readonly Diagnostic[]): Announced {
  const tables = new Set<string>();
  const columns = new Set<string>();
  for (const w of warnings) {
    const t = w.code === 'D301' ? /drop the `([^`]+)` table/.exec(w.message) : null;
    if (t) tables.add(t[1]!.toLowerCase());
    const c = w.code === 'D302' || w.code === 'D303' ? /the column `([^`]+)` on the `([^`]+)` table/.exec(w.message) : null;
    if (c) columns.add(`${c[2]}.${c[1]}`.toLowerCase());
  }
  return { tables, columns };
}

/** How a v1 table and its kept columns are read before and after the migration. */
interface TableReading {
  readonly from: Table;
  readonly toName: string;
  /** Row identity: the primary key (or every column of a table without one), as [before, after] column names. */
  readonly identity: readonly [string, string][];
  /** Compared columns: [before, after] names, whether to compare as text, and whether NULL may have been filled. */
  readonly columns: readonly { readonly before: string; readonly after: string; readonly asText: boolean; readonly filled: boolean }[];
}

function readings(m: PlannedMigration): TableReading[] {
  const { tables: lostTables, columns: lostColumns } = announced(m.safety.warnings);
  const out: TableReading[] = [];
  for (const table of m.from.tables) {
    const rename = m.changes.find((c): c is Extract<Change, { kind: 'RenameTable' }> => c.kind === 'RenameTable' && sameName(c.from, table.name));
    const toName = rename?.to ?? table.name;
    const dropped = m.changes.some((c) => c.kind === 'DropTable' && sameName(c.table.name, table.name));
    if (dropped) continue;
    const target = findTable(m.to, toName);
    check(target !== undefined, `table ${table.name} is neither kept nor dropped`);
    check(!lostTables.has(toName.toLowerCase()), `D301 announced for the kept table ${toName}`);
    const afterName = (col: string): string | undefined => {
      const r = m.changes.find((c): c is Extract<Change, { kind: 'RenameColumn' }> => c.kind === 'RenameColumn' && sameName(c.table, toName) && sameName(c.from, col));
      const name = r?.to ?? col;
      return target.columns.find((c) => sameName(c.name, name))?.name;
    };
    const columns: TableReading['columns'][number][] = [];
    for (const col of table.columns) {
      const after = afterName(col.name);
      if (after === undefined) continue; // dropped: a D302 must cover it (checked by compareRows through the counts)
      if (lostColumns.has(`${toName}.${after}`.toLowerCase())) continue;
      const alter = m.changes.find((c): c is Extract<Change, { kind: 'AlterColumn' }> => c.kind === 'AlterColumn' && sameName(c.table, toName) && sameName(c.to.name, after));
      columns.push({
        before: col.name,
        after,
        asText: alter?.changes.includes('type') === true && typeFamily(alter.to.type) === 'String',
        filled: alter?.changes.includes('nullability') === true && alter.to.notNull,
      });
    }
    const keyColumns = table.primaryKey?.columns ?? table.columns.map((c) => c.name);
    const identity = keyColumns.map((k): [string, string] => {
      const after = afterName(k);
      check(after !== undefined, `the key column ${table.name}.${k} is gone`);
      return [k, after];
    });
    out.push({ from: table, toName, identity, columns });
  }
  return out;
}

type Snapshot = Map<string, Map<string, (string | null)[]>>;

function readTable(conn: DatabaseConnection, table: string, reading: TableReading, side: 0 | 1): Map<string, (string | null)[]> {
  const pick = (pair: { before: string; after: string }): string => (side === 0 ? pair.before : pair.after);
  const id = reading.identity.map((p) => `quote(${q(p[side])})`).join(` || ',' || `);
  const cols = reading.columns.map((c, i) => `${c.asText ? `quote(CAST(${q(pick(c))} AS TEXT))` : `quote(${q(pick(c))})`} AS c${i}`);
  const rows = conn.query(`SELECT ${id} AS id${cols.length ? ', ' + cols.join(', ') : ''} FROM ${q(table)}`);
  const out = new Map<string, (string | null)[]>();
  for (const row of rows) {
    const key = String(row.id);
    // Tables without a primary key (m-n join tables) are identified by their whole row: count duplicates apart.
    let k = key;
    for (let n = 2; out.has(k); n++) k = `${key}#${n}`;
    out.set(k, reading.columns.map((_, i) => row[`c${i}`] as string | null));
  }
  return out;
}

function snapshotAll(conn: DatabaseConnection, m: PlannedMigration): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const r of readings(m)) snapshot.set(r.from.name, readTable(conn, r.from.name, r, 0));
  return snapshot;
}

/** (c) every row of a kept table survives, and every kept column keeps its values (NULLs may have been filled). */
function compareRows(conn: DatabaseConnection, m: PlannedMigration, before: Snapshot): void {
  for (const r of readings(m)) {
    const was = before.get(r.from.name)!;
    const now = readTable(conn, r.toName, r, 1);
    check(now.size === was.size, `(c) ${r.from.name} → ${r.toName}: ${was.size} rows before, ${now.size} after`);
    for (const [id, values] of was) {
      const after = now.get(id);
      check(after !== undefined, `(c) ${r.from.name} → ${r.toName}: the row ${id} is gone`);
      values.forEach((v, i) => {
        const c = r.columns[i]!;
        const ok = v === after[i] || (c.filled && v === 'NULL');
        check(ok, `(c) ${r.toName}.${c.after} of row ${id}: ${v} before, ${after[i]} after, and no warning announced it`);
      });
    }
  }
}

/** (c) a dropped column that holds values was announced by D302 (checked before the migration runs). */
function checkDroppedColumns(conn: DatabaseConnection, m: PlannedMigration): void {
  const { columns: lostColumns, tables: lostTables } = announced(m.safety.warnings);
  for (const c of m.changes) {
    if (c.kind !== 'DropColumn' || lostTables.has(c.table.toLowerCase())) continue;
    const r = m.changes.find((x) => x.kind === 'RenameTable' && sameName(x.to, c.table));
    const table = r && r.kind === 'RenameTable' ? r.from : c.table;
    const n = Number(Object.values(conn.query(`SELECT count(${q(c.column.name)}) FROM ${q(table)}`)[0] ?? {})[0]);
    check(n === 0 || lostColumns.has(`${c.table}.${c.column.name}`.toLowerCase()), `(c) the column ${c.table}.${c.column.name} holds ${n} values and is dropped without D302`);
  }
}
