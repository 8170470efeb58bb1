/**
 * Prisma's migration history table, `_prisma_migrations`, with exactly Prisma's DDL and value formats, so that
 * a database Prisma migrated is accepted as is, and a database we migrated is accepted by Prisma.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseConnection } from '../sqlite/connection.js';

export const HISTORY_TABLE = '_prisma_migrations';

/** Prisma's own DDL for the table, byte for byte (sqlite_schema keeps the text). */
export const CREATE_HISTORY_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface HistoryRow {
  readonly id: string;
  readonly checksum: string;
  readonly finishedAt: string | null;
  readonly migrationName: string;
  readonly logs: string | null;
  readonly rolledBackAt: string | null;
  readonly startedAt: string;
  readonly appliedStepsCount: number;
}

/** Timestamps as Prisma's JS engine writes them: `2026-11-26T08:10:52.937+00:00`. */
export function historyTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace('Z', '+00:00');
}

export function newHistoryId(): string {
  return randomUUID();
}

export function historyTableExists(conn: DatabaseConnection): boolean {
  return conn.query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [HISTORY_TABLE]).length > 0;
}

/** The rows, oldest first; undefined when the table does not exist yet. */
export function readHistory(conn: DatabaseConnection): HistoryRow[] | undefined {
  if (!historyTableExists(conn)) return undefined;
  return conn
    .query(`SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count FROM "${HISTORY_TABLE}" ORDER BY started_at, rowid`)
    .map((r) => ({
      id: String(r.id),
      checksum: String(r.checksum),
      finishedAt: r.finished_at === null || r.finished_at === undefined ? null : String(r.finished_at),
      migrationName: String(r.migration_name),
      logs: r.logs === null || r.logs === undefined ? null : String(r.logs),
      rolledBackAt: r.rolled_back_at === null || r.rolled_back_at === undefined ? null : String(r.rolled_back_at),
      startedAt: String(r.started_at),
      appliedStepsCount: Number(r.applied_steps_count ?? 0),
    }));
}

export function ensureHistoryTable(conn: DatabaseConnection): void {
  if (historyTableExists(conn)) return;
  // Another process may create it between the check and here: IF NOT EXISTS keeps Prisma's text otherwise.
  conn.runAtomic([CREATE_HISTORY_TABLE.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS')], { checkForeignKeys: false });
}

/** A string literal for SQL text (history statements run inside atomic units with the migration). */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}
