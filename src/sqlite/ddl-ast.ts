/**
 * What the DDL parser (ddl-parse.ts) returns: the statements `sqlite_schema.sql` holds, close to SQLite's grammar.
 * Names are unquoted; expressions are cut from the source exactly as written. Introspection merges this with the
 * PRAGMAs into the DatabaseModel; nothing outside sqlite/ needs these shapes.
 */
import type { ForeignKeyAction, IndexSort } from '../database/model.js';

/** `ON CONFLICT …` on a NOT NULL, UNIQUE, PRIMARY KEY or CHECK constraint. */
export type ConflictResolution = 'ROLLBACK' | 'ABORT' | 'FAIL' | 'IGNORE' | 'REPLACE';

/** One entry of an index or key column list: `"name" COLLATE NOCASE DESC`, `lower("email")`. */
export interface IndexedColumnDef {
  /** The expression without its COLLATE and sort suffixes, as written. */
  readonly expression: string;
  /** The column name when the expression is a single identifier. */
  readonly column?: string;
  readonly collation?: string;
  readonly sort?: IndexSort;
}

export interface ForeignKeyClause {
  readonly table: string;
  /** Empty when the parent's primary key is meant (`REFERENCES "User"`). */
  readonly columns: readonly string[];
  readonly onDelete?: ForeignKeyAction;
  readonly onUpdate?: ForeignKeyAction;
  /** `MATCH name`: parsed and ignored by SQLite. */
  readonly match?: string;
  /** True only for `DEFERRABLE INITIALLY DEFERRED`; every other form is checked immediately. */
  readonly deferred: boolean;
}

interface Named {
  /** `CONSTRAINT name` before the constraint. */
  readonly name?: string;
}

export type ColumnConstraintDef =
  | (Named & { readonly kind: 'PrimaryKey'; readonly sort?: IndexSort; readonly conflict?: ConflictResolution; readonly autoincrement: boolean })
  | (Named & { readonly kind: 'NotNull'; readonly conflict?: ConflictResolution })
  | (Named & { readonly kind: 'Null' })
  | (Named & { readonly kind: 'Unique'; readonly conflict?: ConflictResolution })
  | (Named & { readonly kind: 'Check'; readonly expression: string })
  /** The text after DEFAULT, with its parentheses when it has them: `(datetime('now'))`, `-1`, `'it''s'`. */
  | (Named & { readonly kind: 'Default'; readonly expression: string })
  | (Named & { readonly kind: 'Collate'; readonly collation: string })
  | (Named & { readonly kind: 'References'; readonly foreignKey: ForeignKeyClause })
  | (Named & { readonly kind: 'Generated'; readonly expression: string; readonly stored: boolean });

export interface ColumnDef {
  readonly name: string;
  /** The declared type as written (`DECIMAL(10, 2)`), or '' when there is none. */
  readonly type: string;
  readonly constraints: readonly ColumnConstraintDef[];
}

export type TableConstraintDef =
  | (Named & { readonly kind: 'PrimaryKey'; readonly columns: readonly IndexedColumnDef[]; readonly conflict?: ConflictResolution; readonly autoincrement: boolean })
  | (Named & { readonly kind: 'Unique'; readonly columns: readonly IndexedColumnDef[]; readonly conflict?: ConflictResolution })
  | (Named & { readonly kind: 'Check'; readonly expression: string; readonly conflict?: ConflictResolution })
  | (Named & { readonly kind: 'ForeignKey'; readonly columns: readonly string[]; readonly foreignKey: ForeignKeyClause });

export interface CreateTableStatement {
  readonly kind: 'CreateTable';
  readonly name: string;
  readonly schema?: string;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly columns: readonly ColumnDef[];
  readonly constraints: readonly TableConstraintDef[];
  readonly withoutRowid: boolean;
  readonly strict: boolean;
}

export interface CreateIndexStatement {
  readonly kind: 'CreateIndex';
  readonly name: string;
  readonly schema?: string;
  readonly table: string;
  readonly unique: boolean;
  readonly ifNotExists: boolean;
  readonly columns: readonly IndexedColumnDef[];
  /** The partial-index condition after WHERE, exactly as written. */
  readonly where?: string;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly message: string; readonly offset: number } };
