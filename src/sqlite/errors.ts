/**
 * Errors from the database door. A problem the user can act on (a missing file, a locked database, a failed
 * migration statement) is a DatabaseError carrying a Diagnostic, so that callers print a clear message without a
 * stack trace. Anything else (our own bad SQL, a misuse of the API) stays a plain exception: that is a bug.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';

export interface DatabaseErrorOptions {
  /** SQLite's error code when SQLite raised the problem (`SQLITE_BUSY`, `SQLITE_CORRUPT_VTAB`, …). */
  readonly sqliteCode?: string;
  readonly cause?: unknown;
}

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  readonly sqliteCode?: string;

  constructor(
    readonly diagnostic: Diagnostic,
    options: DatabaseErrorOptions = {},
  ) {
    super(`${diagnostic.code} ${diagnostic.message}`, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.sqliteCode) this.sqliteCode = options.sqliteCode;
  }
}

/** The database could not be opened, or failed the check right after opening. */
export class DatabaseOpenError extends DatabaseError {
  override name = 'DatabaseOpenError';
}

/** A row that `PRAGMA foreign_key_check` reported. */
export interface ForeignKeyViolation {
  readonly table: string;
  /** The violating row's rowid (null for a WITHOUT ROWID table). */
  readonly rowid: number | bigint | null;
  /** The table the row should reference. */
  readonly parent: string;
  /** The child columns of the violated foreign key. */
  readonly columns: readonly string[];
}

export interface AtomicUnitErrorOptions extends DatabaseErrorOptions {
  /** The 0-based index of the statement that failed, when one did. */
  readonly statementIndex?: number;
  readonly violations?: readonly ForeignKeyViolation[];
}

/** An atomic unit failed and was rolled back completely: the database is as it was before. */
export class AtomicUnitError extends DatabaseError {
  override name = 'AtomicUnitError';
  readonly statementIndex?: number;
  readonly violations: readonly ForeignKeyViolation[];

  constructor(diagnostic: Diagnostic, options: AtomicUnitErrorOptions = {}) {
    super(diagnostic, options);
    if (options.statementIndex !== undefined) this.statementIndex = options.statementIndex;
    this.violations = options.violations ?? [];
  }
}

/** What the program was doing when SQLite failed, for the wording of the message. */
export type DatabaseAction = 'open' | 'read' | 'write';

/** `SQLITE_READONLY_DIRECTORY` → `SQLITE_READONLY`. */
export function primarySqliteCode(code: string): string {
  return code.split('_').slice(0, 2).join('_');
}

/** The SQLite error code of a thrown value, when it came from SQLite. */
export function sqliteCodeOf(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')) return error.code;
  return undefined;
}

const VERB: Record<DatabaseAction, string> = { open: 'open', read: 'read', write: 'write to' };

/**
 * The diagnostic for an SQLite failure that is about the database file or its state rather than about a
 * statement's text (those are I610 or bugs), or undefined when the code is not one of those.
 */
export function environmentDiagnostic(sqliteCode: string, detail: { path: string; action: DatabaseAction; busyTimeoutMs: number; message: string }): Diagnostic | undefined {
  const { path, action, busyTimeoutMs, message } = detail;
  const make = (code: DiagnosticCode, text: string): Diagnostic => diagnostic(code, text);
  switch (primarySqliteCode(sqliteCode)) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return make('I606', `Cannot ${VERB[action]} ${path}: another connection is writing to it, and it was still locked after ${busyTimeoutMs} ms (${sqliteCode}).`);
    case 'SQLITE_CORRUPT':
      return make('I605', `${path} is damaged: ${message} (${sqliteCode}).`);
    case 'SQLITE_NOTADB':
      return make('I604', `${path} is not a SQLite database (${sqliteCode}: ${message}).`);
    case 'SQLITE_READONLY':
      return make('I607', `Cannot write to ${path}: ${readonlyReason(sqliteCode)} (${sqliteCode}).`);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
    case 'SQLITE_PERM':
    case 'SQLITE_FULL':
    case 'SQLITE_NOLFS':
    case 'SQLITE_AUTH':
      return make('I608', `Cannot ${VERB[action]} ${path}: ${message} (${sqliteCode}).`);
    default:
      return undefined;
  }
}

function readonlyReason(sqliteCode: string): string {
  switch (sqliteCode) {
    case 'SQLITE_READONLY_DIRECTORY':
      return 'the folder that holds it is not writable, so SQLite cannot create its journal';
    case 'SQLITE_READONLY_DBMOVED':
      return 'the file was moved or deleted while it was open';
    default:
      return 'the file is read-only, or the connection was opened read-only';
  }
}
