/**
 * One table of the DatabaseModel, from two sources: the PRAGMA rows (authoritative for what SQLite enforces:
 * columns, types, NOT NULL, key columns, index columns and sort, foreign-key columns and actions) and the parsed
 * CREATE TABLE / CREATE INDEX text (for what only the text says). When the text cannot be parsed, or disagrees
 * with the PRAGMAs, the table is still built from the PRAGMAs and an I611 warning says what may be missing. Pure.
 */
import type { Column, ForeignKey, ForeignKeyAction, Index, IndexColumn, PrimaryKey, Table } from '../database/model.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ColumnRow, ForeignKeyRow, IndexColumnRow } from './catalog.js';
import type { ColumnDef, CreateIndexStatement, IndexedColumnDef } from './ddl-ast.js';
import { parseCreateIndex, parseCreateTable } from './ddl-parse.js';
import { tokenizeSql } from './ddl-tokens.js';
import { identifierKey, quoteIdentifier, sameIdentifier } from './quote.js';
import { describeTableDdl, type ForeignKeyDdl, type TableDdl } from './table-ddl.js';
import { defined } from '../defined.js';

export interface IndexSource {
  readonly name: string;
  /** The CREATE INDEX text; null for the automatic indexes of UNIQUE and PRIMARY KEY constraints. */
  readonly sql: string | null;
  /** The key columns, in order. */
  readonly columns: readonly IndexColumnRow[];
}

export interface TableSource {
  readonly name: string;
  readonly sql: string | null;
  readonly withoutRowid: boolean;
  readonly strict: boolean;
  /** In column order. */
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexSource[];
  /** In id order. */
  readonly foreignKeys: readonly ForeignKeyRow[];
}

export interface BuiltTable {
  readonly table: Table;
  readonly diagnostics: readonly Diagnostic[];
}

const FOREIGN_KEY_ACTIONS: readonly ForeignKeyAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

export function buildTable(source: TableSource): BuiltTable {
  const diagnostics: Diagnostic[] = [];
  const warn = (what: string): void => {
    diagnostics.push(diagnostic('I611', `Table ${quoteIdentifier(source.name)}: ${what}`));
  };
  const ddl = readTableDdl(source, warn);
  const columns = source.columns.map((row, i) => buildColumn(row, ddl?.columns[i], warn));
  const indexes = source.indexes.map((index) => buildIndex(source.name, index, ddl, warn));
  const foreignKeys = buildForeignKeys(source.foreignKeys, ddl, warn);
  const primaryKey = buildPrimaryKey(source.columns, ddl);
  if (ddl && ddl.unmodelled.length > 0) {
    diagnostics.push(
      diagnostic('I613', `Table ${quoteIdentifier(source.name)} uses what the database model does not record: ${ddl.unmodelled.join('; ')}. A rebuild of the table would drop it.`),
    );
  }
  const table: Table = defined({
    name: source.name,
    columns,
    primaryKey,
    indexes: [...indexes].sort((a, b) => compareNames(a.name, b.name)),
    foreignKeys,
    checks: ddl?.checks ?? [],
    withoutRowid: source.withoutRowid,
    strict: source.strict,
  });
  return { table, diagnostics };
}

/** The parsed CREATE TABLE, or undefined (with a warning) when it cannot be read or does not match the PRAGMAs. */
function readTableDdl(source: TableSource, warn: (what: string) => void): TableDdl | undefined {
  if (source.sql === null) {
    warn('SQLite holds no CREATE TABLE text for it.');
    return undefined;
  }
  const parsed = parseCreateTable(source.sql);
  if (!parsed.ok) {
    warn(`cannot parse its CREATE TABLE text: ${parsed.error.message} at ${near(source.sql, parsed.error.offset)}.`);
    return undefined;
  }
  const ddlColumns = parsed.value.columns;
  const matches = ddlColumns.length === source.columns.length && ddlColumns.every((c, i) => sameIdentifier(c.name, source.columns[i]!.name));
  if (!matches) {
    warn(`its CREATE TABLE text lists the columns (${ddlColumns.map((c) => c.name).join(', ')}), but SQLite reports (${source.columns.map((c) => c.name).join(', ')}).`);
    return undefined;
  }
  return describeTableDdl(parsed.value);
}

