/**
 * DatabaseModel → PulledSchema: one model per table (join tables of implicit many-to-many relations excepted), in
 * table-name order as `prisma db pull` writes them; scalar fields in column order, then relation fields; keys,
 * unique constraints and indexes as attributes with `map:` only where the name differs from Prisma's default.
 * Pure: the naming of a re-pull (names the user chose) comes in through `PullNaming`.
 */
import type { Column, DatabaseModel, Table } from '../database/model.js';
import { defaultArgument } from './defaults.js';
import { findJoinTables } from './join-tables.js';
import { COMMENT_MARKS, type PulledField, type PulledIndex, type PulledModel, type PulledRelation, type PulledScalarField, type PulledSchema } from './model.js';
import { fieldNameFor, modelNameFor, uniqueName, type NamingStyle } from './names.js';
import { pullRelations, type TableInfo } from './relations.js';
import { pslString, pulledTypeOf } from './types.js';

export interface PullNaming {
  readonly style: NamingStyle;
  /** Model names to keep, by lower-case table name (a re-pull keeps the user's). */
  readonly models?: ReadonlyMap<string, string>;
  /** Field names to keep, by lower-case `table.column`. */
  readonly fields?: ReadonlyMap<string, string>;
  /** Names already used by relation fields of the user's models, by lower-case table name. */
  readonly relationFields?: ReadonlyMap<string, readonly string[]>;
  /** Tables the user declared as models of their own: never read as implicit many-to-many join tables. */
  readonly explicitTables?: ReadonlySet<string>;
  /** Other names a new model must not take (the user's enums, views and types). */
  readonly takenNames?: ReadonlySet<string>;
}

const lower = (s: string): string => s.toLowerCase();
/** `prisma db pull` orders models by table name, byte by byte. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildPulledSchema(db: DatabaseModel, naming: PullNaming): PulledSchema {
  const tables = [...db.tables].sort((a, b) => byteOrder(a.name, b.name));
  const modelNames = assignModelNames(tables, naming);
  const modelOf = (table: string): string | undefined => modelNames.get(lower(table));
  const joinTables = findJoinTables({ ...db, tables }, modelOf).filter((j) => !naming.explicitTables?.has(lower(j.table)));
  const joined = new Set(joinTables.map((j) => lower(j.table)));
  const modelled = tables.filter((t) => !joined.has(lower(t.name)));

  const infos: TableInfo[] = [];
  const notes = new Map<string, string[]>();
  const indexes = new Map<string, PulledIndex[]>();
  for (const table of modelled) {
    const tableNotes: string[] = [];
    const fields = scalarFields(table, naming, tableNotes);
    const byColumn = new Map(fields.map((f) => [lower(f.column), f]));
    const fieldOf = (column: string): string => byColumn.get(lower(column))?.name ?? column;
    indexes.set(lower(table.name), pulledIndexes(table, fieldOf, tableNotes));
    tableNotes.push(...tableFeatureNotes(table));
    notes.set(lower(table.name), tableNotes);
    const taken = new Set([...fields.map((f) => f.name), ...(naming.relationFields?.get(lower(table.name)) ?? [])]);
    infos.push({ table, model: modelOf(table.name)!, fields: byColumn, ignored: !hasUniqueCriterion(table, byColumn), taken });
  }
  const { relations, notes: relationNotes } = pullRelations(infos, joinTables, naming.style);

  const models = infos.map((info): PulledModel => {
    const key = lower(info.table.name);
    const pk = info.table.primaryKey;
    const idFields = pk && pk.columns.length > 1 ? pk.columns.map((c) => info.fields.get(lower(c))?.name ?? c) : undefined;
    return {
      name: info.model,
      table: info.table.name,
      comments: info.ignored ? [`${COMMENT_MARKS.ignored} the table "${info.table.name}" has no primary key and no unique index on required columns, so Prisma Client cannot address its rows (@@ignore). Add a key, then pull again.`] : [],
      fields: [...info.fields.values(), ...relationFieldsOf(key, relations)],
      ...(idFields ? { compoundId: `@@id([${idFields.join(', ')}])` } : {}),
      indexes: indexes.get(key) ?? [],
      ignored: info.ignored,
      notes: [...(notes.get(key) ?? []), ...(relationNotes.get(key) ?? [])].map((n) => `${COMMENT_MARKS.databaseOnly} ${n}`),
    };
  });
  const views = [...db.views]
    .sort((a, b) => byteOrder(a.name, b.name))
    .map((v) => ({ name: v.name, comment: [`${COMMENT_MARKS.view}"${v.name}" is not described by the schema (Prisma manages tables); the database keeps it:`, ...v.sql.split(/\r?\n/).map((l) => `  ${l}`)] }));
  return { models, relations, joinTables: joinTables.map((j) => j.table), views };
}

function assignModelNames(tables: readonly Table[], naming: PullNaming): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>(naming.takenNames ?? []);
  for (const t of tables) {
    const kept = naming.models?.get(lower(t.name));
    if (kept !== undefined) {
      names.set(lower(t.name), kept);
      taken.add(kept);
    }
  }
  // Tables whose names need no change come first: `a_b` keeps its name, and `a-b` becomes `a_b2`.
  const unchanged = (t: Table): boolean => modelNameFor(t.name, naming.style) === t.name;
  for (const t of [...tables.filter(unchanged), ...tables.filter((t) => !unchanged(t))]) {
    if (names.has(lower(t.name))) continue;
    const name = uniqueName(modelNameFor(t.name, naming.style), taken, true);
    names.set(lower(t.name), name);
    taken.add(name);
  }
  return names;
}

function scalarFields(table: Table, naming: PullNaming, notes: string[]): PulledScalarField[] {
  const pk = table.primaryKey;
  const inKey = (c: Column): boolean => !!pk?.columns.some((k) => lower(k) === lower(c.name));
  const columns = table.columns.filter((c) => {
    if (!c.generated) return true;
    notes.push(`the generated column "${c.name}" ${c.type} GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.stored ? 'STORED' : 'VIRTUAL'} is not described: a schema cannot express generated columns.`);
    return false;
  });
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of columns) {
    const kept = naming.fields?.get(`${lower(table.name)}.${lower(c.name)}`);
    if (kept !== undefined) {
      names.set(c.name, kept);
      taken.add(kept);
    }
  }
  const unchanged = (c: Column): boolean => fieldNameFor(c.name, naming.style) === c.name;
  for (const c of [...columns.filter(unchanged), ...columns.filter((c) => !unchanged(c))]) {
    if (names.has(c.name)) continue;
    const name = uniqueName(fieldNameFor(c.name, naming.style), taken);
    names.set(c.name, name);
    taken.add(name);
  }
  return columns.map((c) => {
    const type = pulledTypeOf(c.type);
    const single = pk?.columns.length === 1 && inKey(c);
    const autoincrement = single && type.kind === 'scalar' && type.type === 'Int' && (pk!.autoincrement || isRowidAlias(table, c));
    const def = defaultArgument(c, type, autoincrement);
    return {
      kind: 'scalar',
      name: names.get(c.name)!,
      column: c.name,
      type,
      // A key column is required in a schema; SQLite lets a non-INTEGER key column hold NULL (a known quirk).
      arity: c.notNull || inKey(c) ? 'required' : 'optional',
      id: single,
      ...(def !== undefined ? { default: def } : {}),
    };
  });
}

/** `x INTEGER PRIMARY KEY` is the rowid: SQLite numbers new rows, so the field gets `@default(autoincrement())`. */
function isRowidAlias(table: Table, column: Column): boolean {
  return !table.withoutRowid && column.type.toUpperCase() === 'INTEGER' && table.primaryKey?.sort !== 'DESC';
}

