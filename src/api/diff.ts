import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Change, Renames } from '../diff/changes.js';
import { diffDatabases } from '../diff/diff.js';
import { checkMigration } from '../plan/checks.js';
import { planMigration } from '../plan/plan.js';
import { renderMigrationScript } from '../plan/render.js';
import type { Step } from '../plan/steps.js';
import { resolveSource, type DiffSource, type ResolvedSource } from './sources.js';

export interface DiffOptions {
  readonly from: DiffSource;
  readonly to: DiffSource;
  /** Base directory for relative paths. Default: process.cwd(). */
  readonly cwd?: string;
  /** Renames to apply, besides those the `to` schema declares with `/// @renamed(from: "…")`. */
  readonly renames?: Renames;
}

export interface DiffResult {
  /** No input errors (a difference is not an error). */
  readonly ok: boolean;
  /** Problems with the inputs (an invalid schema, a missing database, a broken migration). */
  readonly diagnostics: readonly Diagnostic[];
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
    const diagnostics = [...from.diagnostics, ...to.diagnostics];
    const sources = [...(from.sources ?? []), ...(to.sources ?? [])];
    if (hasErrors(diagnostics)) {
      return { ok: false, diagnostics, changes: [], steps: [], sql: '', warnings: [], unexecutable: [], notes: [], empty: true, sources };
    }
    const renames: Renames = {
      tables: [...(to.renames?.tables ?? []), ...(options.renames?.tables ?? [])],
      columns: [...(to.renames?.columns ?? []), ...(options.renames?.columns ?? [])],
    };
    const changes = diffDatabases(from.model, to.model, { renames });
    const plan = planMigration(from.model, to.model, changes, from.connection ? { sqliteVersion: from.connection.capabilities.sqliteVersion } : {});
    const connection = from.connection;
    const safety = checkMigration({
      from: from.model,
      to: to.model,
      changes,
      ...(connection ? { query: (sql: string) => connection.query(sql) } : {}),
      ...(to.hints ? { hints: to.hints } : {}),
    });
    const header = [...safety.warnings, ...safety.unexecutable, ...plan.notes].filter((d) => d.severity !== 'info');
    const sql = renderMigrationScript(plan.steps, { warnings: header.map((d) => d.message) });
    return {
      ok: true,
      diagnostics,
      changes,
      steps: plan.steps,
      sql,
      warnings: safety.warnings,
      unexecutable: safety.unexecutable,
      notes: plan.notes,
      empty: changes.length === 0,
      sources,
    };
  } finally {
    for (const s of opened) s.connection?.close();
  }
}
