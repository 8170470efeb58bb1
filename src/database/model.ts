/**
 * The DatabaseModel: a SQLite schema as plain readonly data. Both sides of a diff have this shape: the desired
 * layout computed from a SchemaModel (from-schema.ts) and the actual layout read from a live database
 * (sqlite/introspect.ts). Names are database names; types are declared types as written.
 */

export type ForeignKeyAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';
export type IndexSort = 'ASC' | 'DESC';

export interface Column {
  readonly name: string;
  /**
   * The declared type as written (`TEXT`, `INTEGER`, `DECIMAL(10,2)`, `circle`), or '' when none. SQLite reports
   * the six standard names (INT, INTEGER, REAL, TEXT, BLOB, ANY) in upper case however they were written.
   */
  readonly type: string;
  readonly notNull: boolean;
  /**
   * The default as a SQL expression, exactly as it appears after DEFAULT (`CURRENT_TIMESTAMP`, `'abc'`, `0`,
   * `-1`), parentheses included (`(datetime('now'))`): without them a function-call default is not valid DDL.
   * (`PRAGMA table_info` drops those parentheses; introspection reads the DDL.)
   */
  readonly default?: string;
  /** `COLLATE NOCASE` and friends: not expressible in a Prisma schema, preserved through rebuilds. */
  readonly collation?: string;
  /** A generated column: `GENERATED ALWAYS AS (expr) STORED|VIRTUAL`. */
  readonly generated?: { readonly expression: string; readonly stored: boolean };
}

export interface PrimaryKey {
  /** Column names in key order. */
  readonly columns: readonly string[];
  /** `INTEGER PRIMARY KEY AUTOINCREMENT` (single integer column only). */
  readonly autoincrement: boolean;
  /** The constraint name, when the DDL gives one (`CONSTRAINT "T_pkey" PRIMARY KEY (…)`). Not semantic on SQLite. */
  readonly constraintName?: string;
  /** Sort order of a single-column key written inline (`PRIMARY KEY DESC`). Rare. */
  readonly sort?: IndexSort;
}

export interface IndexColumn {
  /** The column, or undefined for an expression index part. */
  readonly name?: string;
  /** For expression index parts: the SQL expression, as written. */
  readonly expression?: string;
  /** `DESC`, or absent for the default ascending order (introspection never records `ASC`). */
  readonly sort?: IndexSort;
  /** A COLLATE written in the index itself. A column's own collation applies without being repeated here. */
  readonly collation?: string;
}

export interface Index {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly IndexColumn[];
  readonly unique: boolean;
  /** The partial index condition, as SQL text after WHERE. */
  readonly where?: string;
  /**
   * Where the index comes from: `c` a CREATE INDEX statement, `u` a UNIQUE constraint in the table definition,
   * `pk` the primary key. Only `c` indexes are created and dropped by name; `u`/`pk` live in the table's DDL.
   */
  readonly origin: 'c' | 'u' | 'pk';
  /** For `u` indexes: the name of the UNIQUE constraint, when the DDL gives one (`CONSTRAINT "x" UNIQUE (…)`). */
  readonly constraintName?: string;
}

export interface ForeignKey {
  /** The constraint name (`CONSTRAINT "Post_authorId_fkey"`), when the DDL names it. */
  readonly name?: string;
  readonly columns: readonly string[];
  readonly referencedTable: string;
  /** Empty when the DDL references the parent's primary key implicitly (`REFERENCES "User"`). */
  readonly referencedColumns: readonly string[];
  readonly onDelete: ForeignKeyAction;
  readonly onUpdate: ForeignKeyAction;
  /** True for `DEFERRABLE INITIALLY DEFERRED`, checked at COMMIT. Every other form is checked immediately. */
  readonly deferrable?: boolean;
}

/** A CHECK constraint, on a column or on the table (the same thing to SQLite). */
export interface CheckConstraint {
  /** The expression between the parentheses of `CHECK (…)`, as written. */
  readonly expression: string;
  /** `CONSTRAINT name CHECK (…)`: SQLite names it in the error when a row fails the check. */
  readonly name?: string;
}

export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly indexes: readonly Index[];
  readonly foreignKeys: readonly ForeignKey[];
  /** CHECK constraints, column ones first, in the order written. Not expressible in a Prisma schema; preserved. */
  readonly checks: readonly CheckConstraint[];
  readonly withoutRowid: boolean;
  readonly strict: boolean;
}

/** A view, kept as its SQL (never migrated from the schema; preserved and recreated around rebuilds). */
export interface View {
  readonly name: string;
  readonly sql: string;
}

/** A trigger, kept as its SQL (not modelled by the schema; preserved around rebuilds of its table). */
export interface Trigger {
  readonly name: string;
  readonly table: string;
  readonly sql: string;
}

export interface DatabaseModel {
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  readonly triggers: readonly Trigger[];
}

export const EMPTY_DATABASE: DatabaseModel = { tables: [], views: [], triggers: [] };

const tableIndexes = new WeakMap<DatabaseModel, Map<string, Table>>();

/** Case-insensitive lookup: SQLite identifiers compare without case. Indexed once per model (models are immutable). */
export function findTable(db: DatabaseModel, name: string): Table | undefined {
  let index = tableIndexes.get(db);
  if (!index) {
    index = new Map();
    for (const t of db.tables) if (!index.has(t.name.toLowerCase())) index.set(t.name.toLowerCase(), t);
    tableIndexes.set(db, index);
  }
  return index.get(name.toLowerCase());
}
