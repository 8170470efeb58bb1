/**
 * What the schema knows about the database that the DatabaseModel cannot hold: explicit renames
 * (`/// @renamed(from: "old")`), defaults that only the client computes, and enum columns with their values.
 */
import type { Renames } from '../diff/changes.js';
import type { SchemaHints } from '../plan/checks.js';
import { parseAnnotations } from '../schema/annotations.js';
import { isColumnField, type SchemaModel } from '../schema/model.js';

/** Renames declared in the schema: `/// @renamed(from: "old_table")` on a model, `/// @renamed(from: "old_column")` on a field. */
export function renamesFromSchema(schema: SchemaModel): Renames {
  const tables: { from: string; to: string }[] = [];
  const columns: { table: string; from: string; to: string }[] = [];
  for (const model of schema.models) {
    const renamed = parseAnnotations(model.docs).find((a) => a.name === 'renamed');
    const from = renamed?.args.from ?? renamed?.positional[0];
    if (typeof from === 'string' && from !== model.dbName) tables.push({ from, to: model.dbName });
    for (const field of model.fields) {
      if (!isColumnField(field)) continue;
      const r = parseAnnotations(field.docs).find((a) => a.name === 'renamed');
      const old = r?.args.from ?? r?.positional[0];
      if (typeof old === 'string' && old !== field.dbName) columns.push({ table: model.dbName, from: old, to: field.dbName });
    }
  }
  return { tables, columns };
}

const CLIENT_DEFAULTS = new Set(['Uuid', 'Cuid', 'Nanoid', 'Ulid']);

export function schemaHints(schema: SchemaModel): SchemaHints {
  const clientDefaults = new Set<string>();
  const enumColumns: { table: string; column: string; enumName: string; values: string[] }[] = [];
  const enums = new Map(schema.enums.map((e) => [e.name, e]));
  for (const model of schema.models) {
    for (const field of model.fields) {
      if (!isColumnField(field)) continue;
      const key = `${model.dbName}.${field.dbName}`.toLowerCase();
      if (field.default && CLIENT_DEFAULTS.has(field.default.kind)) clientDefaults.add(key);
      if (field.kind === 'scalar' && field.isUpdatedAt && !field.default) clientDefaults.add(key);
      if (field.kind === 'enum') {
        const e = enums.get(field.enumName);
        if (e) enumColumns.push({ table: model.dbName, column: field.dbName, enumName: e.name, values: e.values.map((v) => v.dbName) });
      }
    }
  }
  return { clientDefaults, enumColumns };
}
