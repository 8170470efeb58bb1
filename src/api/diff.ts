import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Change, Renames } from '../diff/changes.js';
import { diffDatabases } from '../diff/diff.js';
import type { DatabaseModel } from '../database/model.js';
import { checkMigration, countStatements, type Query, type SchemaHints } from '../plan/checks.js';
import { planMigration } from '../plan/plan.js';
import { renderMigrationScript } from '../plan/render.js';
import type { Step } from '../plan/steps.js';
import { liveDatabaseOf, resolveSource, type DiffSource, type ResolvedSource } from './sources.js';

export interface DiffOptions {
  readonly from: DiffSource;
  readonly to: DiffSource;
  /** Base directory for relative paths. Default: process.cwd(). */
  readonly cwd?: string;
  /** Renames to apply, besides those the `to` schema declares with `/// @renamed(from: "…")`. */
  readonly renames?: Renames;
}

/** A planned migration between two database states. */
export interface MigrationPlanResult {
  readonly changes: readonly Change[];
  readonly steps: readonly Step[];
  /** The migration script, Prisma-style, with warnings in a header comment. Empty when there is no difference. */
  readonly sql: string;
  /** Changes that lose data (with row counts when `from` is a database). */
  readonly warnings: readonly Diagnostic[];
  /** Steps that cannot run on the data of the `from` database. */
  readonly unexecutable: readonly Diagnostic[];
  /** What the plan had to give up (a CHECK on a dropped column, say). */
  readonly notes: readonly Diagnostic[];
  readonly empty: boolean;
}

export interface DiffResult extends MigrationPlanResult {
  /** No input errors (a difference is not an error). */
  readonly ok: boolean;
  /** Problems with the inputs (an invalid schema, a missing database, a broken migration). */
  readonly diagnostics: readonly Diagnostic[];
  /** Input texts, for printing diagnostics with code frames. */
  readonly sources: readonly { path: string; text: string }[];
}

/** Compares two sources and plans the migration from one to the other (`prisma migrate diff`, plus more sources). */
export function diff(options: DiffOptions): DiffResult {
  const cwd = options.cwd ?? process.cwd();
  const opened: ResolvedSource[] = [];
  try {
    const from = resolveSource(options.from, cwd);
    opened.push(from);
    const to = resolveSource(options.to, cwd);
    opened.push(to);
    return diffResolved(from, to, options.renames);
  } finally {
    for (const s of opened) s.connection?.close();
  }
}

/** The second half of `diff`: two resolved sides → the plan. The caller closes their connections. */
export function diffResolved(from: ResolvedSource, to: ResolvedSource, extraRenames: Renames | undefined): DiffResult {
  const diagnostics = [...from.diagnostics, ...to.diagnostics];
  const sources = [...(from.sources ?? []), ...(to.sources ?? [])];
  if (hasErrors(diagnostics)) {
    return { ok: false, diagnostics, changes: [], steps: [], sql: '', warnings: [], unexecutable: [], notes: [], empty: true, sources };
  }
  const renames: Renames = {
    tables: [...(to.renames?.tables ?? []), ...(extraRenames?.tables ?? [])],
    columns: [...(to.renames?.columns ?? []), ...(extraRenames?.columns ?? [])],
  };
  const live = liveDatabaseOf(from);
  const plan = planBetween(from.model, to.model, {
    renames,
    ...(to.hints ? { hints: to.hints } : {}),
    ...(live ? { query: live.query, sqliteVersion: live.sqliteVersion, ...(live.prefetch ? { prefetch: live.prefetch } : {}), ...(live.release ? { release: live.release } : {}) } : {}),
  });
  return { ok: true, diagnostics, ...plan, sources };
}

/**
 * Diffs two database models and plans the migration: the changes, the ordered steps, the SQL (warnings in its header)
 * and the safety checks (with row counts when `query` reads the `from` database).
 */
export function planBetween(
  from: DatabaseModel,
  to: DatabaseModel,
  options: {
    readonly renames?: Renames;
    readonly hints?: SchemaHints;
    readonly query?: Query;
    /** Starts a query whose answer a later `query` of the same SQL reads (LiveDatabase.prefetch). */
    readonly prefetch?: (sql: string) => void;
    /** Called once the last `query` is done (LiveDatabase.release). */
    readonly release?: () => void;
    readonly sqliteVersion?: string;
  },
): MigrationPlanResult {
  const changes = diffDatabases(from, to, options.renames ? { renames: options.renames } : {});
  // A database read elsewhere (the diff's worker) counts the rows the checks will need while this thread plans.
  const prefetch = options.prefetch;
  const counts = prefetch ? countStatements(from, changes) : undefined;
  if (prefetch && counts) for (const statement of counts) prefetch(statement.sql);
  const plan = planMigration(from, to, changes, options.sqliteVersion !== undefined ? { sqliteVersion: options.sqliteVersion } : {});
  const safety = checkMigration({
    from,
    to,
    changes,
    ...(options.query ? { query: options.query } : {}),
    ...(options.hints ? { hints: options.hints } : {}),
    ...(counts ? { countStatements: counts } : {}),
  });
  options.release?.();
  const header = [...safety.warnings, ...safety.unexecutable, ...plan.notes].filter((d) => d.severity !== 'info');
  const sql = renderMigrationScript(plan.steps, { warnings: header.map((d) => d.message) });
  return { changes, steps: plan.steps, sql, warnings: safety.warnings, unexecutable: safety.unexecutable, notes: plan.notes, empty: changes.length === 0 };
}
