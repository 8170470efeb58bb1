/**
 * Introspection: a live database → DatabaseModel, in four queries (catalog.ts) however many tables it has.
 * Tables come in name order, columns in position order, indexes in name order, foreign keys in declaration order.
 * SQLite's own `sqlite_*` tables and the engine's internal tables (`_prisma_migrations`) are hidden. What the model
 * does not hold is reported, never dropped silently: virtual tables (I612), clauses the model does not record
 * (I613), and any table text this tool cannot read (I611).
 */
import type { DatabaseModel, Table, Trigger, View } from '../database/model.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readCatalog, type Catalog, type ColumnRow, type ForeignKeyRow, type IndexColumnRow } from './catalog.js';
import type { DatabaseConnection } from './connection.js';
import { buildTable, compareNames, type TableSource } from './introspect-table.js';
import { identifierKey, quoteIdentifier } from './quote.js';

export interface IntrospectionResult {
  readonly model: DatabaseModel;
  /** Warnings and notes about what the model does not hold; never errors. */
  readonly diagnostics: readonly Diagnostic[];
}

export function introspectDatabase(conn: DatabaseConnection): IntrospectionResult {
  const internalTables = conn.capabilities.internalTables;
  return buildDatabaseModel(readCatalog(conn, internalTables), internalTables);
}

/** The pure half of introspection: catalog rows → model and diagnostics. */
export function buildDatabaseModel(catalog: Catalog, internalTables: readonly string[]): IntrospectionResult {
  const hidden = new Set(internalTables.map(identifierKey));
  const isHidden = (table: string): boolean => {
    const key = identifierKey(table);
    return key.startsWith('sqlite_') || hidden.has(key);
  };
  const diagnostics: Diagnostic[] = [];
  const tables: Table[] = [];
  const views: View[] = [];
  const triggers: Trigger[] = [];

  const sources = groupTableSources(catalog);
  for (const object of catalog.objects) {
    if (isHidden(object.tableName)) continue;
    switch (object.type) {
      case 'table': {
        if (object.tableType === 'virtual') {
          diagnostics.push(diagnostic('I612', `Virtual table ${quoteIdentifier(object.name)} is not managed: it and its shadow tables are left as they are.`));
          break;
        }
        const source = sources.get(identifierKey(object.name));
        if (object.tableType !== 'table' || !source) break; // shadow tables belong to their virtual table
        const built = buildTable({
          name: source.name,
          sql: object.sql,
          withoutRowid: object.withoutRowid === 1,
          strict: object.strict === 1,
          columns: source.columns,
          indexes: source.indexes,
          foreignKeys: source.foreignKeys,
        });
        tables.push(built.table);
        diagnostics.push(...built.diagnostics);
        break;
      }
      case 'view':
        views.push({ name: object.name, sql: object.sql ?? '' });
        break;
      case 'trigger':
        triggers.push({ name: object.name, table: object.tableName, sql: object.sql ?? '' });
        break;
      case 'index':
        break; // read through the PRAGMAs; their text is looked up by name
    }
  }
  const byName = <T extends { name: string }>(a: T, b: T): number => compareNames(a.name, b.name);
  return { model: { tables: tables.sort(byName), views: views.sort(byName), triggers: triggers.sort(byName) }, diagnostics };
}

/** Sorts `rows` in place unless they are already in order (nearly always: then one pass, no sort). */
function inOrder<T>(rows: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < rows.length; i++) if (compare(rows[i - 1]!, rows[i]!) > 0) return rows.sort(compare);
  return rows;
}

type GroupedTable = Omit<TableSource, 'sql' | 'withoutRowid' | 'strict'>;

interface IndexGroup {
  readonly name: string;
  readonly sql: string | null;
  readonly columns: IndexColumnRow[];
}

interface TableGroup {
  readonly name: string;
  readonly columns: ColumnRow[];
  readonly indexes: Map<string, IndexGroup>;
  readonly foreignKeys: ForeignKeyRow[];
}

/**
 * The PRAGMA rows of each managed table, keyed by identifierKey(name). Rows arrive table by table in each PRAGMA's
 * order (catalog.ts); columns by cid and index columns by seqno are what the model relies on, so those are made sure
 * of here (a sort of rows already in order costs one pass), and indexes are put in name order. Foreign keys are
 * grouped by id when the table is built.
 */
function groupTableSources(catalog: Catalog): Map<string, GroupedTable> {
  const indexSql = new Map<string, string | null>();
  for (const o of catalog.objects) if (o.type === 'index') indexSql.set(identifierKey(o.name), o.sql);

  const groups = new Map<string, TableGroup>();
  const groupOf = (tableName: string): TableGroup => {
    const key = identifierKey(tableName);
    let group = groups.get(key);
    if (!group) {
      group = { name: tableName, columns: [], indexes: new Map(), foreignKeys: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const row of catalog.columns) groupOf(row.tableName).columns.push(row);
  for (const row of catalog.foreignKeys) groupOf(row.tableName).foreignKeys.push(row);
  for (const row of catalog.indexColumns) {
    const indexes = groupOf(row.tableName).indexes;
    let index = indexes.get(row.indexName);
    if (!index) {
      index = { name: row.indexName, sql: indexSql.get(identifierKey(row.indexName)) ?? null, columns: [] };
      indexes.set(row.indexName, index);
    }
    index.columns.push(row);
  }
  const result = new Map<string, GroupedTable>();
  for (const [key, g] of groups) {
    // By name, as the model lists them (and so their warnings come in that order, whatever order SQLite gives).
    const indexes = [...g.indexes.values()].sort((a, b) => compareNames(a.name, b.name));
    for (const index of indexes) inOrder(index.columns, (a, b) => a.seqno - b.seqno);
    result.set(key, { name: g.name, columns: inOrder(g.columns, (a, b) => a.cid - b.cid), indexes, foreignKeys: g.foreignKeys });
  }
  return result;
}
