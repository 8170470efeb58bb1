/**
 * diffDatabases: a pure comparison of two DatabaseModels, field by field, normalised so that equivalent
 * spellings do not diff (normalize.ts). Views, triggers, CHECK constraints, collations and table options are not
 * modelled by the schema: they are not compared here, and the planner preserves them.
 */
import type { Column, DatabaseModel, ForeignKey, Index, PrimaryKey, Table } from '../database/model.js';
import { sameDefault, sameForeignKeyTarget, sameIndexDefinition, sameName, sameType } from '../database/normalize.js';
import type { Change, ColumnChangeKind, Renames } from './changes.js';

export interface DiffOptions {
  readonly renames?: Renames;
}

export function diffDatabases(from: DatabaseModel, to: DatabaseModel, options: DiffOptions = {}): Change[] {
  const changes: Change[] = [];
  const renamedTables = options.renames?.tables ?? [];
  const matched = new Set<Table>();
  // Lookups by lowercased name: a scan per table would make large schemas quadratic.
  const fromByName = indexByName(from.tables);
  const findFrom = (name: string): Table | undefined => {
    const rename = renamedTables.find((r) => sameName(r.to, name));
    const lookFor = rename ? rename.from : name;
    const t = fromByName.get(lookFor.toLowerCase());
    return t && !matched.has(t) ? t : undefined;
  };
  const pairs: [Table, Table][] = [];
  for (const t of to.tables) {
    const f = findFrom(t.name);
    if (!f) {
      changes.push({ kind: 'AddTable', table: t });
      continue;
    }
    matched.add(f);
    if (!sameName(f.name, t.name)) changes.push({ kind: 'RenameTable', from: f.name, to: t.name });
    pairs.push([f, t]);
  }
  for (const f of from.tables) if (!matched.has(f)) changes.push({ kind: 'DropTable', table: f });
  const toByName = indexByName(to.tables);
  const fromPk = (table: string): readonly string[] => fromByName.get(table.toLowerCase())?.primaryKey?.columns ?? [];
  const toPk = (table: string): readonly string[] => toByName.get(table.toLowerCase())?.primaryKey?.columns ?? [];
  const renamed = renamedNames(options.renames);
  for (const [f, t] of pairs) {
    changes.push(...diffTable(f, t, options.renames, fromPk, toPk, renamed));
  }
  return changes;
}

function indexByName(tables: readonly Table[]): Map<string, Table> {
  const map = new Map<string, Table>();
  for (const t of tables) if (!map.has(t.name.toLowerCase())) map.set(t.name.toLowerCase(), t);
  return map;
}

/** Old names → new names. Renames apply to everything that refers to the renamed thing (SQLite rewrites references). */
interface RenamedNames {
  table(name: string): string;
  /** A column of a table, both under their old names. */
  column(table: string, name: string): string;
}

function renamedNames(renames: Renames | undefined): RenamedNames {
  const tables = renames?.tables ?? [];
  const columns = renames?.columns ?? [];
  const table = (name: string): string => tables.find((r) => sameName(r.from, name))?.to ?? name;
  return {
    table,
    // A column rename names its table by the new name (or the old one, when the table is not renamed).
    column: (t, name) => columns.find((r) => (sameName(r.table, table(t)) || sameName(r.table, t)) && sameName(r.from, name))?.to ?? name,
  };
}

function diffTable(
  f: Table,
  t: Table,
  renames: Renames | undefined,
  fromPk: (table: string) => readonly string[],
  toPk: (table: string) => readonly string[],
  renamed: RenamedNames,
): Change[] {
  const changes: Change[] = [];
  const table = t.name;
  const columnRenames = (renames?.columns ?? []).filter((r) => sameName(r.table, t.name) || sameName(r.table, f.name));
  const matchedColumns = new Set<Column>();
  // The first column of each lowercased name: a scan per column would compare names quadratically per table.
  const fromColumns = new Map<string, Column>();
  for (const c of f.columns) if (!fromColumns.has(c.name.toLowerCase())) fromColumns.set(c.name.toLowerCase(), c);
  const unmatched = (name: string): Column | undefined => {
    const first = fromColumns.get(name.toLowerCase());
    if (first === undefined || !matchedColumns.has(first)) return first;
    return f.columns.find((c) => sameName(c.name, name) && !matchedColumns.has(c));
  };
  for (const col of t.columns) {
    const rename = columnRenames.find((r) => sameName(r.to, col.name));
    const old = unmatched(rename ? rename.from : col.name);
    if (!old) {
      changes.push({ kind: 'AddColumn', table, column: col });
      continue;
    }
    matchedColumns.add(old);
    if (!sameName(old.name, col.name)) changes.push({ kind: 'RenameColumn', table, from: old.name, to: col.name });
    const kinds = columnChanges(old, col);
    if (kinds.length > 0) changes.push({ kind: 'AlterColumn', table, from: old, to: col, changes: kinds });
  }
  for (const old of f.columns) if (!matchedColumns.has(old)) changes.push({ kind: 'DropColumn', table, column: old });

  if (!samePrimaryKey(f.primaryKey, t.primaryKey, renameMap(columnRenames))) {
    changes.push({ kind: 'AlterPrimaryKey', table, ...(f.primaryKey ? { from: f.primaryKey } : {}), ...(t.primaryKey ? { to: t.primaryKey } : {}) });
  }
  changes.push(...diffIndexes(f, t, renamed));
  changes.push(...diffForeignKeys(f, t, fromPk, toPk, renamed));
  return changes;
}

