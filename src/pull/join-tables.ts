/**
 * Implicit many-to-many join tables: a table that from-schema.ts would write for a list-to-list relation
 * (`_AToB` or `_Name`, columns `A` and `B` typed like the two ids, foreign keys `ON DELETE CASCADE ON UPDATE CASCADE`,
 * the unique index `_X_AB_unique` and the index `_X_B_index`, nothing else). Only such a table is read as a relation:
 * anything more or less stays a model of its own, so that the schema describes the table exactly. Column `A` must
 * reference the model whose name sorts first, as in the schema (Prisma checks the table names; we check the names
 * the models get, which differ under `--naming camel`).
 */
import { typeFamily } from '../database/normalize.js';
import type { DatabaseModel, ForeignKey, Index, Table } from '../database/model.js';

export interface JoinTable {
  readonly table: string;
  /** The referenced tables of columns A and B. */
  readonly a: string;
  readonly b: string;
  /** The relation name, when the table is not `_<ModelA>To<ModelB>` (always set for a self relation). */
  readonly relationName?: string;
}

const lower = (s: string): string => s.toLowerCase();

export function findJoinTables(db: DatabaseModel, modelOf: (table: string) => string | undefined): JoinTable[] {
  const out: JoinTable[] = [];
  for (const table of db.tables) {
    const found = joinTableOf(table, db, modelOf);
    if (found) out.push(found);
  }
  return out;
}

function joinTableOf(table: Table, db: DatabaseModel, modelOf: (table: string) => string | undefined): JoinTable | undefined {
  const t = table.name;
  if (!t.startsWith('_') || t.length < 2 || table.primaryKey || table.columns.length !== 2) return undefined;
  const [colA, colB] = table.columns as [Table['columns'][number], Table['columns'][number]];
  if (colA.name !== 'A' || colB.name !== 'B') return undefined;
  if (!table.columns.every((c) => c.notNull && c.default === undefined && !c.generated)) return undefined;
  if (table.foreignKeys.length !== 2 || table.indexes.length !== 2) return undefined;
  const fkA = table.foreignKeys.find((fk) => fk.columns.length === 1 && fk.columns[0] === 'A');
  const fkB = table.foreignKeys.find((fk) => fk.columns.length === 1 && fk.columns[0] === 'B');
  if (!fkA || !fkB) return undefined;
  const refA = referencedId(fkA, db);
  const refB = referencedId(fkB, db);
  if (!refA || !refB) return undefined;
  if (typeFamily(colA.type) !== typeFamily(refA.type) || typeFamily(colB.type) !== typeFamily(refB.type)) return undefined;
  if (!hasIndex(table.indexes, ['A', 'B'], true, `${t}_AB_unique`) || !hasIndex(table.indexes, ['B'], false, `${t}_B_index`)) return undefined;
  const modelA = modelOf(refA.table);
  const modelB = modelOf(refB.table);
  if (modelA === undefined || modelB === undefined || modelA > modelB) return undefined;
  const self = modelA === modelB;
  const name = t.slice(1);
  return { table: t, a: refA.table, b: refB.table, ...(self || name !== `${modelA}To${modelB}` ? { relationName: name } : {}) };
}

/** The referenced table and its id column, when the key references a one-column primary key with CASCADE actions. */
function referencedId(fk: ForeignKey, db: DatabaseModel): { table: string; type: string } | undefined {
  if (fk.onDelete !== 'CASCADE' || fk.onUpdate !== 'CASCADE') return undefined;
  const target = db.tables.find((x) => lower(x.name) === lower(fk.referencedTable));
  const pk = target?.primaryKey?.columns;
  if (!target || !pk || pk.length !== 1) return undefined;
  if (fk.referencedColumns.length > 0 && (fk.referencedColumns.length !== 1 || lower(fk.referencedColumns[0]!) !== lower(pk[0]!))) return undefined;
  const column = target.columns.find((c) => lower(c.name) === lower(pk[0]!));
  return column ? { table: target.name, type: column.type } : undefined;
}

/**
 * The index from-schema writes: a CREATE INDEX of that exact name, or (for the unique one) a UNIQUE constraint in the
 * table text, which the differ takes for the same index.
 */
function hasIndex(indexes: readonly Index[], columns: readonly string[], unique: boolean, name: string): boolean {
  return indexes.some(
    (i) =>
      i.unique === unique &&
      i.where === undefined &&
      i.columns.length === columns.length &&
      i.columns.every((c, k) => c.name === columns[k] && c.sort === undefined) &&
      (lower(i.name) === lower(name) || (unique && i.origin === 'u')),
  );
}
