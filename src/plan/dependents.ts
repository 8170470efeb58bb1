/**
 * What the schema cannot describe but the database holds as SQL text: views, triggers, CHECK constraints and
 * generated columns. A migration can leave such text naming a table or column it drops (SQLite keeps the object,
 * broken, and then refuses every later `ALTER TABLE … RENAME`, which checks the whole schema), and a rebuild
 * recreates triggers and CHECKs from the text read before the migration, which must follow its renames.
 */
import type { Column, DatabaseModel, Table, Trigger, View } from '../database/model.js';
import { findTable } from '../database/model.js';
import { sameName } from '../database/normalize.js';
import { identifiersAt, renameIdentifiers, type IdentifierAt } from './mentions.js';
import type { Change } from '../diff/changes.js';

/** A view or trigger that would name a dropped table or column, and why. */
export interface BrokenDependent {
  readonly object: { readonly kind: 'view'; readonly view: View } | { readonly kind: 'trigger'; readonly trigger: Trigger };
  readonly why: string;
  readonly change: Change;
}

/** The renames of a migration, from old names to new ones. */
export interface RenameLookup {
  /** The new name of a table, or undefined when it keeps its name. */
  table(oldName: string): string | undefined;
  /** The new name of a column (the table by its old name), or undefined when it keeps its name. */
  column(oldTable: string, oldName: string): string | undefined;
}

export function renameLookup(changes: readonly Change[]): RenameLookup {
  const renames = indexRenames(changes, 'from');
  return {
    table: renames.table,
    column: (oldTable, oldName) => renames.column(renames.table(oldTable) ?? oldTable, oldName),
  };
}

/** A migration's renames indexed by one side's names: `from` gives the new name of an old one, `to` the old of a new. */
export interface RenameIndex {
  table(name: string): string | undefined;
  /** A column by its name on that side, in its table by the table's new name (as RenameColumn names it). */
  column(table: string, name: string): string | undefined;
}

/**
 * Builds the index once, names compared case-insensitively as SQLite does, the first rename winning as a scan of
 * the changes would find it: the planner and the checks ask for every column of every rebuilt table.
 */
export function indexRenames(changes: readonly Change[], by: 'from' | 'to'): RenameIndex {
  const other = by === 'from' ? 'to' : 'from';
  const tables = new Map<string, string>();
  const columns = new Map<string, Map<string, string>>();
  for (const c of changes) {
    if (c.kind === 'RenameTable') {
      const key = c[by].toLowerCase();
      if (!tables.has(key)) tables.set(key, c[other]);
    } else if (c.kind === 'RenameColumn') {
      const table = c.table.toLowerCase();
      let byName = columns.get(table);
      if (!byName) columns.set(table, (byName = new Map()));
      const key = c[by].toLowerCase();
      if (!byName.has(key)) byName.set(key, c[other]);
    }
  }
  return {
    table: (name) => tables.get(name.toLowerCase()),
    column: (table, name) => columns.get(table.toLowerCase())?.get(name.toLowerCase()),
  };
}

/** The tables of `db` that SQL text names. */
function tablesNamed(sql: string, db: DatabaseModel): Table[] {
  const names = new Set(identifiersAt(sql).map((id) => id.name.toLowerCase()));
  return db.tables.filter((t) => names.has(t.name.toLowerCase()));
}

/**
 * Views and triggers of `from` that name a table the changes drop, or a column they drop from a table the object
 * names (unless another table it names still has a column of that name). Triggers of a dropped table go with it.
 */