function buildColumn(row: ColumnRow, ddl: ColumnDef | undefined, warn: (what: string) => void): Column {
  let defaultText: string | undefined;
  let collation: string | undefined;
  let generatedExpression: string | undefined;
  for (const c of ddl?.constraints ?? []) {
    if (c.kind === 'Default') defaultText = c.expression;
    else if (c.kind === 'Collate') collation = c.collation;
    else if (c.kind === 'Generated') generatedExpression = c.expression;
  }
  if (defaultText === undefined && row.defaultValue !== null) defaultText = defaultFromPragma(row.defaultValue);
  const isGenerated = row.hidden === 2 || row.hidden === 3;
  if (isGenerated && generatedExpression === undefined && ddl) warn(`column ${quoteIdentifier(row.name)} is generated, but its expression was not found.`);
  return defined({
    name: row.name,
    type: row.type,
    notNull: row.notNull === 1,
    default: defaultText,
    collation,
    generated: isGenerated ? { expression: generatedExpression ?? '', stored: row.hidden === 3 } : undefined,
  });
}

/**
 * `PRAGMA table_info` drops the parentheses of `DEFAULT (expr)`. Used only without the DDL: put them back unless
 * the value is one literal (or a signed number), which is valid without them.
 */
export function defaultFromPragma(text: string): string {
  const { tokens, error } = tokenizeSql(text);
  const single = tokens.length === 1 && tokens[0]!.kind !== 'punct' && tokens[0]!.kind !== 'variable';
  const signedNumber = tokens.length === 2 && (tokens[0]!.text === '-' || tokens[0]!.text === '+') && tokens[1]!.kind === 'number';
  return !error && (single || signedNumber) ? text : `(${text})`;
}

function buildPrimaryKey(rows: readonly ColumnRow[], ddl: TableDdl | undefined): PrimaryKey | undefined {
  const keyColumns = rows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk);
  if (keyColumns.length === 0) return undefined;
  const pk = ddl?.primaryKey;
  return defined({ columns: keyColumns.map((r) => r.name), autoincrement: pk?.autoincrement ?? false, constraintName: pk?.name, sort: pk?.sort || undefined });
}

function buildIndex(tableName: string, source: IndexSource, ddl: TableDdl | undefined, warn: (what: string) => void): Index {
  const first = source.columns[0];
  if (!first) throw new Error(`index ${source.name} has no key columns`);
  const origin = first.origin;
  let written: readonly IndexedColumnDef[] | undefined;
  let where: string | undefined;
  let constraintName: string | undefined;
  if (origin === 'c') {
    const statement = parseIndexDdl(source, warn);
    written = statement?.columns;
    where = statement?.where;
    if (first.partial === 1 && where === undefined && statement) warn(`index ${quoteIdentifier(source.name)} is partial, but its WHERE condition was not found.`);
  } else if (origin === 'u' && ddl) {
    const unique = ddl.uniques.find((u) => sameColumnList(u.columns, source.columns));
    written = unique?.columns;
    constraintName = unique?.name;
  }
  if (written && written.length !== source.columns.length) {
    warn(`index ${quoteIdentifier(source.name)} lists ${written.length} columns in its text, but SQLite reports ${source.columns.length}.`);
    written = undefined;
  }
  const columns = source.columns.map((row, i) => buildIndexColumn(row, written?.[i], source.name, warn));
  return defined({ name: source.name, table: tableName, columns, unique: first.unique === 1, where, origin, constraintName });
}

function parseIndexDdl(source: IndexSource, warn: (what: string) => void): CreateIndexStatement | undefined {
  if (source.sql === null) {
    warn(`SQLite holds no CREATE INDEX text for index ${quoteIdentifier(source.name)}.`);
    return undefined;
  }
  const parsed = parseCreateIndex(source.sql);
  if (parsed.ok) return parsed.value;
  warn(`cannot parse the text of index ${quoteIdentifier(source.name)}: ${parsed.error.message} at ${near(source.sql, parsed.error.offset)}.`);
  return undefined;
}