function renameMap(renames: readonly { from: string; to: string }[]): (name: string) => string {
  return (name) => renames.find((r) => sameName(r.from, name))?.to ?? name;
}

export function columnChanges(a: Column, b: Column): ColumnChangeKind[] {
  const kinds: ColumnChangeKind[] = [];
  if (!sameType(a.type, b.type)) kinds.push('type');
  if (a.notNull !== b.notNull) kinds.push('nullability');
  if (!sameDefault(a, b)) kinds.push('default');
  // A schema cannot declare a generated column: when the desired side has none, the database's one is kept (the
  // planner preserves it through rebuilds, as it does collations).
  if (b.generated && (!a.generated || a.generated.expression !== b.generated.expression || a.generated.stored !== b.generated.stored)) {
    kinds.push('generated');
  }
  return kinds;
}

function samePrimaryKey(a: PrimaryKey | undefined, b: PrimaryKey | undefined, renamed: (name: string) => string): boolean {
  if (!a || !b) return !a && !b;
  if (a.columns.length !== b.columns.length) return false;
  if (!a.columns.every((c, i) => sameName(renamed(c), b.columns[i]!))) return false;
  return a.autoincrement === b.autoincrement;
}

function diffIndexes(f: Table, t: Table, renamed: RenamedNames): Change[] {
  const changes: Change[] = [];
  const actual = f.indexes.filter((i) => i.origin !== 'pk');
  // An index under the column names it has after the renames: SQLite's RENAME COLUMN rewrites it.
  const current = (i: Index): Index => ({ ...i, columns: i.columns.map((c) => (c.name !== undefined ? { ...c, name: renamed.column(f.name, c.name) } : c)) });
  const used = new Set<Index>();
  for (const want of t.indexes) {
    if (want.origin === 'pk') continue;
    const byName = actual.find((i) => !used.has(i) && sameName(i.name, want.name));
    if (byName) {
      used.add(byName);
      if (!sameIndexDefinition(current(byName), want)) {
        changes.push({ kind: 'DropIndex', index: byName });
        changes.push({ kind: 'AddIndex', index: want });
      }
      continue;
    }
    // A UNIQUE constraint written in the table's DDL (an autoindex) is the same unique index under another name:
    // it cannot be renamed without a rebuild, and it enforces the same thing.
    const constraint = actual.find((i) => !used.has(i) && i.origin === 'u' && sameIndexDefinition({ ...current(i), name: want.name }, want));
    if (constraint) {
      used.add(constraint);
      continue;
    }
    changes.push({ kind: 'AddIndex', index: want });
  }
  for (const idx of actual) if (!used.has(idx)) changes.push({ kind: 'DropIndex', index: idx });
  return changes;
}

function diffForeignKeys(f: Table, t: Table, fromPk: (table: string) => readonly string[], toPk: (table: string) => readonly string[], renamed: RenamedNames): Change[] {
  const changes: Change[] = [];
  // An existing foreign key under the names it has after the renames: SQLite's RENAME TABLE and RENAME COLUMN
  // rewrite the references, so a renamed parent or key column is the same foreign key, not a rebuild.
  const current = (fk: ForeignKey): ForeignKey => ({
    ...fk,
    columns: fk.columns.map((c) => renamed.column(f.name, c)),
    referencedTable: renamed.table(fk.referencedTable),
    referencedColumns: (fk.referencedColumns.length ? fk.referencedColumns : fromPk(fk.referencedTable)).map((c) => renamed.column(fk.referencedTable, c)),
  });
  const resolveTo = (fk: ForeignKey): readonly string[] => (fk.referencedColumns.length ? fk.referencedColumns : toPk(fk.referencedTable));
  const existing = new Map(f.foreignKeys.map((fk) => [fk, current(fk)]));
  const used = new Set<ForeignKey>();
  for (const want of t.foreignKeys) {
    const match = f.foreignKeys.find((fk) => !used.has(fk) && sameForeignKeyTarget(existing.get(fk)!, want, (x) => (x === want ? resolveTo(x) : x.referencedColumns)));
    if (match) {
      used.add(match);
      if (match.onDelete !== want.onDelete || match.onUpdate !== want.onUpdate) {
        changes.push({ kind: 'DropForeignKey', table: t.name, foreignKey: match });
        changes.push({ kind: 'AddForeignKey', table: t.name, foreignKey: want });
      }
      continue;
    }
    changes.push({ kind: 'AddForeignKey', table: t.name, foreignKey: want });
  }
  for (const fk of f.foreignKeys) if (!used.has(fk)) changes.push({ kind: 'DropForeignKey', table: t.name, foreignKey: fk });
  return changes;
}
