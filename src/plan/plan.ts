/**
 * planMigration: turns changes into ordered, executable steps. It rebuilds a table only when SQLite cannot
 * ALTER it: ADD COLUMN covers nullable columns and required columns with a constant default, DROP COLUMN and
 * RENAME COLUMN are used where SQLite allows them, and everything else goes through one RedefineTables step.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Column, DatabaseModel, ForeignKey, Table, Trigger, View } from '../database/model.js';
import { findTable } from '../database/model.js';
import { sameName } from '../database/normalize.js';
import { isConstantDefault, quoteIdentifier } from '../database/sql-text.js';
import { mentionsIdentifier } from './mentions.js';
import type { Change } from '../diff/changes.js';
import { tableOfChange } from '../diff/changes.js';
import { brokenDependents, columnsAfterRenames, expressionAfterRenames, renameLookup, triggerAfterRenames } from './dependents.js';
import type { ColumnCopy, RedefinedTable, Step } from './steps.js';
import { sortSteps } from './steps.js';
import { defined } from '../defined.js';

/** How many tables a migration may ALTER before rebuilding them is cheaper (see planMigration). */
export const BULK_ALTER_LIMIT = 64;

export interface PlanOptions {
  /** The SQLite version of the database the plan will run on (native DROP COLUMN needs 3.35, RENAME COLUMN 3.25). */
  readonly sqliteVersion?: string;
}

export interface MigrationPlan {
  readonly steps: readonly Step[];
  /** Things the plan had to give up, such as a CHECK constraint that names a dropped column. */
  readonly notes: readonly Diagnostic[];
}

