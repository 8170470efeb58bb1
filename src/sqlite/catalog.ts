/**
 * Reading a database's catalog in four queries, however many tables it has: the schema objects, then every
 * table's columns, index columns and foreign keys through the PRAGMA table-valued functions joined across all
 * tables (no per-table round trips, which matters for a remote engine and for 5,000-table databases).
 * The row shapes are typed here, once; introspect.ts turns them into the DatabaseModel.
 */
import type { DatabaseConnection } from './connection.js';

/** A row of `sqlite_schema`, with `pragma_table_list`'s facts for tables. */
export interface SchemaObjectRow {
  readonly type: 'table' | 'index' | 'view' | 'trigger';
  readonly name: string;
  /** The table an index or trigger belongs to (the object itself for tables and views). */
  readonly tableName: string;
  /** The statement as SQLite stores it; null for the automatic indexes of UNIQUE and PRIMARY KEY constraints. */
  readonly sql: string | null;
  /** For tables: `table`, `virtual` or `shadow` (a virtual table's storage). Null for other objects. */
  readonly tableType: 'table' | 'virtual' | 'shadow' | null;
  readonly withoutRowid: 0 | 1 | null;
  readonly strict: 0 | 1 | null;
}

/** A row of `pragma_table_xinfo`. */
export interface ColumnRow {
  readonly tableName: string;
  readonly cid: number;
  readonly name: string;
  /** The declared type, '' when none. SQLite upper-cases the six standard type names (INT, INTEGER, REAL, …). */
  readonly type: string;
  readonly notNull: 0 | 1;
  /** The default as written, except that SQLite drops the outer parentheses of `DEFAULT (expr)`. */
  readonly defaultValue: string | null;
  /** 1-based position in the primary key, 0 when not in it. */
  readonly pk: number;
  /** 0 normal, 1 hidden (virtual tables), 2 generated VIRTUAL, 3 generated STORED. */
  readonly hidden: 0 | 1 | 2 | 3;
}

/** A key column of an index: `pragma_index_list` joined with `pragma_index_xinfo` (key columns only). */
export interface IndexColumnRow {
  readonly tableName: string;
  readonly indexName: string;
  readonly unique: 0 | 1;
  readonly origin: 'c' | 'u' | 'pk';
  readonly partial: 0 | 1;
  readonly seqno: number;
  /** The column's position in the table; -1 the rowid, -2 an expression. */
  readonly cid: number;
  /** Null for the rowid and for expressions. */
  readonly columnName: string | null;
  readonly desc: 0 | 1;
  /** The collation in effect (the column's own when the index does not name one). */
  readonly collation: string;
}

/** A row of `pragma_foreign_key_list`: one column pair of one foreign key. */
export interface ForeignKeyRow {
  readonly tableName: string;
  /** Numbers the table's foreign keys in reverse order of declaration (the last declared is 0). */
  readonly id: number;
  readonly seq: number;
  readonly parent: string;
  readonly fromColumn: string;
  /** Null when the DDL references the parent's primary key implicitly. */
  readonly toColumn: string | null;
  readonly onUpdate: string;
  readonly onDelete: string;
}

export interface Catalog {
  readonly objects: readonly SchemaObjectRow[];
  readonly columns: readonly ColumnRow[];
  readonly indexColumns: readonly IndexColumnRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
}

/** How many queries readCatalog issues, whatever the size of the database. */
export const CATALOG_QUERY_COUNT = 4;

// pragma_table_list lists every table each time it is evaluated: materialised once, it joins in O(n log n)
// (an automatic index) instead of once per schema row. Plain rows, not JSON as below: the rows are few and their
// statement text long, and JSON would escape every quote of it (7 ms against 9-15 ms at 1,000 tables).
const OBJECTS_SQL = `
WITH tables AS MATERIALIZED (SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main')
SELECT s.type AS "type", s.name AS "name", s.tbl_name AS "tableName", s.sql AS "sql",
       l.type AS "tableType", l.wr AS "withoutRowid", l.strict AS "strict"
FROM sqlite_schema AS s
LEFT JOIN tables AS l ON s.type = 'table' AND l.name = s.name
ORDER BY s.type, s.name`;

