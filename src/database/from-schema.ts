/**
 * Lays a SchemaModel out as a SQLite DatabaseModel exactly as Prisma's migration engine does, so that a
 * database Prisma migrated diffs as empty: the same table/column names, declared types, defaults, keys,
 * constraint names, and the same order of tables, columns, indexes and foreign keys.
 */
import type { ColumnField, DefaultValue, ForeignKeyRelation, Model, ReferentialAction, SchemaModel } from '../schema/model.js';
import { isColumnField } from '../schema/model.js';
import type { Column, DatabaseModel, ForeignKey, ForeignKeyAction, Index, IndexColumn, Table } from './model.js';
import { quoteIdentifier, quoteString } from './sql-text.js';
import { defined } from '../defined.js';

/** Prisma scalar → the declared SQLite type Prisma's migration engine writes. */
export const SCALAR_COLUMN_TYPES = {
  String: 'TEXT',
  Boolean: 'BOOLEAN',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'REAL',
  Decimal: 'DECIMAL',
  DateTime: 'DATETIME',
  Json: 'JSONB',
  Bytes: 'BLOB',
} as const;

export function columnTypeOf(field: ColumnField): string {
  switch (field.kind) {
    case 'scalar':
      return SCALAR_COLUMN_TYPES[field.type];
    case 'enum':
      return 'TEXT';
    case 'unsupported':
      return field.sqlType;
  }
}

const ACTIONS: Record<ReferentialAction, ForeignKeyAction> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

export function databaseModelFromSchema(schema: SchemaModel): DatabaseModel {
  const byName = new Map(schema.models.map((m) => [m.name, m]));
  const enums = new Map(schema.enums.map((e) => [e.name, e]));
  const withForeignKeys = schema.datasource?.relationMode !== 'prisma';
  // The relation that each referencing field holds, looked up by `Model.field` (a linear scan per field would
  // make large schemas quadratic).
  const referencing = new Map<string, ForeignKeyRelation>();
  for (const r of schema.relations) if (r.kind !== 'ManyToMany') referencing.set(`${r.referencing.model}.${r.referencing.field}`, r);
  const tables: Table[] = [];
  for (const model of schema.models) tables.push(modelTable(model, referencing, byName, enums, withForeignKeys));
  // Join tables come after the model tables, in Prisma's order: by the declaration of the model on side A, then
  // of its relation field.
  const modelIndex = new Map(schema.models.map((m, i) => [m.name, i]));
  const fieldIndex = (model: string, field: string): number => byName.get(model)?.fields.findIndex((f) => f.name === field) ?? -1;
  const joinRelations = schema.relations
    .filter((r): r is Extract<typeof r, { kind: 'ManyToMany' }> => r.kind === 'ManyToMany')
    .map((r) => ({ r, key: [modelIndex.get(r.a.model) ?? 0, fieldIndex(r.a.model, r.a.field)] as const }))
    .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1])
    .map((x) => x.r);
  for (const relation of joinRelations) {
    const a = byName.get(relation.a.model);
    const b = byName.get(relation.b.model);
    if (!a || !b) continue;
    const idA = singleIdColumn(a);
    const idB = singleIdColumn(b);
    if (!idA || !idB) continue;
    const t = relation.joinTable;
    tables.push({
      name: t,
      columns: [
        { name: 'A', type: columnTypeOf(idA), notNull: true },
        { name: 'B', type: columnTypeOf(idB), notNull: true },
      ],
      indexes: [
        { name: `${t}_AB_unique`, table: t, columns: [{ name: 'A' }, { name: 'B' }], unique: true, origin: 'c' },
        { name: `${t}_B_index`, table: t, columns: [{ name: 'B' }], unique: false, origin: 'c' },
      ],
      foreignKeys: withForeignKeys
        ? [
            { name: `${t}_A_fkey`, columns: ['A'], referencedTable: a.dbName, referencedColumns: [idA.dbName], onDelete: 'CASCADE', onUpdate: 'CASCADE' },
            { name: `${t}_B_fkey`, columns: ['B'], referencedTable: b.dbName, referencedColumns: [idB.dbName], onDelete: 'CASCADE', onUpdate: 'CASCADE' },
          ]
        : [],
      checks: [],
      withoutRowid: false,
      strict: false,
    });
  }
  return { tables, views: [], triggers: [] };
}

