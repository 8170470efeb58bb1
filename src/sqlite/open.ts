/**
 * Opening a SQLite file safely. A missing file is never created unless the caller asks (better-sqlite3 creates
 * one by default), and every way a path can be wrong is reported as a coded diagnostic in a DatabaseOpenError:
 * missing file or folder, a folder where the file should be, a file that is not SQLite, a damaged file, a database
 * locked by a writer, a read-only file or folder when writing.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import nodePath from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { BetterSqliteConnection } from './better-sqlite3-connection.js';
import type { DatabaseConnection } from './connection.js';
import { DatabaseOpenError, environmentDiagnostic, sqliteCodeOf } from './errors.js';

export interface OpenDatabaseOptions {
  /** Open for reading only (SQLite refuses every write). Default false. */
  readonly readonly?: boolean;
  /** Create the file when it does not exist (its folder must exist). Default false. Not with `readonly`. */
  readonly create?: boolean;
  /** How long to wait for another connection's lock before giving up with I606. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * Also run `PRAGMA quick_check` after opening. It reads every page, so it costs time in proportion to the file
   * size; the default check only reads the schema, which catches a wrong or truncated file in microseconds.
   */
  readonly quickCheck?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const MEMORY = ':memory:';

// better-sqlite3 loads a native addon (~10 ms): load it on the first open, not when the package is imported.
const requireFromHere = createRequire(import.meta.url);
let driver: typeof BetterSqlite3 | undefined;
function loadDriver(): typeof BetterSqlite3 {
  driver ??= requireFromHere('better-sqlite3') as typeof BetterSqlite3;
  return driver;
}

/**
 * Opens a database file (or `:memory:`) behind the DatabaseConnection door. Throws DatabaseOpenError for every
 * problem with the path or the file; other exceptions are bugs.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): DatabaseConnection {
  const readonly = options.readonly ?? false;
  const create = options.create ?? false;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (readonly && create) throw new TypeError('openDatabase: `create` and `readonly` cannot be combined');
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) throw new TypeError('openDatabase: `busyTimeoutMs` must be a non-negative integer');

  const memory = path === MEMORY;
  if (memory && readonly) throw new TypeError('openDatabase: an in-memory database cannot be read-only');
  if (!memory) {
    const problem = checkDatabasePath(path, { readonly, create });
    if (problem) throw new DatabaseOpenError(problem);
  }
  // An absolute path: SQLite is built with URI support, and `file:…` must never be read as a URI here.
  const target = memory ? MEMORY : nodePath.resolve(path);
  const Database = loadDriver();
  let db: BetterSqlite3.Database;
  try {
    db = new Database(target, { readonly, fileMustExist: !create && !memory, timeout: busyTimeoutMs });
  } catch (e) {
    throw asOpenError(e, path, busyTimeoutMs);
  }
  try {
    const sqliteVersion = checkReadable(db, options.quickCheck ?? false, path);
    return new BetterSqliteConnection(db, { path, busyTimeoutMs, sqliteVersion });
  } catch (e) {
    db.close();
    throw e instanceof DatabaseOpenError ? e : asOpenError(e, path, busyTimeoutMs);
  }
}

/**
 * Checks the path before SQLite sees it, so that the message says what is wrong (SQLite only says "unable to open
 * database file") and a missing file is never created by accident.
 */
export function checkDatabasePath(path: string, mode: { readonly: boolean; create: boolean }): Diagnostic | undefined {
  const absolute = nodePath.resolve(path);
  const folder = nodePath.dirname(absolute);
  const stats = statOrError(absolute);
  if (stats instanceof Error) return pathError(stats, path);
  if (!stats) {
    if (path.startsWith('file:')) {
      return diagnostic('I601', `Database ${path} does not exist.`, { hint: 'Pass a file path, not a Prisma URL: drop the `file:` prefix.' });
    }
    const folderStats = statOrError(folder);
    if (folderStats instanceof Error) return pathError(folderStats, path);
    if (!folderStats || !folderStats.isDirectory()) {
      return diagnostic('I603', `The folder of ${path} does not exist: ${folder}.`);
    }
    if (!mode.create) return diagnostic('I601', `Database ${path} does not exist.`);
    if (!isWritable(folder)) return diagnostic('I607', `Cannot create ${path}: the folder ${folder} is not writable.`);
    return undefined;
  }
  if (stats.isDirectory()) return diagnostic('I602', `${path} is a folder, not a database file.`);
  if (!stats.isFile()) return diagnostic('I604', `${path} is not a regular file, so it cannot be a SQLite database.`);
  if (!isReadable(absolute)) return diagnostic('I608', `Cannot read ${path}: permission denied.`);
  if (!mode.readonly) {
    if (!isWritable(absolute)) return diagnostic('I607', `Cannot open ${path} for writing: the file is read-only.`);
    if (!isWritable(folder)) {
      return diagnostic('I607', `Cannot open ${path} for writing: its folder ${folder} is not writable, and SQLite writes its journal there.`);
    }
  }
  return undefined;
}

/** Stats, undefined when nothing is there, or the error for anything else (permission, a file used as a folder). */
function statOrError(path: string): Stats | undefined | NodeJS.ErrnoException {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
}

function pathError(error: NodeJS.ErrnoException, path: string): Diagnostic {
  if (error.code === 'ENOTDIR') return diagnostic('I603', `The folder of ${path} does not exist: a part of the path is a file.`);
  if (error.code === 'EACCES') return diagnostic('I608', `Cannot reach ${path}: permission denied on a folder of the path.`);
  return diagnostic('I608', `Cannot reach ${path}: ${error.message}.`);
}

function isWritable(path: string): boolean {
  return canAccess(path, constants.W_OK);
}
function isReadable(path: string): boolean {
  return canAccess(path, constants.R_OK);
}
function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * The cheap check right after opening: SQLite reads nothing until the first statement, so a text file, a
 * truncated file or a writer's lock only shows up when the schema is read. Returns the SQLite version.
 */
function checkReadable(db: BetterSqlite3.Database, quickCheck: boolean, path: string): string {
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  if (quickCheck) {
    const problems = (db.prepare('PRAGMA quick_check(10)').pluck().all() as string[]).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new DatabaseOpenError(diagnostic('I605', `${path} failed PRAGMA quick_check: ${problems.join('; ')}.`));
  }
  return db.prepare('SELECT sqlite_version()').pluck().get() as string;
}

function asOpenError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  const code = sqliteCodeOf(error);
  if (!code) return error;
  const message = error instanceof Error ? error.message : String(error);
  const found = environmentDiagnostic(code, { path, action: 'open', busyTimeoutMs, message });
  return found ? new DatabaseOpenError(found, { sqliteCode: code, cause: error }) : error;
}
