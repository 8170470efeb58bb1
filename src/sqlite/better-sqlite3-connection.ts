/**
 * The embedded implementation of the database door (DESIGN.md §5b): better-sqlite3 on a local file. It owns the
 * foreign-key pragmas of an atomic unit: `PRAGMA foreign_keys` is a no-op inside a transaction, so it is turned off
 * before BEGIN, `PRAGMA foreign_key_check` runs before COMMIT, and the previous setting comes back in `finally`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AtomicOptions, Capabilities, DatabaseConnection, Row } from './connection.js';
import { AtomicUnitError, DatabaseError, environmentDiagnostic, sqliteCodeOf, type DatabaseAction, type ForeignKeyViolation } from './errors.js';
import { quoteIdentifier } from './quote.js';
import { findTransactionControl, splitSqlStatements } from './sql-statements.js';

/** Prisma's migration history: hidden from introspection, like SQLite's own `sqlite_*` tables. */
export const PRISMA_MIGRATIONS_TABLE = '_prisma_migrations';
/** How many foreign-key violations an error lists in full. */
const VIOLATIONS_LISTED = 10;
/** Prepared statements kept per connection; SQL built with inline values must not grow the cache forever. */
const STATEMENT_CACHE_SIZE = 200;

interface ConnectionInfo {
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly sqliteVersion: string;
}

/** A row of `PRAGMA foreign_key_check`. */
interface ForeignKeyCheckRow {
  readonly table: string;
  readonly rowid: number | bigint | null;
  readonly parent: string;
  readonly fkid: number;
}