function singleIdColumn(model: Model): ColumnField | undefined {
  const pk = model.primaryKey;
  if (!pk || pk.fields.length !== 1) return undefined;
  const f = model.fields.find((x) => x.name === pk.fields[0]!.name);
  return f && isColumnField(f) ? f : undefined;
}

function modelTable(
  model: Model,
  referencing: ReadonlyMap<string, ForeignKeyRelation>,
  models: ReadonlyMap<string, Model>,
  enums: ReadonlyMap<string, SchemaModel['enums'][number]>,
  withForeignKeys: boolean,
): Table {
  const table = model.dbName;
  const columnFields = model.fields.filter(isColumnField);
  const dbNames = new Map(model.fields.map((f) => [f.name, f.dbName]));
  const dbNameOf = (fieldName: string): string => dbNames.get(fieldName) ?? fieldName;

  const pkFields = model.primaryKey?.fields ?? [];
  const singlePk = pkFields.length === 1 ? columnFields.find((f) => f.name === pkFields[0]!.name) : undefined;
  // Prisma writes AUTOINCREMENT for every single-column Int primary key (with or without the default).
  const autoincrement = singlePk?.kind === 'scalar' && singlePk.type === 'Int';

  const columns: Column[] = columnFields.map((f) => {
    const def = renderDefault(f, enums);
    return defined({ name: f.dbName, type: columnTypeOf(f), notNull: f.arity === 'required', default: def });
  });

  const indexes: Index[] = [];
  const indexColumns = (fields: readonly { name: string; sort?: 'Asc' | 'Desc' }[]): IndexColumn[] =>
    fields.map((f) => defined({ name: dbNameOf(f.name), sort: f.sort === 'Desc' ? ('DESC' as const) : undefined }));
  const defaultName = (fields: readonly { name: string }[], suffix: string): string => `${table}_${fields.map((f) => dbNameOf(f.name)).join('_')}_${suffix}`;
  // Prisma's order: field-level @unique, then @@index, then @@unique, each in declaration order.
  const fieldUniques = model.uniques.filter((u) => u.source === 'field');
  const blockUniques = model.uniques.filter((u) => u.source === 'block');
  // `@unique`/`@@unique` are unique indexes named T_cols_key, `@@index` plain ones named T_cols_idx (`map:` overrides).
  const indexOf = (key: Model['uniques'][number] | Model['indexes'][number], unique: boolean): Index =>
    defined({
      name: key.map ?? defaultName(key.fields, unique ? 'key' : 'idx'),
      table,
      columns: indexColumns(key.fields),
      unique,
      where: key.where ? renderWhere(key.where, dbNameOf) : undefined,
      origin: 'c',
    });
  for (const u of fieldUniques) indexes.push(indexOf(u, true));
  for (const ix of model.indexes) if (ix.kind === 'index') indexes.push(indexOf(ix, false));
  for (const u of blockUniques) indexes.push(indexOf(u, true));

  const foreignKeys: ForeignKey[] = [];
  if (withForeignKeys) {
    for (const field of model.fields) {
      if (field.kind !== 'relation') continue;
      const relation = referencing.get(`${model.name}.${field.name}`);
      if (!relation) continue;
      const target = models.get(relation.referenced.model);
      if (!target || relation.fields.length === 0) continue;
      const columns = relation.fields.map(dbNameOf);
      foreignKeys.push({
        name: `${table}_${columns.join('_')}_fkey`,
        columns,
        referencedTable: target.dbName,
        referencedColumns: relation.references.map((r) => target.fields.find((f) => f.name === r)?.dbName ?? r),
        onDelete: ACTIONS[relation.onDelete],
        onUpdate: ACTIONS[relation.onUpdate],
      });
    }
  }

  return defined({
    name: table,
    columns,
    primaryKey: pkFields.length > 0 ? { columns: pkFields.map((f) => dbNameOf(f.name)), autoincrement } : undefined,
    indexes,
    foreignKeys,
    checks: [],
    withoutRowid: false,
    strict: false,
  });
}

