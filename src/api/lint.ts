/**
 * `lint`: the migration lint rules (L7xx, docs/ci.md) over a migrations folder, without git. The folder is replayed
 * once in memory and each linted migration is compared with the database before and after it. `check` lints the
 * migrations that are new on a branch with the same code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { lintMigration, type IgnoredFinding, type LintSeverities } from '../lint/lint.js';
import { readMigrationsFolder } from '../migrate/folder.js';
import { buildTimeline, type TimelineStep } from '../migrate/timeline.js';
import { displayPath, locateSchema } from '../schema/load.js';
import { defaultMigrationsDir } from './project.js';

export type { LintSeverities, IgnoredFinding };

export interface LintMigrationsOptions {
  /** The migrations folder. Default: `migrations/` beside the schema (found as Prisma finds it, or `schema`). */
  readonly migrations?: string;
  readonly schema?: string;
  /** Base directory for relative paths and for paths in findings. Default: process.cwd(). */
  readonly cwd?: string;
  /** Lint only these migrations (folder names), each against the ones before it. Default: every migration. */
  readonly only?: readonly string[];
  /** Severities per rule (`{ L702: 'error', L712: 'off' }`). */
  readonly severities?: LintSeverities;
}

/** One linted migration. */
export interface LintedMigration {
  readonly name: string;
  /** Its migration.sql, relative to the working directory. */
  readonly file: string;
  readonly sql: string;
  readonly findings: readonly Diagnostic[];
  /** Findings silenced by `-- codegen-lint-ignore L7xx reason` in the file, with the reason. */
  readonly ignored: readonly IgnoredFinding[];
}

export interface LintMigrationsResult {
  /** No finding of severity `error`, and the folder could be read and replayed. */
  readonly ok: boolean;
  readonly migrationsDir?: string;
  readonly migrations: readonly LintedMigration[];
  /** Every migration's findings, in order. */
  readonly findings: readonly Diagnostic[];
  /** Problems reading or replaying the folder (a migration that fails to apply, say). */
  readonly diagnostics: readonly Diagnostic[];
  /** Texts for code frames. */
  readonly sources: readonly { path: string; text: string }[];
}

/** Lints the migrations of a folder (all, or `only` some). */
export function lint(options: LintMigrationsOptions = {}): LintMigrationsResult {
  const cwd = options.cwd ?? process.cwd();
  const empty = { migrations: [], findings: [], sources: [] };
  let dir: string;
  if (options.migrations !== undefined) {
    dir = path.resolve(cwd, options.migrations);
    if (!existsSync(dir)) return { ...empty, ok: false, diagnostics: [diagnostic('M401', `The migrations folder \`${options.migrations}\` does not exist.`)] };
  } else {
    const located = locateSchema(cwd, options.schema);
    if (!located.location) return { ...empty, ok: false, diagnostics: located.diagnostics };
    dir = defaultMigrationsDir(located.location);
  }
  const folder = readMigrationsFolder(dir);
  const diagnostics: Diagnostic[] = [...folder.diagnostics];
  const all = folder.migrations;
  const wanted = new Set(options.only ?? all.map((m) => m.name));
  for (const name of wanted) {
    if (!all.some((m) => m.name === name)) diagnostics.push(diagnostic('M414', `There is no migration \`${name}\` in ${displayPath(cwd, dir)}.`));
  }
  // Replay what comes before the first linted migration once, then step through the rest.
  const first = all.findIndex((m) => wanted.has(m.name));
  const timeline = buildTimeline(first < 0 ? all : all.slice(0, first), first < 0 ? [] : all.slice(first));
  diagnostics.push(...timeline.diagnostics);
  const migrations = lintSteps(timeline.steps.filter((s) => wanted.has(s.migration.name)), cwd, options.severities);
  const findings = migrations.flatMap((m) => m.findings);
  return {
    ok: !hasErrors(diagnostics) && !hasErrors(findings),
    migrationsDir: displayPath(cwd, dir),
    migrations,
    findings,
    diagnostics,
    sources: migrations.map((m) => ({ path: m.file, text: m.sql })),
  };
}

/** Lints each replayed migration against the database before and after it (one that failed to apply is not linted). */
export function lintSteps(steps: readonly TimelineStep[], cwd: string, severities?: LintSeverities): LintedMigration[] {
  return steps.map((step) => {
    const file = displayPath(cwd, step.migration.origin);
    const { name, sql } = step.migration;
    if (!step.after) return { name, file, sql, findings: [], ignored: [] };
    const r = lintMigration({ name, file, sql, before: step.before, after: step.after }, severities);
    return { name, file, sql, findings: r.findings, ignored: r.ignored };
  });
}