export class BetterSqliteConnection implements DatabaseConnection {
  readonly path: string;
  readonly capabilities: Capabilities;
  readonly #db: BetterSqlite3.Database;
  readonly #busyTimeoutMs: number;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(db: BetterSqlite3.Database, info: ConnectionInfo) {
    this.#db = db;
    this.path = info.path;
    this.#busyTimeoutMs = info.busyTimeoutMs;
    this.capabilities = { sqliteVersion: info.sqliteVersion, canDisableForeignKeys: true, internalTables: [PRISMA_MIGRATIONS_TABLE] };
  }

  query(sql: string, params: readonly unknown[] = []): Row[] {
    const statement = this.#prepare(sql);
    if (!statement.reader || !statement.readonly) throw new Error(`query() runs read-only statements that return rows; use runAtomic() for: ${sql}`);
    try {
      return statement.all(...params) as Row[];
    } catch (e) {
      throw this.#environmentError(e, 'read') ?? e;
    }
  }

  runAtomic(statements: readonly string[], options: AtomicOptions = {}): void {
    refuseTransactionControl(statements);
    const db = this.#db;
    const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    const turnOff = (options.foreignKeysOff ?? false) && foreignKeysWereOn;
    try {
      // Outside the transaction, where the pragma takes effect.
      if (turnOff) db.pragma('foreign_keys = OFF');
      this.#begin();
      try {
        statements.forEach((sql, index) => this.#runStatement(sql, index, statements.length));
        if (options.checkForeignKeys ?? true) this.#checkForeignKeys();
        this.#commit();
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    } finally {
      if (turnOff) db.pragma('foreign_keys = ON');
    }
  }

  backupTo(file: string): void {
    try {
      // VACUUM INTO writes a consistent, compacted copy; it cannot run inside a transaction.
      this.#db.prepare('VACUUM INTO ?').run(file);
    } catch (e) {
      throw this.#environmentError(e, 'write') ?? e;
    }
  }

  close(): void {
    if (this.#db.open) this.#db.close();
    this.#statements.clear();
  }

  #prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      // Plain numbers, as every caller expects, even over an app's database set to defaultSafeIntegers(true).
      statement = this.#db.prepare(sql).safeIntegers(false);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #begin(): void {
    try {
      // IMMEDIATE takes the write lock now, so that concurrent migrators queue on busy_timeout instead of failing
      // halfway through (DESIGN.md §6).
      this.#db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      throw this.#atomicError(e, 'write') ?? e;
    }
  }

  #runStatement(sql: string, index: number, count: number): void {
    try {
      this.#db.exec(sql);
    } catch (e) {
      const environment = this.#atomicError(e, 'write', index);
      if (environment) throw environment;
      const message = e instanceof Error ? e.message : String(e);
      throw new AtomicUnitError(
        diagnostic('I610', `Statement ${index + 1} of ${count} failed: ${message}. Nothing was changed.\n  ${excerpt(sql)}`),
        { statementIndex: index, sqliteCode: sqliteCodeOf(e), cause: e },
      );
    }
    if (!this.#db.inTransaction) {
      // refuseTransactionControl() should have caught it; a statement must never end the unit's transaction.
      throw new Error(`runAtomic: statement ${index + 1} ended the transaction: ${excerpt(sql)}`);
    }
  }

  #checkForeignKeys(): void {
    const rows = this.#prepare(`SELECT "table", rowid, parent, fkid FROM pragma_foreign_key_check LIMIT ${VIOLATIONS_LISTED}`).all() as ForeignKeyCheckRow[];
    if (rows.length === 0) return;
    const total = this.#prepare('SELECT count(*) FROM pragma_foreign_key_check').pluck().get() as number;
    const violations = rows.map((row) => ({ table: row.table, rowid: row.rowid, parent: row.parent, columns: this.#foreignKeyColumns(row.table, row.fkid) }));
    const listed = violations.map(describeViolation).join('\n  ');
    const more = total > violations.length ? `\n  … and ${total - violations.length} more` : '';
    throw new AtomicUnitError(
      diagnostic('I609', `${total} row${total === 1 ? '' : 's'} would break foreign keys, so nothing was changed:\n  ${listed}${more}`),
      { violations },
    );
  }

  #foreignKeyColumns(table: string, fkid: number): string[] {
    const rows = this.#prepare('SELECT "from" FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq').pluck().all(table, fkid);
    return rows as string[];
  }

  #commit(): void {
    try {
      this.#db.exec('COMMIT');
    } catch (e) {
      throw this.#atomicError(e, 'write') ?? e;
    }
  }

  /** An AtomicUnitError for a locked, read-only, damaged or unreachable database; undefined for anything else. */
  #atomicError(error: unknown, action: DatabaseAction, statementIndex?: number): AtomicUnitError | undefined {
    const found = this.#environmentDiagnostic(error, action);
    if (!found) return undefined;
    return new AtomicUnitError(found, { sqliteCode: sqliteCodeOf(error), cause: error, ...(statementIndex !== undefined ? { statementIndex } : {}) });
  }

  #environmentError(error: unknown, action: DatabaseAction): DatabaseError | undefined {
    const found = this.#environmentDiagnostic(error, action);
    return found ? new DatabaseError(found, { sqliteCode: sqliteCodeOf(error), cause: error }) : undefined;
  }

  #environmentDiagnostic(error: unknown, action: DatabaseAction): Diagnostic | undefined {
    const code = sqliteCodeOf(error);
    if (!code) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    return environmentDiagnostic(code, { path: this.path, action, busyTimeoutMs: this.#busyTimeoutMs, message });
  }
}

/** Refuses, before anything runs, a statement that would commit or roll back the unit's transaction early. */
function refuseTransactionControl(statements: readonly string[]): void {
  statements.forEach((sql, index) => {
    const offending = findTransactionControl(splitSqlStatements(sql).statements);
    if (offending) {
      throw new AtomicUnitError(
        diagnostic('I610', `Statement ${index + 1} contains \`${offending.text}\`: an atomic unit runs in one transaction that it opens and commits itself. Nothing was changed.`, {
          hint: 'Remove BEGIN, COMMIT, END and ROLLBACK from the SQL.',
        }),
        { statementIndex: index },
      );
    }
  });
}

function describeViolation(v: ForeignKeyViolation): string {
  const row = v.rowid === null ? 'a row' : `row ${v.rowid}`;
  return `${quoteIdentifier(v.table)} ${row}: (${v.columns.map(quoteIdentifier).join(', ')}) has no matching row in ${quoteIdentifier(v.parent)}`;
}

/** The start of a statement, on one line, for messages. */
function excerpt(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine;
}
