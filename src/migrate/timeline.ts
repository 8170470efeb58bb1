/**
 * A migrations folder replayed once, in memory, with a snapshot of the database after the base migrations and
 * after each migration that follows. Lint and `check` read the before/after of every new migration from it,
 * without replaying the folder again for each one.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseModel } from '../database/model.js';
import { introspectDatabase } from '../sqlite/introspect.js';
import { openDatabase } from '../sqlite/open.js';
import type { MigrationSource } from './folder.js';
import { runMigrationsOn } from './replay.js';

export interface TimelineStep {
  readonly migration: MigrationSource;
  readonly before: DatabaseModel;
  /** Absent when the migration failed to apply (see `error`). */
  readonly after?: DatabaseModel;
  readonly error?: Diagnostic;
}

export interface Timeline {
  /** The database after the base migrations. */
  readonly base: DatabaseModel;
  readonly steps: readonly TimelineStep[];
  /** The database after every migration (base and following), when all applied. */
  readonly final?: DatabaseModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** Replays `base` migrations, then each of `following` in order, describing the database after each. */
export function buildTimeline(base: readonly MigrationSource[], following: readonly MigrationSource[]): Timeline {
  const conn = openDatabase(':memory:');
  try {
    const diagnostics: Diagnostic[] = [];
    const first = runMigrationsOn(conn, base);
    diagnostics.push(...first.warnings);
    if (first.error) return { base: introspectDatabase(conn).model, steps: [], diagnostics: [...diagnostics, first.error] };
    const baseModel = introspectDatabase(conn).model;
    let current = baseModel;
    const steps: TimelineStep[] = [];
    let failed = false;
    for (const migration of following) {
      if (failed) {
        steps.push({ migration, before: current });
        continue;
      }
      const r = runMigrationsOn(conn, [migration]);
      diagnostics.push(...r.warnings);
      if (r.error) {
        steps.push({ migration, before: current, error: r.error });
        failed = true;
        continue;
      }
      const after = introspectDatabase(conn).model;
      steps.push({ migration, before: current, after });
      current = after;
    }
    return { base: baseModel, steps, ...(failed ? {} : { final: current }), diagnostics };
  } finally {
    conn.close();
  }
}