export function brokenDependents(from: DatabaseModel, to: DatabaseModel, changes: readonly Change[]): BrokenDependent[] {
  const renames = renameLookup(changes);
  const out: BrokenDependent[] = [];
  const objects = [
    ...from.views.map((view) => ({ object: { kind: 'view' as const, view }, sql: view.sql, table: undefined as string | undefined })),
    ...from.triggers.map((trigger) => ({ object: { kind: 'trigger' as const, trigger }, sql: trigger.sql, table: trigger.table as string | undefined })),
  ];
  for (const { object, sql, table } of objects) {
    const ids = new Set(identifiersAt(sql).map((id) => id.name.toLowerCase()));
    const named = tablesNamed(sql, from);
    const found = changes.find((c): c is Extract<Change, { kind: 'DropTable' }> => c.kind === 'DropTable' && (table === undefined || !sameName(table, c.table.name)) && ids.has(c.table.name.toLowerCase()));
    if (found) {
      if (table !== undefined && changes.some((c) => c.kind === 'DropTable' && sameName(c.table.name, table))) continue;
      out.push({ object, why: `names the table \`${found.table.name}\`, which this migration drops`, change: found });
      continue;
    }
    if (table !== undefined && changes.some((c) => c.kind === 'DropTable' && sameName(c.table.name, table))) continue;
    for (const c of changes) {
      if (c.kind !== 'DropColumn' || !ids.has(c.column.name.toLowerCase())) continue;
      const owner = named.find((t) => sameName(renames.table(t.name) ?? t.name, c.table));
      if (!owner) continue;
      // The same column name in another table the object names (and that keeps it) may be the one it means.
      const elsewhere = named.some((t) => t !== owner && findTable(to, renames.table(t.name) ?? t.name)?.columns.some((col) => sameName(col.name, c.column.name)));
      if (elsewhere) continue;
      out.push({ object, why: `names the column \`${c.column.name}\` of \`${c.table}\`, which this migration drops`, change: c });
      break;
    }
  }
  return out;
}

/** Words that are SQL keywords when written bare: never taken for a renamed column. */
const KEYWORDS = new Set(
  'ABORT ACTION AFTER ALL AND AS ASC BEFORE BEGIN BETWEEN BY CASE CAST CHECK COLLATE CREATE DEFAULT DELETE DESC DISTINCT EACH ELSE END ESCAPE EXCEPT EXISTS FAIL FOR FROM GLOB GROUP HAVING IF IGNORE IN INDEX INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LEFT LIKE LIMIT MATCH NEW NOT NOTNULL NULL OF OFFSET OLD ON OR ORDER RAISE REGEXP REPLACE ROLLBACK ROW SELECT SET TABLE TEMP TEMPORARY THEN TRIGGER UNION UPDATE USING VALUES VIEW WHEN WHERE WITH'.split(' '),
);

function isBareKeyword(id: IdentifierAt): boolean {
  return id.bare && KEYWORDS.has(id.name.toUpperCase());
}

/**
 * An expression of a table's own (a CHECK, a generated column) after the migration's renames of that table's
 * columns: unqualified names and names qualified by the table are columns of the table.
 */
export function expressionAfterRenames(expression: string, oldTable: string, renames: RenameLookup): string {
  const newTable = renames.table(oldTable) ?? oldTable;
  return renameIdentifiers(expression, (id) => {
    if (id.call || isBareKeyword(id)) return undefined;
    if (id.qualifier !== undefined) return sameName(id.qualifier, oldTable) || sameName(id.qualifier, newTable) ? renames.column(oldTable, id.name) : undefined;
    return renames.column(oldTable, id.name) ?? (sameName(id.name, oldTable) ? renames.table(oldTable) : undefined);
  });
}

/**
 * A trigger's text after the migration's renames, as SQLite itself rewrites it on RENAME TABLE and RENAME COLUMN:
 * renamed tables by name, and renamed columns of the trigger's table where they are qualified by NEW, OLD or the
 * table, or unqualified and not a column of another table the trigger names.
 */
export function triggerAfterRenames(trigger: Trigger, from: DatabaseModel, renames: RenameLookup): Trigger {
  const own = trigger.table;
  const others = tablesNamed(trigger.sql, from).filter((t) => !sameName(t.name, own));
  const sql = renameIdentifiers(trigger.sql, (id) => {
    if (id.call || isBareKeyword(id)) return undefined;
    if (id.qualifier === undefined) {
      const table = renames.table(id.name);
      if (table !== undefined) return table;
    }
    const qualifier = id.qualifier?.toLowerCase();
    if (qualifier !== undefined && qualifier !== 'new' && qualifier !== 'old' && !sameName(qualifier, own)) return undefined;
    const column = renames.column(own, id.name);
    if (column === undefined) return undefined;
    if (qualifier === undefined && others.some((t) => t.columns.some((c) => sameName(c.name, id.name)))) return undefined;
    return column;
  });
  return { name: trigger.name, table: renames.table(own) ?? own, sql };
}

/** A table's columns with the generated expressions after the renames (their names unchanged). */
export function columnsAfterRenames(columns: readonly Column[], oldTable: string, renames: RenameLookup): Column[] {
  return columns.map((c) => (c.generated ? { ...c, generated: { ...c.generated, expression: expressionAfterRenames(c.generated.expression, oldTable, renames) } } : c));
}
