/**
 * Applying migrations from app code and from the CLI: `migrate()` (synchronous, for app launch), status,
 * resolve and reset. The launch path touches only the migrations folder (or the bundled list) and SQLite.
 */
import { existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { applyMigrations, historyProblems, MigrationError, type ApplyResult } from '../migrate/apply.js';
import { migrationChecksum } from '../migrate/checksum.js';
import { readMigrationsFolder, type MigrationSource } from '../migrate/folder.js';
import { ensureHistoryTable, HISTORY_TABLE, historyTimestamp, newHistoryId, readHistory, sqlLiteral } from '../migrate/history.js';
import { migrationState, type MigrationState } from '../migrate/status.js';
import { BetterSqliteConnection } from '../sqlite/better-sqlite3-connection.js';
import type { DatabaseConnection } from '../sqlite/connection.js';
import { DatabaseError } from '../sqlite/errors.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase } from '../sqlite/open.js';

/** A migration compiled into an app (`codegen migrate bundle`). */
export interface BundledMigration {
  readonly name: string;
  readonly sql: string;
  readonly checksum?: string;
}

export interface MigrateOptions {
  /** An open better-sqlite3 database (the app's own connection). */
  readonly db?: BetterSqlite3.Database;
  /** Or a database file path; created when missing (a new install), unless `create: false`. */
  readonly path?: string;
  readonly create?: boolean;
  /** A migrations folder on disk… */
  readonly migrationsDir?: string;
  /** …or the migrations bundled into the app. */
  readonly migrations?: readonly BundledMigration[];
  /** Accept applied migrations whose file changed since (reported as warnings). */
  readonly allowModified?: boolean;
  /** Take a `VACUUM INTO` copy before applying anything (only when something is pending). */
  readonly backup?: boolean | { readonly dir?: string; readonly keep?: number };
  readonly busyTimeoutMs?: number;
  readonly onMigrationStart?: (name: string) => void;
}

export interface MigrateResult extends ApplyResult {
  /** True when the database file did not exist and was created. */
  readonly created: boolean;
  /** The backup file, when one was taken. */
  readonly backup?: string;
}

function toSources(options: MigrateOptions): { migrations: MigrationSource[]; diagnostics: Diagnostic[] } {
  if (options.migrations) {
    return {
      migrations: [...options.migrations]
        .map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum ?? migrationChecksum(m.sql), origin: 'bundle' }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      diagnostics: [],
    };
  }
  if (options.migrationsDir === undefined) throw new TypeError('migrate(): give `migrationsDir` or `migrations`');
  const folder = readMigrationsFolder(options.migrationsDir);
  return { migrations: [...folder.migrations], diagnostics: [...folder.diagnostics] };
}

/** A DatabaseConnection over the app's own better-sqlite3 database (not closed by us). */
export function connectionFor(db: BetterSqlite3.Database, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): DatabaseConnection {
  const sqliteVersion = String(db.prepare('SELECT sqlite_version()').pluck().get());
  const inner = new BetterSqliteConnection(db, { path: db.name, busyTimeoutMs, sqliteVersion });
  return { query: inner.query.bind(inner), runAtomic: inner.runAtomic.bind(inner), backupTo: inner.backupTo.bind(inner), capabilities: inner.capabilities, path: inner.path, close: () => {} };
}

/**
 * Applies pending migrations. Synchronous, for app launch. Throws MigrationError (with a coded diagnostic and what
 * was applied before it stopped) when the history is inconsistent or a migration fails; the database is then
 * exactly as it was before the failing migration.
 */
export function migrate(options: MigrateOptions): MigrateResult {
  const { migrations, diagnostics } = toSources(options);
  const empty: ApplyResult = { applied: [], skipped: [], warnings: [] };
  const blocking = diagnostics.find((d) => d.severity === 'error');
  if (blocking) throw new MigrationError(blocking, empty);
  let conn: DatabaseConnection;
  let created = false;
  try {
    if (options.db) conn = connectionFor(options.db, options.busyTimeoutMs);
    else {
      if (options.path === undefined) throw new TypeError('migrate(): give `db` or `path`');
      created = !existsSync(options.path) && (options.create ?? true);
      conn = openDatabase(options.path, { create: options.create ?? true, ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}) });
    }
  } catch (e) {
    if (e instanceof DatabaseError) throw new MigrationError(e.diagnostic, empty);
    throw e;
  }
  try {
    let backup: string | undefined;
    if (options.backup && !created) backup = takeBackupIfPending(conn, migrations, options);
    const result = applyMigrations(conn, migrations, {
      ...(options.allowModified !== undefined ? { allowModified: options.allowModified } : {}),
      ...(options.onMigrationStart ? { onMigrationStart: options.onMigrationStart } : {}),
    });
    return { ...result, warnings: [...diagnostics, ...result.warnings], created, ...(backup ? { backup } : {}) };
  } finally {
    conn.close();
  }
}

