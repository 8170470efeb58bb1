/**
 * `migrate dev`: bring the dev database up to date with the migrations folder, detect drift, and turn the
 * schema's changes into a new migration file. It never resets a database unless told to (`forceReset`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { databaseModelFromSchema } from '../database/from-schema.js';
import { renamesFromSchema, schemaHints } from '../database/schema-hints.js';
import type { Change } from '../diff/changes.js';
import { diffDatabases } from '../diff/diff.js';
import { summarizeChanges } from '../diff/summary.js';
import { applyMigrations, historyProblems, MigrationError } from '../migrate/apply.js';
import { readMigrationsFolder, writeMigration } from '../migrate/folder.js';
import { readHistory } from '../migrate/history.js';
import { replayMigrations } from '../migrate/replay.js';
import { migrationState } from '../migrate/status.js';
import { checkMigration } from '../plan/checks.js';
import { planMigration } from '../plan/plan.js';
import { renderMigrationScript } from '../plan/render.js';
import type { SchemaModel } from '../schema/model.js';
import { DatabaseError } from '../sqlite/errors.js';
import { introspectDatabase } from '../sqlite/introspect.js';
import { openDatabase } from '../sqlite/open.js';
import { dropEverything } from './migrate.js';

export interface MigrateDevOptions {
  readonly schema: SchemaModel;
  readonly dbPath: string;
  readonly migrationsDir: string;
  /** The new migration's name (after the timestamp). Default: `migration`. */
  readonly name?: string;
  /** Write the migration without applying it. */
  readonly createOnly?: boolean;
  readonly acceptDataLoss?: boolean;
  /** Drop everything and re-apply when the history and the database disagree (the CLI asks first). */
  readonly forceReset?: boolean;
  readonly allowModified?: boolean;
  readonly now?: Date;
}

export type MigrateDevOutcome =
  | { readonly kind: 'in-sync'; readonly applied: readonly string[] }
  | { readonly kind: 'created'; readonly migration: string; readonly file: string; readonly applied: readonly string[]; readonly warnings: readonly Diagnostic[]; readonly changes: readonly Change[] }
  | { readonly kind: 'drift'; readonly diagnostic: Diagnostic; readonly summary: string; readonly applied: readonly string[] }
  | { readonly kind: 'data-loss'; readonly warnings: readonly Diagnostic[]; readonly sql: string; readonly applied: readonly string[] }
  | { readonly kind: 'unexecutable'; readonly problems: readonly Diagnostic[]; readonly sql: string; readonly applied: readonly string[] }
  | { readonly kind: 'failed'; readonly diagnostic: Diagnostic; readonly applied: readonly string[] };

export interface MigrateDevResult {
  readonly outcome: MigrateDevOutcome;
  readonly createdDatabase: boolean;
  readonly reset: boolean;
  readonly notes: readonly Diagnostic[];
}