function hasUniqueCriterion(table: Table, fields: ReadonlyMap<string, PulledScalarField>): boolean {
  if (table.primaryKey) return true;
  return table.indexes.some(
    (i) => i.unique && i.where === undefined && i.columns.every((c) => c.name !== undefined && fields.get(lower(c.name))?.arity === 'required'),
  );
}

function pulledIndexes(table: Table, fieldOf: (column: string) => string, notes: string[]): PulledIndex[] {
  const out: PulledIndex[] = [];
  const fieldLevel = new Set<string>();
  for (const index of table.indexes) {
    if (index.origin === 'pk') continue;
    if (index.columns.some((c) => c.name === undefined)) {
      notes.push(`the index "${index.name}" on an expression is not described: a schema cannot express expression indexes.`);
      continue;
    }
    const columns = index.columns.map((c) => c.name!);
    const defaultName = `${table.name}_${columns.join('_')}_${index.unique ? 'key' : 'idx'}`;
    const map = index.origin === 'c' && index.name !== defaultName ? `map: ${pslString(index.name)}` : undefined;
    const where = index.where !== undefined ? `where: raw(${pslString(index.where)})` : undefined;
    const first = index.columns[0]!;
    if (index.unique && columns.length === 1 && first.sort === undefined && where === undefined && !fieldLevel.has(lower(columns[0]!))) {
      fieldLevel.add(lower(columns[0]!));
      out.push({ index, name: map ? index.name : defaultName, field: fieldOf(columns[0]!), text: map ? `@unique(${map})` : '@unique' });
      continue;
    }
    const list = index.columns.map((c) => `${fieldOf(c.name!)}${c.sort === 'DESC' ? '(sort: Desc)' : ''}`).join(', ');
    const args = [`[${list}]`, map, where].filter((a) => a !== undefined).join(', ');
    out.push({ index, name: map ? index.name : defaultName, text: `@@${index.unique ? 'unique' : 'index'}(${args})` });
  }
  return out;
}

/** What the table has that a schema cannot say. The database keeps it: migrations preserve these through rebuilds. */
function tableFeatureNotes(table: Table): string[] {
  const out: string[] = [];
  for (const c of table.columns) if (c.collation !== undefined) out.push(`"${c.name}" COLLATE ${c.collation}.`);
  for (const check of table.checks) out.push(`CHECK (${check.expression})${check.name !== undefined ? ` (constraint "${check.name}")` : ''}.`);
  if (table.primaryKey?.sort === 'DESC') out.push('the primary key is descending.');
  if (table.withoutRowid) out.push('WITHOUT ROWID.');
  if (table.strict) out.push('STRICT.');
  for (const ix of table.indexes) for (const c of ix.columns) if (c.collation !== undefined && c.name !== undefined) out.push(`the index "${ix.name}" compares "${c.name}" with COLLATE ${c.collation}.`);
  return out;
}

/**
 * The relation fields of a model in Prisma's order: as the relations come (tables by name, each table's foreign keys
 * as SQLite numbers them, then the join tables by name), the side that holds the key first.
 */
function relationFieldsOf(table: string, relations: readonly PulledRelation[]): PulledField[] {
  const out: PulledField[] = [];
  for (const r of relations) for (const side of r.sides) if (lower(side.table) === table) out.push(side.field);
  return out;
}