/** `VACUUM INTO <db>.backup-<timestamp>.db` when something is pending; keeps the newest `keep` (default 3). */
function takeBackupIfPending(conn: DatabaseConnection, migrations: readonly MigrationSource[], options: MigrateOptions): string | undefined {
  const history = readHistory(conn) ?? [];
  if (migrationState(migrations, history).pending.length === 0) return undefined;
  const settings = typeof options.backup === 'object' ? options.backup : {};
  const dbPath = path.resolve(conn.path);
  const dir = settings.dir ?? path.dirname(dbPath);
  const base = path.basename(dbPath);
  const stamp = historyTimestamp().replace(/[-:]/g, '').replace(/\..*$/, '');
  // Two processes launching at once both find the migration pending and both back up, often within the same
  // second: each writes its own file, then publishes it under a name that no one holds yet.
  const partial = path.join(dir, `${base}.backup-${stamp}.${process.pid}.partial`);
  let file: string;
  try {
    if (!conn.backupTo) throw new Error('this database connection cannot take backups');
    rmSync(partial, { force: true });
    conn.backupTo(partial);
    file = publishBackup(partial, path.join(dir, `${base}.backup-${stamp}`));
  } catch (e) {
    const message = e instanceof DatabaseError ? e.diagnostic.message : e instanceof Error ? e.message : String(e);
    throw new MigrationError(diagnostic('M422', `Could not back up ${base} to ${path.join(dir, `${base}.backup-${stamp}.db`)}: ${message}. Nothing was applied.`), { applied: [], skipped: [], warnings: [] });
  } finally {
    rmSync(partial, { force: true });
  }
  removeAbandonedPartials(dir, base);
  const keep = settings.keep ?? 3;
  const backups = readdirSync(dir)
    .filter((f) => f.startsWith(`${base}.backup-`) && f.endsWith('.db'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || (a < b ? 1 : -1));
  for (const old of backups.slice(keep)) rmSync(old, { force: true });
  return file;
}

/**
 * A launch killed while copying leaves `<db>.backup-<stamp>.<pid>.partial` behind: removed once its process is gone.
 * A partial copy whose process still runs belongs to a concurrent launch and is left alone.
 */
function removeAbandonedPartials(dir: string, base: string): void {
  const prefix = `${base}.backup-`;
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix) || !f.endsWith('.partial')) continue;
    const pid = Number(/\.(\d+)\.partial$/.exec(f)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !processRuns(pid)) rmSync(path.join(dir, f), { force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Names a finished backup `<stem>.db`, or `<stem>-2.db`… when a concurrent launch took that name: a hard link fails
 * when the name exists, so no backup ever replaces another. Where the file system has no hard links, a rename.
 */
function publishBackup(partial: string, stem: string): string {
  for (let n = 1; ; n++) {
    const file = `${stem}${n === 1 ? '' : `-${n}`}.db`;
    try {
      linkSync(partial, file);
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      if (existsSync(file)) continue;
      renameSync(partial, file);
      return file;
    }
  }
}

// ── status, resolve, reset ──────────────────────────────────────────────────────────────────────────────

export interface StatusResult {
  readonly state: MigrationState;
  /** False when the database has no history table yet. */
  readonly initialized: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export function migrationStatusOf(conn: DatabaseConnection, migrations: readonly MigrationSource[]): StatusResult {
  const history = readHistory(conn);
  const state = migrationState(migrations, history ?? []);
  const problems = historyProblems(state, {});
  return { state, initialized: history !== undefined, diagnostics: [...problems.errors, ...problems.warnings] };
}

/** `migrate resolve --applied NAME`: records a migration as applied without running it (baselining). */
export function markApplied(conn: DatabaseConnection, migration: MigrationSource): void {
  ensureHistoryTable(conn);
  const state = migrationState([migration], readHistory(conn) ?? []);
  if (state.applied.includes(migration.name)) {
    throw new MigrationError(diagnostic('M415', `The migration \`${migration.name}\` is already applied.`), { applied: [], skipped: [], warnings: [] });
  }
  const now = historyTimestamp();
  // A failed row for it is marked rolled back first, as Prisma does, so that history stays truthful.
  conn.runAtomic(
    [
      `UPDATE "${HISTORY_TABLE}" SET "rolled_back_at" = ${sqlLiteral(now)} WHERE "migration_name" = ${sqlLiteral(migration.name)} AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`,
      `INSERT INTO "${HISTORY_TABLE}" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") VALUES (${sqlLiteral(newHistoryId())}, ${sqlLiteral(migration.checksum)}, ${sqlLiteral(migration.name)}, ${sqlLiteral(now)}, ${sqlLiteral(now)}, 0)`,
    ],
    { checkForeignKeys: false },
  );
}

/** `migrate resolve --rolled-back NAME`: marks a failed migration as rolled back, so that deploy retries it. */
export function markRolledBack(conn: DatabaseConnection, name: string): void {
  const rows = (readHistory(conn) ?? []).filter((r) => r.migrationName === name && r.rolledBackAt === null);
  const failed = rows.filter((r) => r.finishedAt === null);
  if (failed.length === 0) {
    throw new MigrationError(
      diagnostic('M415', rows.length ? `The migration \`${name}\` is applied, not failed: only failed migrations can be marked rolled back.` : `The migration \`${name}\` has no failed record in the database.`, {
        hint: 'See `codegen migrate status`.',
      }),
      { applied: [], skipped: [], warnings: [] },
    );
  }
  conn.runAtomic([`UPDATE "${HISTORY_TABLE}" SET "rolled_back_at" = ${sqlLiteral(historyTimestamp())} WHERE "migration_name" = ${sqlLiteral(name)} AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`], {
    checkForeignKeys: false,
  });
}

/** Drops every table, view, trigger and index (the history too) in one atomic unit. */
export function dropEverything(conn: DatabaseConnection): string[] {
  const objects = conn.query("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND type IN ('view', 'trigger', 'table') ORDER BY CASE type WHEN 'view' THEN 0 WHEN 'trigger' THEN 1 ELSE 2 END, name") as { type: string; name: string }[];
  const statements = objects.map((o) => `DROP ${o.type.toUpperCase()} IF EXISTS "${o.name.replace(/"/g, '""')}"`);
  if (statements.length) conn.runAtomic(statements, { foreignKeysOff: true, checkForeignKeys: false });
  return objects.map((o) => o.name);
}

export { MigrationError, hasErrors };