export function migrateDev(options: MigrateDevOptions): MigrateDevResult {
  const notes: Diagnostic[] = [];
  const folder = readMigrationsFolder(options.migrationsDir);
  notes.push(...folder.diagnostics.filter((d) => d.severity !== 'error'));
  const folderError = folder.diagnostics.find((d) => d.severity === 'error');
  if (folderError) return { outcome: { kind: 'failed', diagnostic: folderError, applied: [] }, createdDatabase: false, reset: false, notes };

  // The shadow database: the folder replayed in memory.
  const replay = replayMigrations(folder.migrations);
  notes.push(...replay.diagnostics.filter((d) => d.severity !== 'error'));
  if (!replay.model) return { outcome: { kind: 'failed', diagnostic: replay.diagnostics.find((d) => d.severity === 'error')!, applied: [] }, createdDatabase: false, reset: false, notes };
  const shadow = replay.model;

  let createdDatabase = false;
  let conn;
  try {
    createdDatabase = !existsSync(options.dbPath);
    conn = openDatabase(options.dbPath, { create: true });
  } catch (e) {
    if (e instanceof DatabaseError) return { outcome: { kind: 'failed', diagnostic: e.diagnostic, applied: [] }, createdDatabase: false, reset: false, notes };
    throw e;
  }
  let reset = false;
  try {
    // 1. The history must be consistent with the folder.
    const state = migrationState(folder.migrations, readHistory(conn) ?? []);
    const problems = historyProblems(state, { ...(options.allowModified !== undefined ? { allowModified: options.allowModified } : {}) });
    notes.push(...problems.warnings);
    if (problems.errors.length > 0) {
      if (!options.forceReset) {
        const first = problems.errors[0]!;
        return {
          outcome: {
            kind: 'drift',
            diagnostic: diagnostic('M416', `The migration history of ${path.basename(options.dbPath)} disagrees with the migrations folder: ${first.message}`, {
              hint: `${first.hint ?? ''}\nOr start the dev database over with \`codegen migrate dev --force-reset\` (all its data is lost).`.trim(),
            }),
            summary: problems.errors.map((d) => `- ${d.message}`).join('\n'),
            applied: [],
          },
          createdDatabase,
          reset,
          notes,
        };
      }
      dropEverything(conn);
      reset = true;
    }
    // 2. Apply what is pending.
    let applied: readonly string[];
    try {
      applied = applyMigrations(conn, folder.migrations, { ...(options.allowModified !== undefined ? { allowModified: options.allowModified } : {}) }).applied;
    } catch (e) {
      if (e instanceof MigrationError) return { outcome: { kind: 'failed', diagnostic: e.diagnostic, applied: e.result.applied }, createdDatabase, reset, notes };
      throw e;
    }
    // 3. Drift: the dev database must be what the folder produces.
    const actual = introspectDatabase(conn).model;
    const drift = diffDatabases(shadow, actual);
    if (drift.length > 0) {
      if (!options.forceReset) {
        return {
          outcome: {
            kind: 'drift',
            diagnostic: diagnostic('M416', `The dev database ${path.basename(options.dbPath)} differs from what the migrations produce (drift).`, {
              hint: 'Someone changed the database by hand, or a migration was edited after it ran. Make a migration that reproduces the change (`codegen diff --from-migrations … --to-db …`), or start over with `codegen migrate dev --force-reset` (all data in the dev database is lost).',
            }),
            summary: summarizeChanges(drift),
            applied,
          },
          createdDatabase,
          reset,
          notes,
        };
      }
      dropEverything(conn);
      reset = true;
      applied = applyMigrations(conn, folder.migrations).applied;
    }
    // 4. What the schema adds on top of the history.
    const desired = databaseModelFromSchema(options.schema);
    const changes = diffDatabases(shadow, desired, { renames: renamesFromSchema(options.schema) });
    if (changes.length === 0) return { outcome: { kind: 'in-sync', applied }, createdDatabase, reset, notes };
    const plan = planMigration(shadow, desired, changes, { sqliteVersion: conn.capabilities.sqliteVersion });
    notes.push(...plan.notes);
    const hints = schemaHints(options.schema);
    const live = checkMigration({ from: shadow, to: desired, changes, query: (sql) => conn.query(sql), hints });
    const fileWarnings = [...checkMigration({ from: shadow, to: desired, changes, hints }).warnings, ...plan.notes].filter((d) => d.severity !== 'info');
    const sql = renderMigrationScript(plan.steps, { warnings: fileWarnings.map((d) => d.message) });
    if (live.unexecutable.length > 0) return { outcome: { kind: 'unexecutable', problems: live.unexecutable, sql, applied }, createdDatabase, reset, notes };
    const lossy = live.warnings.filter((d) => d.severity === 'warning');
    if (lossy.length > 0 && !options.acceptDataLoss) return { outcome: { kind: 'data-loss', warnings: lossy, sql, applied }, createdDatabase, reset, notes };
    const written = writeMigration(options.migrationsDir, options.name ?? 'migration', sql, options.now);
    if (!options.createOnly) {
      try {
        const after = readMigrationsFolder(options.migrationsDir).migrations;
        applied = [...applied, ...applyMigrations(conn, after).applied];
      } catch (e) {
        if (e instanceof MigrationError) return { outcome: { kind: 'failed', diagnostic: e.diagnostic, applied }, createdDatabase, reset, notes };
        throw e;
      }
    }
    return { outcome: { kind: 'created', migration: written.name, file: written.file, applied, warnings: live.warnings, changes }, createdDatabase, reset, notes };
  } finally {
    conn.close();
  }
}