export function planMigration(from: DatabaseModel, to: DatabaseModel, changes: readonly Change[], options: PlanOptions = {}): MigrationPlan {
  const version = parseVersion(options.sqliteVersion ?? '3.53.0');
  const canDropColumn = compareVersion(version, [3, 35, 0]) >= 0;
  const canRenameColumn = compareVersion(version, [3, 25, 0]) >= 0;
  const notes: Diagnostic[] = [];

  // Which existing tables must be rebuilt, and why.
  const reasons = new Map<string, string[]>();
  const addReason = (table: string, reason: string): void => {
    const key = table.toLowerCase();
    const list = reasons.get(key) ?? [];
    list.push(reason);
    reasons.set(key, list);
  };
  // Views and triggers that would name a dropped table or column: dropped first (DropView, DropTrigger), and reported.
  const broken = brokenDependents(from, to, changes);
  const isBroken = (o: View | Trigger): boolean => broken.some((b) => (b.object.kind === 'view' ? b.object.view : b.object.trigger) === o);
  const keptObjects: DatabaseModel = { ...from, views: from.views.filter((v) => !isBroken(v)), triggers: from.triggers.filter((t) => !isBroken(t)) };
  // Foreign keys dropped only to be added back with other actions (computed once: a scan per change is quadratic).
  const replacedForeignKeys = new Set<ForeignKey>();
  for (const c of changes) if (c.kind === 'AddForeignKey') {
    const was = changedForeignKey(c, changes);
    if (was) replacedForeignKeys.add(was);
  }
  const droppedTables = new Set(changes.filter((c) => c.kind === 'DropTable').map((c) => (c.kind === 'DropTable' ? c.table.name.toLowerCase() : '')));
  for (const c of changes) {
    switch (c.kind) {
      case 'AlterPrimaryKey':
        addReason(c.table, `primary key (${(c.from?.columns ?? []).join(', ')}) → (${(c.to?.columns ?? []).join(', ')})${c.from && c.to && c.from.autoincrement !== c.to.autoincrement ? (c.to.autoincrement ? ' with AUTOINCREMENT' : ' without AUTOINCREMENT') : ''}`);
        break;
      case 'AlterColumn':
        addReason(c.table, describeColumnChange(c.from, c.to, c.changes));
        break;
      case 'AddForeignKey': {
        const fk = c.foreignKey;
        const was = changedForeignKey(c, changes);
        if (was) {
          const actions = [was.onDelete !== fk.onDelete ? `ON DELETE ${was.onDelete} → ${fk.onDelete}` : '', was.onUpdate !== fk.onUpdate ? `ON UPDATE ${was.onUpdate} → ${fk.onUpdate}` : ''];
          addReason(c.table, `foreign key (${fk.columns.join(', ')}) → ${fk.referencedTable} ${actions.filter(Boolean).join(', ')}`);
        } else addReason(c.table, `foreign key (${fk.columns.join(', ')}) → ${fk.referencedTable} added (ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate})`);
        break;
      }
      case 'DropForeignKey':
        // A changed foreign key is one Drop and one Add: the Add says what changed.
        if (!replacedForeignKeys.has(c.foreignKey)) {
          addReason(c.table, `foreign key (${c.foreignKey.columns.join(', ')}) → ${c.foreignKey.referencedTable} removed`);
        }
        break;
      case 'AddColumn': {
        const why = whyNotAddable(c.column);
        if (why) addReason(c.table, `column "${c.column.name}" ${why}`);
        break;
      }
      case 'DropColumn': {
        if (droppedTables.has(c.table.toLowerCase())) break;
        const table = findTable(from, tableBefore(c.table, changes));
        const why = !canDropColumn ? 'cannot be dropped before SQLite 3.35' : table ? whyNotDroppable(c.column, table, keptObjects, changes) : undefined;
        if (why) addReason(c.table, `column "${c.column.name}" dropped, and it ${why}`);
        break;
      }
      case 'RenameColumn':
        if (!canRenameColumn) addReason(c.table, `column "${c.from}" renamed, which needs SQLite 3.25`);
        break;
      case 'DropIndex':
        if (c.index.origin === 'u' && !droppedTables.has(c.index.table.toLowerCase())) {
          addReason(c.index.table, `UNIQUE (${c.index.columns.map((x) => x.name ?? x.expression).join(', ')}) is written in the table definition`);
        }
        break;
      default:
        break;
    }
  }

  // In bulk, ALTER TABLE is quadratic: SQLite re-reads the whole schema after every ALTER TABLE (ADD, DROP or
  // RENAME COLUMN), so 500 of them on a 1,000-table schema take seconds. A rebuild only creates and drops, which
  // SQLite applies incrementally. Past a threshold, the tables that would be ALTERed are rebuilt instead.
  const altered = new Set(
    changes
      .filter((c) => (c.kind === 'AddColumn' || c.kind === 'DropColumn' || c.kind === 'RenameColumn') && !droppedTables.has(c.table.toLowerCase()))
      .map((c) => tableOfChange(c).toLowerCase())
      .filter((t) => !reasons.has(t) && findTable(from, tableBefore(t, changes)) !== undefined),
  );
  if (altered.size > BULK_ALTER_LIMIT) {
    for (const t of altered) addReason(t, `one of ${altered.size} tables to ALTER: in bulk a rebuild is faster, since SQLite re-reads the whole schema after each ALTER TABLE`);
  }

  const steps: Step[] = [];
  for (const b of broken) {
    const what = b.object.kind === 'view' ? `view \`${b.object.view.name}\`` : `trigger \`${b.object.trigger.name}\``;
    notes.push(diagnostic('D312', `The ${what} ${b.why}, so the migration drops the ${b.object.kind}.`, { hint: `Recreate the ${b.object.kind} by hand if it is still needed.` }));
    steps.push(b.object.kind === 'view' ? { kind: 'DropView', view: b.object.view, changes: [b.change] } : { kind: 'DropTrigger', trigger: b.object.trigger, changes: [b.change] });
  }

  const renames = renameLookup(changes);
  const redefined: RedefinedTable[] = [];
  const redefinedChanges: Change[] = [];
  const isRedefined = (table: string): boolean => reasons.has(table.toLowerCase());
  // Column renames in a rebuilt table run natively first when they can, so that SQLite rewrites the views and
  // triggers that name the columns; the rebuild then copies from the renamed columns.
  const nativeRenames = new Set<Change>();
  const changesByTable = new Map<string, Change[]>();
  for (const c of changes) {
    const key = tableOfChange(c).toLowerCase();
    const list = changesByTable.get(key);
    if (list) list.push(c);
    else changesByTable.set(key, [c]);
  }
  for (const t of to.tables) {
    if (!isRedefined(t.name)) continue;
    const ownChanges = changesByTable.get(t.name.toLowerCase()) ?? [];
    const found = findTable(from, tableBefore(t.name, changes));
    if (!found) continue;
    const columnRenames = ownChanges.filter((c) => c.kind === 'RenameColumn');
    const collides = columnRenames.some((r) => r.kind === 'RenameColumn' && found.columns.some((c) => sameName(c.name, r.to)));
    if (canRenameColumn && !collides) for (const r of columnRenames) nativeRenames.add(r);
    // The table as it is when the step runs: renamed (RenameTable and RenameColumn steps come first), its CHECKs
    // and generated columns naming the renamed columns.
    const current: Table = {
      ...found,
      name: t.name,
      columns: columnsAfterRenames(found.columns, found.name, renames).map((c) => (canRenameColumn && !collides ? { ...c, name: renames.column(found.name, c.name) ?? c.name } : c)),
      checks: found.checks.map((ck) => ({ ...ck, expression: expressionAfterRenames(ck.expression, found.name, renames) })),
    };
    redefinedChanges.push(...ownChanges);
    redefined.push(redefineTable(current, t, ownChanges.filter((c) => !nativeRenames.has(c)), reasons.get(t.name.toLowerCase())!, notes));
  }

  for (const c of changes) {
    const table = tableOfChange(c);
    // An index created by name is dropped by name even on a rebuilt table, so that the script says so.
    const explicit = c.kind === 'RenameTable' || nativeRenames.has(c) || (c.kind === 'DropIndex' && c.index.origin === 'c');
    if (isRedefined(table) && !explicit) continue;
    switch (c.kind) {
      case 'AddTable':
        steps.push({ kind: 'CreateTable', table: c.table, changes: [c] });
        for (const index of c.table.indexes) if (index.origin === 'c') steps.push({ kind: 'CreateIndex', index, changes: [c] });
        break;
      case 'DropTable':
        steps.push({ kind: 'DropTable', table: c.table, changes: [c] });
        break;
      case 'RenameTable':
        steps.push({ kind: 'RenameTable', from: c.from, to: c.to, changes: [c] });
        break;
      case 'AddColumn':
        steps.push({ kind: 'AddColumn', table: c.table, column: c.column, changes: [c] });
        break;
      case 'DropColumn':
        if (!droppedTables.has(c.table.toLowerCase())) steps.push({ kind: 'DropColumn', table: c.table, column: c.column.name, changes: [c] });
        break;
      case 'RenameColumn':
        steps.push({ kind: 'RenameColumn', table: c.table, from: c.from, to: c.to, changes: [c] });
        break;
      case 'AddIndex':
        steps.push({ kind: 'CreateIndex', index: c.index, changes: [c] });
        break;
      case 'DropIndex':
        // Indexes of a dropped table go with it.
        if (!droppedTables.has(c.index.table.toLowerCase())) steps.push({ kind: 'DropIndex', index: c.index, changes: [c] });
        break;
      case 'AlterColumn':
      case 'AlterPrimaryKey':
      case 'AddForeignKey':
      case 'DropForeignKey':
        // Only reachable for tables that are redefined (handled above).
        break;
    }
  }
  if (redefined.length > 0) {
    const rebuilt = (tr: Trigger): boolean => isRedefined(renames.table(tr.table) ?? tr.table);
    const dropped = (tr: Trigger): boolean => droppedTables.has(tr.table.toLowerCase());
    const kept = keptObjects.triggers.filter((tr) => !dropped(tr));
    steps.push({
      kind: 'RedefineTables',
      tables: redefined,
      triggers: kept.filter(rebuilt).map((tr) => triggerAfterRenames(tr, from, renames)),
      changes: redefinedChanges,
    });
  }
  return { steps: sortSteps(steps), notes };
}

