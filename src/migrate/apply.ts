/**
 * Applies pending migrations, safely: each migration runs in its own transaction together with its history
 * row, foreign keys are turned off before BEGIN when the migration rebuilds tables, foreign_key_check runs
 * before COMMIT, and a failed migration is rolled back completely and then recorded as failed in a separate
 * write. Concurrent launches are serialised by SQLite itself (BEGIN IMMEDIATE + busy_timeout); a guard inside
 * the unit makes the second process skip a migration the first one applied while it waited.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseConnection } from '../sqlite/connection.js';
import { tokenizeSql } from '../sqlite/ddl-tokens.js';
import { AtomicUnitError, DatabaseError } from '../sqlite/errors.js';
import type { MigrationSource } from './folder.js';
import { ensureHistoryTable, HISTORY_TABLE, historyTimestamp, newHistoryId, readHistory, sqlLiteral, type HistoryRow } from './history.js';
import { migrationState, type MigrationState } from './status.js';
import { legacyStringWarning, runWithLegacyStrings } from './legacy-strings.js';

export interface ApplyOptions {
  /** Accept applied migrations whose file changed since (hand-edited histories). Reported as warnings. */
  readonly allowModified?: boolean;
  /** Called before each migration runs (for progress output). */
  readonly onMigrationStart?: (name: string) => void;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

export interface ApplyResult {
  readonly applied: readonly string[];
  /** Already applied (by an earlier run, or by a concurrent process while this one waited). */
  readonly skipped: readonly string[];
  readonly warnings: readonly Diagnostic[];
}

/** A migration run stopped. `result` says what was applied before it stopped. */
export class MigrationError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    readonly result: ApplyResult,
  ) {
    super(diagnostic.message);
    this.name = 'MigrationError';
  }
}

/**
 * Whether a migration rebuilds tables or drops them, so that foreign keys must be off around it: with them on,
 * `DROP TABLE` on a parent fires ON DELETE CASCADE into its children, and the rename of a rebuilt table is
 * checked against rows that are about to move. A migration that only changes data keeps them on, so that its
 * DELETEs cascade as the author expects.
 */
export function migrationNeedsForeignKeysOff(sql: string): boolean {
  const words = tokenizeSql(sql).tokens.map((t) => (t.kind === 'word' ? t.upper : t.text.toUpperCase()));
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'DROP' && words[i + 1] === 'TABLE') return true;
    if (words[i] === 'PRAGMA') {
      const name = (words[i + 1] ?? '').replace(/"/g, '');
      const value = words[i + 2] === '=' ? words[i + 3] : words[i + 2] === '(' ? words[i + 3] : undefined;
      if (name.endsWith('FOREIGN_KEYS') && (value === 'OFF' || value === '0' || value === 'FALSE' || value === 'NO')) return true;
    }
  }
  return false;
}

/** Problems in the history that stop a deploy before anything runs. */
export function historyProblems(state: MigrationState, options: { allowModified?: boolean }): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const f of state.failed) {
    errors.push(
      diagnostic('M410', `The migration \`${f.migrationName}\` failed${f.logs ? `: ${firstLine(f.logs)}` : ''}. Later migrations will not run until it is resolved.`, {
        hint: `Fix the database by hand if needed, then run \`codegen migrate resolve --rolled-back ${f.migrationName}\` to retry it, or \`codegen migrate resolve --applied ${f.migrationName}\` if you completed it yourself.`,
      }),
    );
  }
  for (const m of state.modified) {
    const d = diagnostic(
      'M411',
      `The migration \`${m.name}\` was changed after it was applied (checksum ${m.stored.slice(0, 12)}… in the database, ${m.current.slice(0, 12)}… on disk).`,
      {
        hint: options.allowModified
          ? 'Accepted because of --allow-modified.'
          : 'Restore the file as it was applied (git checkout), or pass --allow-modified if the edit was deliberate and the database already matches it.',
        ...(options.allowModified ? { severity: 'warning' as const } : {}),
      },
    );
    (options.allowModified ? warnings : errors).push(d);
  }
  for (const name of state.missing) {
    warnings.push(
      diagnostic('M412', `The migration \`${name}\` is recorded in the database but missing from the migrations folder.`, {
        hint: 'Restore it from version control, or check that this is the right migrations folder.',
      }),
    );
  }
  return { errors, warnings };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 200);
}

