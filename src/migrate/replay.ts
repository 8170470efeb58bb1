/**
 * Replays a migrations folder into an in-memory database and describes the result: our shadow database, with
 * zero configuration (Prisma 7 needs a shadow database URL for the same thing).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseModel } from '../database/model.js';
import type { DatabaseConnection } from '../sqlite/connection.js';
import { DatabaseError } from '../sqlite/errors.js';
import { introspectDatabase } from '../sqlite/introspect.js';
import { openDatabase } from '../sqlite/open.js';
import { migrationNeedsForeignKeysOff } from './apply.js';
import type { MigrationSource } from './folder.js';
import { legacyStringWarning, runWithLegacyStrings } from './legacy-strings.js';

export interface ReplayResult {
  /** The database the migrations produce; absent when one failed. */
  readonly model?: DatabaseModel;
  /** The migrations that ran. */
  readonly replayed: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Runs migrations in order on a connection (no history table): each one atomic, foreign keys as the applier sets them. */
export function runMigrationsOn(conn: DatabaseConnection, migrations: readonly MigrationSource[]): { replayed: string[]; error?: Diagnostic; warnings: Diagnostic[] } {
  const replayed: string[] = [];
  const warnings: Diagnostic[] = [];
  for (const m of migrations) {
    try {
      const legacy = runWithLegacyStrings(m.sql, (sql) => conn.runAtomic([sql], { foreignKeysOff: migrationNeedsForeignKeysOff(sql), checkForeignKeys: false }));
      if (legacy.length) warnings.push(legacyStringWarning(m.name, legacy));
      replayed.push(m.name);
    } catch (e) {
      if (!(e instanceof DatabaseError)) throw e;
      return { replayed, warnings, error: diagnostic('M420', `Replaying the migration \`${m.name}\` failed: ${e.diagnostic.message}`, { hint: `Check ${m.origin}.` }) };
    }
  }
  return { replayed, warnings };
}


export function replayMigrations(migrations: readonly MigrationSource[]): ReplayResult {
  const conn = openDatabase(':memory:');
  try {
    const { replayed, error, warnings } = runMigrationsOn(conn, migrations);
    if (error) return { replayed, diagnostics: [...warnings, error] };
    const { model, diagnostics } = introspectDatabase(conn);
    return { model, replayed, diagnostics: [...warnings, ...diagnostics] };
  } finally {
    conn.close();
  }
}