/** For an added foreign key that replaces one on the same columns and parent (its actions changed): the old one. */
function changedForeignKey(add: Extract<Change, { kind: 'AddForeignKey' }>, changes: readonly Change[]): ForeignKey | undefined {
  const sameKey = (a: ForeignKey, b: ForeignKey): boolean => sameName(a.referencedTable, b.referencedTable) && a.columns.length === b.columns.length && a.columns.every((col, i) => sameName(col, b.columns[i]!));
  const drop = droppedForeignKeys(changes).get(add.table.toLowerCase())?.find((fk) => sameKey(fk, add.foreignKey));
  return drop;
}

const droppedForeignKeysCache = new WeakMap<readonly Change[], Map<string, ForeignKey[]>>();
/** The foreign keys a change list drops, by lowercased table name. */
function droppedForeignKeys(changes: readonly Change[]): Map<string, ForeignKey[]> {
  let map = droppedForeignKeysCache.get(changes);
  if (!map) {
    map = new Map();
    for (const c of changes) {
      if (c.kind !== 'DropForeignKey') continue;
      const key = c.table.toLowerCase();
      map.set(key, [...(map.get(key) ?? []), c.foreignKey]);
    }
    droppedForeignKeysCache.set(changes, map);
  }
  return map;
}

/** The name a table had before this migration (following a RenameTable change). */
function tableBefore(name: string, changes: readonly Change[]): string {
  return previousNames(changes).get(name.toLowerCase()) ?? name;
}

const previousNamesCache = new WeakMap<readonly Change[], Map<string, string>>();
/** New table name (lowercased) → its name before this migration, for the RenameTable changes of a change list. */
function previousNames(changes: readonly Change[]): Map<string, string> {
  let map = previousNamesCache.get(changes);
  if (!map) {
    map = new Map();
    for (const c of changes) if (c.kind === 'RenameTable') map.set(c.to.toLowerCase(), c.from);
    previousNamesCache.set(changes, map);
  }
  return map;
}