/** Applies every pending migration, in name order. Throws MigrationError when the history or a migration fails. */
export function applyMigrations(conn: DatabaseConnection, migrations: readonly MigrationSource[], options: ApplyOptions = {}): ApplyResult {
  const now = options.now ?? (() => new Date());
  const applied: string[] = [];
  const skipped: string[] = [];
  const warnings: Diagnostic[] = [];
  const result = (): ApplyResult => ({ applied: [...applied], skipped: [...skipped], warnings: [...warnings] });
  const fail = (d: Diagnostic): never => {
    throw new MigrationError(d, result());
  };

  try {
    ensureHistoryTable(conn);
  } catch (e) {
    if (e instanceof DatabaseError) fail(e.diagnostic);
    throw e;
  }
  const initial = migrationState(migrations, readHistory(conn) ?? []);
  const problems = historyProblems(initial, options);
  warnings.push(...problems.warnings);
  if (problems.errors.length > 0) fail(problems.errors[0]!);
  skipped.push(...initial.applied);

  for (const migration of initial.pending) {
    options.onMigrationStart?.(migration.name);
    const id = newHistoryId();
    const started = historyTimestamp(now());
    const name = sqlLiteral(migration.name);
    const unit = (sql: string): string[] => [
      // The guard: fails (CHECK) when another process applied or started this migration while we waited for the lock.
      'CREATE TEMP TABLE IF NOT EXISTS "_codegen_migration_guard" ("applied" INTEGER CHECK ("applied" = 0))',
      `INSERT INTO temp."_codegen_migration_guard" SELECT count(*) FROM "${HISTORY_TABLE}" WHERE "migration_name" = ${name} AND "rolled_back_at" IS NULL`,
      'DELETE FROM temp."_codegen_migration_guard"',
      `INSERT INTO "${HISTORY_TABLE}" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (${sqlLiteral(id)}, ${sqlLiteral(migration.checksum)}, ${name}, ${sqlLiteral(started)}, 0)`,
      sql,
      `UPDATE "${HISTORY_TABLE}" SET "finished_at" = ${sqlLiteral(historyTimestamp(now()))}, "applied_steps_count" = 1 WHERE "id" = ${sqlLiteral(id)}`,
    ];
    try {
      const legacy = runWithLegacyStrings(migration.sql, (sql) => conn.runAtomic(unit(sql), { foreignKeysOff: migrationNeedsForeignKeysOff(sql), checkForeignKeys: true }));
      if (legacy.length) warnings.push(legacyStringWarning(migration.name, legacy));
      applied.push(migration.name);
    } catch (e) {
      if (!(e instanceof DatabaseError)) throw e;
      const unit = e instanceof AtomicUnitError ? e : undefined;
      if (unit?.statementIndex === 1 && /CHECK constraint failed/i.test(String((unit.cause as Error | undefined)?.message ?? ''))) {
        // Applied (or being applied) by a concurrent process: re-read and decide.
        const row = (readHistory(conn) ?? []).filter((r) => r.migrationName === migration.name && r.rolledBackAt === null);
        if (row.some((r) => r.finishedAt !== null)) {
          skipped.push(migration.name);
          continue;
        }
        fail(historyProblems(migrationState(migrations, readHistory(conn) ?? []), options).errors[0] ?? e.diagnostic);
      }
      if (unit && unit.statementIndex !== undefined && unit.statementIndex < 4) fail(e.diagnostic);
      recordFailure(conn, migration, started, e.diagnostic.message);
      fail(
        diagnostic('M413', `The migration \`${migration.name}\` failed and was rolled back: nothing it did was kept. ${e.diagnostic.message}`, {
          hint: `Fix the migration (or the data it trips on), then run \`codegen migrate resolve --rolled-back ${migration.name}\` and deploy again.`,
        }),
      );
    }
  }
  return result();
}

/** Records a failed migration after its rollback, as Prisma does: a row with logs and no finished_at. */
function recordFailure(conn: DatabaseConnection, migration: MigrationSource, started: string, log: string): void {
  try {
    conn.runAtomic(
      [
        `INSERT INTO "${HISTORY_TABLE}" ("id", "checksum", "migration_name", "logs", "started_at", "applied_steps_count") VALUES (${sqlLiteral(newHistoryId())}, ${sqlLiteral(migration.checksum)}, ${sqlLiteral(migration.name)}, ${sqlLiteral(log)}, ${sqlLiteral(started)}, 0)`,
      ],
      { checkForeignKeys: false },
    );
  } catch {
    // The database may be full or read-only: the rollback already left it as it was, and the error says why.
  }
}

export type { HistoryRow };