/** The DEFAULT expression Prisma writes for a field, or undefined when the default lives in the client only. */
export function renderDefault(field: ColumnField, enums: ReadonlyMap<string, SchemaModel['enums'][number]>): string | undefined {
  const d = field.default;
  if (!d) return undefined;
  switch (d.kind) {
    case 'Autoincrement':
    case 'Uuid':
    case 'Cuid':
    case 'Nanoid':
    case 'Ulid':
    case 'OtherFunction':
      return undefined;
    case 'Now':
      return 'CURRENT_TIMESTAMP';
    case 'DbGenerated':
      return d.sql;
    case 'Boolean':
      return d.value ? 'true' : 'false';
    case 'EnumValue': {
      if (field.kind !== 'enum') return undefined;
      const value = enums.get(field.enumName)?.values.find((v) => v.name === d.name);
      return quoteString(value?.dbName ?? d.name);
    }
    case 'Number':
      return renderNumberDefault(field, d.text);
    case 'String':
      return renderStringDefault(field, d.value);
    case 'List':
      return undefined;
  }
}

function renderNumberDefault(field: ColumnField, text: string): string {
  if (field.kind === 'scalar' && (field.type === 'Int' || field.type === 'BigInt')) {
    // Integers are parsed, so `-0` is written `0` (as Prisma does).
    try {
      return BigInt(text).toString();
    } catch {
      return text;
    }
  }
  return text;
}

function renderStringDefault(field: ColumnField, value: string): string {
  if (field.kind !== 'scalar') return quoteString(value);
  switch (field.type) {
    case 'DateTime':
      return quoteString(formatDateTimeDefault(value) ?? value);
    case 'Bytes':
      return quoteString(Buffer.from(value, 'base64').toString('hex'));
    case 'Decimal':
      // Prisma parses a Decimal given as a string and writes the number.
      return /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : quoteString(value);
    case 'Json':
      // Prisma writes the JSON text unquoted, which SQLite rejects for objects (`DEFAULT {}` is a syntax
      // error). We write a string literal; normalize.ts treats both spellings as the same default.
      return quoteString(value);
    default:
      return quoteString(value);
  }
}

/**
 * Formats an RFC 3339 timestamp as Prisma stores DateTime defaults: `YYYY-MM-DD HH:MM:SS[.fff] +HH:MM`, keeping
 * the offset, with the fraction in 3, 6 or 9 digits and omitted when zero (chrono's `%.f`).
 */
export function formatDateTimeDefault(iso: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const [, date, time, frac, zone] = m as unknown as [string, string, string, string | undefined, string];
  let fraction = '';
  if (frac && /[1-9]/.test(frac)) {
    const digits = frac.replace(/0+$/, '');
    const width = digits.length <= 3 ? 3 : digits.length <= 6 ? 6 : 9;
    fraction = '.' + digits.padEnd(width, '0').slice(0, 9);
  }
  const offset = zone === 'Z' || zone === 'z' ? '+00:00' : zone;
  return `${date} ${time}${fraction} ${offset}`;
}

/** A partial index condition as SQL: `raw("…")` verbatim, an object as `"col" = value AND …`. */
function renderWhere(where: NonNullable<Model['indexes'][number]['where']>, dbNameOf: (field: string) => string): string {
  if (where.kind === 'Raw') return where.sql;
  return where.conditions
    .map((c) => {
      const col = quoteIdentifier(dbNameOf(c.field));
      const v = c.value;
      switch (v.kind) {
        case 'Null':
          return `${col} IS NULL`;
        case 'String':
          return `${col} = ${quoteString(v.value)}`;
        case 'Number':
          return `${col} = ${v.text}`;
        case 'Boolean':
          return `${col} = ${v.value}`;
        case 'EnumValue':
          return `${col} = ${quoteString(v.name)}`;
        default:
          return `${col} IS NOT NULL`;
      }
    })
    .join(' AND ');
}

export type { DefaultValue };
