/**
 * What a table's CREATE TABLE text says beyond the PRAGMAs, gathered per constraint kind: the primary key's name,
 * AUTOINCREMENT and sort; UNIQUE constraint names; foreign-key names and deferral; CHECK constraints; and the
 * clauses the DatabaseModel does not record (reported as I613 by the caller). Pure.
 */
import { assertNever } from '../assert.js';
import type { CheckConstraint, IndexSort } from '../database/model.js';
import type { ColumnDef, ConflictResolution, CreateTableStatement, ForeignKeyClause, IndexedColumnDef } from './ddl-ast.js';
import { quoteIdentifier } from './quote.js';
import { defined } from '../defined.js';

export interface PrimaryKeyDdl {
  readonly name?: string;
  readonly autoincrement: boolean;
  /** The sort of a one-column key (`"id" INTEGER PRIMARY KEY DESC`, `PRIMARY KEY ("id" DESC)`). */
  readonly sort?: IndexSort;
}

export interface UniqueDdl {
  readonly name?: string;
  readonly columns: readonly IndexedColumnDef[];
}

export interface ForeignKeyDdl {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly clause: ForeignKeyClause;
}

export interface TableDdl {
  readonly columns: readonly ColumnDef[];
  readonly primaryKey?: PrimaryKeyDdl;
  readonly uniques: readonly UniqueDdl[];
  /** In declaration order (column REFERENCES first, as SQLite registers them). */
  readonly foreignKeys: readonly ForeignKeyDdl[];
  readonly checks: readonly CheckConstraint[];
  /** Descriptions of clauses the model does not record, for I613. */
  readonly unmodelled: readonly string[];
}

export function describeTableDdl(statement: CreateTableStatement): TableDdl {
  let primaryKey: PrimaryKeyDdl | undefined;
  const uniques: UniqueDdl[] = [];
  const foreignKeys: ForeignKeyDdl[] = [];
  const checks: CheckConstraint[] = [];
  const unmodelled: string[] = [];
  // `what` is a function: the description is built only for the rare clause it describes.
  const conflict = (clause: ConflictResolution | undefined, what: () => string): void => {
    if (clause) unmodelled.push(`ON CONFLICT ${clause} on ${what()}`);
  };
  const match = (fk: ForeignKeyDdl): void => {
    if (fk.clause.match !== undefined) unmodelled.push(`MATCH ${fk.clause.match} on the foreign key (${fk.columns.map(quoteIdentifier).join(', ')})`);
  };

  for (const column of statement.columns) {
    const where = (): string => `column ${quoteIdentifier(column.name)}`;
    for (const c of column.constraints) {
      switch (c.kind) {
        case 'PrimaryKey':
          primaryKey = defined({ name: c.name, autoincrement: c.autoincrement, sort: c.sort === 'DESC' ? c.sort : undefined });
          conflict(c.conflict, () => `the primary key of ${where()}`);
          break;
        case 'Unique':
          uniques.push(defined({ name: c.name, columns: [{ expression: quoteIdentifier(column.name), column: column.name }] }));
          conflict(c.conflict, () => `UNIQUE of ${where()}`);
          break;
        case 'NotNull':
          conflict(c.conflict, () => `NOT NULL of ${where()}`);
          break;
        case 'Check':
          checks.push(defined({ expression: c.expression, name: c.name }));
          break;
        case 'References': {
          const fk: ForeignKeyDdl = defined({ name: c.name, columns: [column.name], clause: c.foreignKey });
          foreignKeys.push(fk);
          match(fk);
          break;
        }
        case 'Null':
        case 'Default':
        case 'Collate':
        case 'Generated':
          // Per-column facts: read by the column builder.
          break;
        default:
          assertNever(c);
      }
    }
  }
  for (const c of statement.constraints) {
    switch (c.kind) {
      case 'PrimaryKey': {
        const single = c.columns.length === 1 ? c.columns[0] : undefined;
        primaryKey = defined({ name: c.name, autoincrement: c.autoincrement, sort: single?.sort === 'DESC' ? single.sort : undefined });
        conflict(c.conflict, () => 'the primary key');
        if (c.columns.length > 1 && c.columns.some((k) => k.sort === 'DESC')) unmodelled.push('a descending column in the compound primary key');
        if (c.columns.some((k) => k.collation !== undefined)) unmodelled.push('COLLATE in the primary key');
        break;
      }
      case 'Unique':
        uniques.push(defined({ name: c.name, columns: c.columns }));
        conflict(c.conflict, () => `UNIQUE (${c.columns.map((k) => k.expression).join(', ')})`);
        break;
      case 'Check':
        checks.push(defined({ expression: c.expression, name: c.name }));
        conflict(c.conflict, () => `CHECK (${c.expression})`);
        break;
      case 'ForeignKey': {
        const fk: ForeignKeyDdl = defined({ name: c.name, columns: c.columns, clause: c.foreignKey });
        foreignKeys.push(fk);
        match(fk);
        break;
      }
      default:
        assertNever(c);
    }
  }
  return defined({ columns: statement.columns, primaryKey, uniques, foreignKeys, checks, unmodelled });
}