function describeColumnChange(from: Column, to: Column, kinds: readonly string[]): string {
  const parts: string[] = [];
  if (kinds.includes('type')) parts.push(`type ${from.type || '(none)'} → ${to.type || '(none)'}`);
  if (kinds.includes('nullability')) parts.push(to.notNull ? 'made required' : 'made optional');
  if (kinds.includes('default')) parts.push(`default ${from.default ?? '(none)'} → ${to.default ?? '(none)'}`);
  if (kinds.includes('generated')) parts.push('generated expression changed');
  return `column "${to.name}" ${parts.join(', ')}`;
}

/** Why `ALTER TABLE … ADD COLUMN` cannot add this column, or undefined when it can. */
export function whyNotAddable(column: Column): string | undefined {
  if (column.generated?.stored) return 'is a stored generated column';
  if (column.default !== undefined && !isConstantDefault(column.default)) return `has a non-constant default (${column.default})`;
  if (column.notNull && column.default === undefined && !column.generated) return 'is required and has no default';
  return undefined;
}

/** Why `ALTER TABLE … DROP COLUMN` cannot drop this column, or undefined when it can. */
function whyNotDroppable(column: Column, table: Table, db: DatabaseModel, changes: readonly Change[]): string | undefined {
  const name = column.name;
  if (table.primaryKey?.columns.some((c) => sameName(c, name))) return 'is in the primary key';
  const droppedIndexes = new Set(changes.filter((c) => c.kind === 'DropIndex').map((c) => (c.kind === 'DropIndex' ? c.index.name.toLowerCase() : '')));
  for (const index of table.indexes) {
    const uses = index.columns.some((c) => (c.name !== undefined ? sameName(c.name, name) : mentionsIdentifier(c.expression ?? '', name))) || (index.where !== undefined && mentionsIdentifier(index.where, name));
    if (!uses) continue;
    if (index.origin === 'u' || index.origin === 'pk') return 'is in a UNIQUE constraint';
    if (!droppedIndexes.has(index.name.toLowerCase())) return `is used by the index "${index.name}"`;
  }
  if (table.foreignKeys.some((fk) => fk.columns.some((c) => sameName(c, name)))) return 'has a foreign key';
  if (table.checks.some((ck) => mentionsIdentifier(ck.expression, name))) return 'is used by a CHECK constraint';
  if (table.columns.some((c) => c.generated && mentionsIdentifier(c.generated.expression, name))) return 'is used by a generated column';
  const dependent = [...db.views.map((v) => v.sql), ...db.triggers.map((t) => t.sql)].some((sql) => mentionsIdentifier(sql, name));
  if (dependent) return 'is used by a view or trigger';
  return undefined;
}

function redefineTable(old: Table, desired: Table, changes: readonly Change[], reasons: readonly string[], notes: Diagnostic[]): RedefinedTable {
  const renamedColumn = (newName: string): string => {
    const r = changes.find((c) => c.kind === 'RenameColumn' && sameName(c.to, newName));
    return r && r.kind === 'RenameColumn' ? r.from : newName;
  };
  const droppedColumns = old.columns.filter((c) => !desired.columns.some((d) => sameName(renamedColumn(d.name), c.name)));
  // Keep what the schema cannot express: collations, generated columns, CHECKs and table options.
  const columns = desired.columns.map((d) => {
    const before = old.columns.find((c) => sameName(c.name, renamedColumn(d.name)));
    const collation = d.collation ?? before?.collation;
    const generated = d.generated ?? before?.generated;
    // Most columns keep nothing: the desired column itself, not a copy.
    return collation === d.collation && generated === d.generated ? d : defined({ ...d, collation, generated });
  });
  const checks = old.checks.filter((ck) => {
    const gone = droppedColumns.find((c) => mentionsIdentifier(ck.expression, c.name));
    if (gone) {
      notes.push(
        diagnostic('D312', `The CHECK constraint \`${ck.expression}\` on \`${old.name}\` names the dropped column \`${gone.name}\`, so the rebuilt table does not keep it.`, {
          hint: 'Recreate the constraint by hand if it is still needed.',
        }),
      );
      return false;
    }
    return true;
  });
  const to: Table = { ...desired, columns, checks: [...desired.checks, ...checks], withoutRowid: old.withoutRowid || desired.withoutRowid, strict: old.strict || desired.strict };
  const copies: ColumnCopy[] = [];
  for (const col of columns) {
    if (col.generated) continue;
    const before = old.columns.find((c) => sameName(c.name, renamedColumn(col.name)));
    if (!before || before.generated) continue;
    const source = quoteIdentifier(before.name);
    const fill = col.notNull && !before.notNull && col.default !== undefined ? `coalesce(${source}, ${col.default}) AS ${quoteIdentifier(col.name)}` : source;
    copies.push({ column: col.name, expression: fill });
  }
  copies.sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  return { from: old, to, copies, reasons };
}

type Version = [number, number, number];
function parseVersion(v: string): Version {
  const [a = 0, b = 0, c = 0] = v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
}
function compareVersion(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