/**
 * The tables to describe: ordinary tables of the main schema, without SQLite's own `sqlite_*` tables and the
 * engine's internal ones. Virtual and shadow tables stay out of the PRAGMA joins: a virtual table whose module is
 * not loaded makes `pragma_table_xinfo` fail, and would fail the whole query. MATERIALIZED keeps the filter ahead
 * of the joins.
 */
function managedTables(internalCount: number): string {
  const placeholders = internalCount > 0 ? ` AND l.name NOT IN (${Array(internalCount).fill('?').join(', ')})` : '';
  return `WITH managed(name) AS MATERIALIZED (
  SELECT l.name FROM pragma_table_list AS l
  WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'${placeholders}
)`;
}

// The three PRAGMA joins below have no ORDER BY: an ORDER BY inside json_group_array sorts every row, half the time
// of the columns query (23 → 12 ms at 1,000 tables). A table-valued function takes its table from the row outside
// it, so the rows come table by table, each PRAGMA's in its own order (columns by cid, index columns by seqno,
// foreign keys by id and seq); groupTableSources (introspect.ts) still orders what it relies on.
const COLUMNS_SELECT = `
SELECT json_group_array(json_object(
         'tableName', t.name, 'cid', c.cid, 'name', c.name, 'type', c.type, 'notNull', c."notnull",
         'defaultValue', c.dflt_value, 'pk', c.pk, 'hidden', c.hidden)) AS "rows"
FROM managed AS t JOIN pragma_table_xinfo(t.name, 'main') AS c`;

const INDEX_COLUMNS_SELECT = `
SELECT json_group_array(json_object(
         'tableName', t.name, 'indexName', il.name, 'unique', il."unique", 'origin', il.origin, 'partial', il.partial,
         'seqno', ix.seqno, 'cid', ix.cid, 'columnName', ix.name, 'desc', ix."desc", 'collation', ix.coll)) AS "rows"
FROM managed AS t
JOIN pragma_index_list(t.name, 'main') AS il
JOIN pragma_index_xinfo(il.name, 'main') AS ix
WHERE ix.key = 1`;

const FOREIGN_KEYS_SELECT = `
SELECT json_group_array(json_object(
         'tableName', t.name, 'id', fk.id, 'seq', fk.seq, 'parent', fk."table", 'fromColumn', fk."from", 'toColumn', fk."to",
         'onUpdate', fk.on_update, 'onDelete', fk.on_delete)) AS "rows"
FROM managed AS t JOIN pragma_foreign_key_list(t.name, 'main') AS fk`;

/** Reads the whole catalog. `internalTables` are hidden like `sqlite_*` (see Capabilities.internalTables). */
export function readCatalog(conn: DatabaseConnection, internalTables: readonly string[]): Catalog {
  const managed = managedTables(internalTables.length);
  return {
    objects: conn.query(OBJECTS_SQL) as unknown as SchemaObjectRow[],
    columns: jsonRows<ColumnRow>(conn, managed + COLUMNS_SELECT, internalTables),
    indexColumns: jsonRows<IndexColumnRow>(conn, managed + INDEX_COLUMNS_SELECT, internalTables),
    foreignKeys: jsonRows<ForeignKeyRow>(conn, managed + FOREIGN_KEYS_SELECT, internalTables),
  };
}

/**
 * The rows of a query that SQLite returns as one JSON array (`json_group_array`):
 * the driver builds a row object through the V8 API at ~4 µs a row (25 ms for the 6,000 column rows of 1,000
 * tables), and JSON.parse builds the same objects in well under half the time. Every value here is text, an
 * integer or NULL, which JSON holds exactly.
 */
function jsonRows<T>(conn: DatabaseConnection, sql: string, params: readonly unknown[]): T[] {
  const [row] = conn.query(sql, params);
  return JSON.parse(String(row?.rows ?? '[]')) as T[];
}