function buildIndexColumn(row: IndexColumnRow, written: IndexedColumnDef | undefined, indexName: string, warn: (what: string) => void): IndexColumn {
  const sort = row.desc === 1 ? ('DESC' as const) : undefined;
  const collation = written?.collation;
  if (row.cid >= 0 && row.columnName !== null) return defined({ name: row.columnName, sort, collation });
  // The rowid (cid -1) or an expression (cid -2): only the text says which.
  if (written?.column !== undefined) return defined({ name: written.column, sort, collation });
  if (written) return defined({ expression: written.expression, sort, collation });
  warn(`the expression of part ${row.seqno + 1} of index ${quoteIdentifier(indexName)} was not found.`);
  return defined({ expression: '', sort });
}

function sameColumnList(written: readonly IndexedColumnDef[], rows: readonly IndexColumnRow[]): boolean {
  return written.length === rows.length && written.every((w, i) => w.column !== undefined && rows[i]!.columnName !== null && sameIdentifier(w.column, rows[i]!.columnName!));
}

/**
 * Foreign keys in declaration order. The PRAGMA numbers them backwards (the last declared is id 0), so the
 * declaration index of id k is count-1-k; the text's entry at that index is used when its columns and parent
 * agree, and any entry that agrees otherwise.
 */
function buildForeignKeys(rows: readonly ForeignKeyRow[], ddl: TableDdl | undefined, warn: (what: string) => void): ForeignKey[] {
  if (rows.length === 0) return [];
  const byId = new Map<number, ForeignKeyRow[]>();
  for (const row of rows) {
    const group = byId.get(row.id);
    if (group) group.push(row);
    else byId.set(row.id, [row]);
  }
  const count = byId.size;
  const unclaimed = new Set(ddl?.foreignKeys ?? []);
  const result: ForeignKey[] = [];
  for (let declared = 0; declared < count; declared++) {
    const group = byId.get(count - 1 - declared) ?? [];
    if (group.length > 1) group.sort((a, b) => a.seq - b.seq);
    const first = group[0];
    if (!first) throw new Error(`foreign key ids are not contiguous in table ${rows[0]?.tableName}`);
    const columns = group.map((r) => r.fromColumn);
    const agrees = (fk: ForeignKeyDdl | undefined): fk is ForeignKeyDdl =>
      fk !== undefined && unclaimed.has(fk) && sameIdentifier(fk.clause.table, first.parent) && fk.columns.length === columns.length && fk.columns.every((c, i) => sameIdentifier(c, columns[i]!));
    const candidate = ddl?.foreignKeys[declared];
    const written = agrees(candidate) ? candidate : [...unclaimed].find(agrees);
    if (written) unclaimed.delete(written);
    else if (ddl) warn(`the foreign key (${columns.map(quoteIdentifier).join(', ')}) was not found in its CREATE TABLE text.`);
    const referencedColumns = group.every((r) => r.toColumn === null) ? [] : group.map((r) => r.toColumn ?? '');
    result.push(
      defined({
        name: written?.name,
        columns,
        referencedTable: first.parent,
        referencedColumns,
        onDelete: foreignKeyAction(first.onDelete),
        onUpdate: foreignKeyAction(first.onUpdate),
        deferrable: written?.clause.deferred ? true : undefined,
      }),
    );
  }
  return result;
}

function foreignKeyAction(text: string): ForeignKeyAction {
  // SQLite reports the actions in upper case; anything else is compared as written, case-insensitively.
  const action = (FOREIGN_KEY_ACTIONS as readonly string[]).includes(text) ? (text as ForeignKeyAction) : FOREIGN_KEY_ACTIONS.find((a) => a === text.toUpperCase());
  if (!action) throw new Error(`PRAGMA foreign_key_list reported an unknown action: ${text}`);
  return action;
}

/** Stable name order: case-insensitive as SQLite compares names, then by code unit to break ties. */
export function compareNames(a: string, b: string): number {
  const ka = identifierKey(a);
  const kb = identifierKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A short quote of the text at an offset, for messages. */
function near(sql: string, offset: number): string {
  const rest = sql.slice(offset, offset + 40).replace(/\s+/g, ' ');
  return rest ? JSON.stringify(rest + (sql.length > offset + 40 ? '…' : '')) : 'the end of the text';
}
