/**
 * `check`: everything a pull request needs checked, in one call, with no database server and no network. The
 * schema is valid; the migrations folder, replayed in memory, gives the schema's database; migrations of the base
 * branch were not edited, deleted or renamed; new migrations sort after the base's; the generated client is up to
 * date; and the new migrations pass lint.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { databaseModelFromSchema } from '../database/from-schema.js';
import { renamesFromSchema } from '../database/schema-hints.js';
import { diffDatabases } from '../diff/diff.js';
import { summarizeChanges } from '../diff/summary.js';
import { filesAtCommit, gitRoot, repoPath, resolveBase, type BaseRef } from '../check/git.js';
import { lintMigration, type IgnoredFinding, type LintSeverities } from '../lint/lint.js';
import { checksumMatches, migrationChecksum } from '../migrate/checksum.js';
import { compareMigrationNames, readMigrationsFolder, type MigrationSource } from '../migrate/folder.js';
import { buildTimeline } from '../migrate/timeline.js';
import { planMigration } from '../plan/plan.js';
import { renderMigrationScript } from '../plan/render.js';
import type { SchemaModel } from '../schema/model.js';
import { displayPath } from '../schema/load.js';
import { defaultMigrationsDir } from './project.js';
import { loadSchema } from './schema.js';

export interface CheckOptions {
  readonly cwd?: string;
  readonly schema?: string;
  readonly migrations?: string;
  /** The git ref to compare with. Default: the merge base with origin/main, then main. `false`: no git checks. */
  readonly base?: string | false;
  /** Severities per lint rule (`L701: 'error'`, `L712: 'off'`). */
  readonly lint?: LintSeverities;
  /** Checks the generated client is up to date; returns findings (G5xx). Provided by the caller (lazy codegen). */
  readonly checkGenerated?: (schema: SchemaModel, schemaLocation: string) => readonly Diagnostic[];
}

/** What a finding is about; `out-of-date` categories make the exit code 2 rather than 1. */
export type FindingCategory = 'schema' | 'history' | 'ordering' | 'missing-migration' | 'client' | 'lint' | 'git';

export interface CheckFinding {
  readonly category: FindingCategory;
  readonly diagnostic: Diagnostic;
}

export interface NewMigration {
  readonly name: string;
  /** Relative to the working directory. */
  readonly file: string;
  readonly sql: string;
  readonly findings: readonly Diagnostic[];
  readonly ignored: readonly IgnoredFinding[];
}

export interface CheckResult {
  /** 0 all good, 1 errors, 2 something is out of date. */
  readonly exitCode: 0 | 1 | 2;
  readonly findings: readonly CheckFinding[];
  readonly newMigrations: readonly NewMigration[];
  /** The migration the schema needs and the folder lacks. */
  readonly missingMigration?: { readonly sql: string; readonly summary: string };
  readonly base?: BaseRef;
  readonly schema?: string;
  readonly migrationsDir?: string;
  /** Texts for code frames. */
  readonly sources: readonly { path: string; text: string }[];
}

const OUT_OF_DATE: ReadonlySet<FindingCategory> = new Set(['missing-migration', 'ordering', 'client']);

export function check(options: CheckOptions = {}): CheckResult {
  const cwd = options.cwd ?? process.cwd();
  const findings: CheckFinding[] = [];
  const add = (category: FindingCategory, list: readonly Diagnostic[]): void => {
    for (const d of list) findings.push({ category, diagnostic: d });
  };
  const loaded = loadSchema({ cwd, ...(options.schema !== undefined ? { schema: options.schema } : {}) });
  add('schema', loaded.diagnostics);
  const sources: { path: string; text: string }[] = [...loaded.sources];
  if (!loaded.location) return result(findings, sources, {});
  const migrationsDir = options.migrations !== undefined ? path.resolve(cwd, options.migrations) : defaultMigrationsDir(loaded.location);
  const folder = readMigrationsFolder(migrationsDir);
  add('history', folder.diagnostics);
  const current = folder.migrations;

  // Which migrations are new, compared with the base branch.
  let base: BaseRef | undefined;
  let existing: MigrationSource[] = [...current];
  let added: MigrationSource[] = [];
  if (options.base !== false) {
    if (!gitRoot(cwd)) {
      add('git', [diagnostic('M435', 'Not a git repository: the base-branch checks were skipped.')]);
    } else {
      const resolved = resolveBase(cwd, options.base);
      if ('problem' in resolved) add('git', [diagnostic('M434', resolved.problem, { hint: resolved.fix })]);
      else {
        base = resolved.base;
        const atBase = migrationsAtCommit(cwd, base.sha, migrationsDir);
        const byName = new Map(current.map((m) => [m.name, m]));
        for (const [name, bytes] of atBase) {
          const now = byName.get(name);
          const file = displayPath(cwd, path.join(migrationsDir, name, 'migration.sql'));
          if (!now) {
            const renamedTo = current.find((m) => !atBase.has(m.name) && checksumMatches(m.checksum, bytes));
            add('history', [
              diagnostic('M431', renamedTo ? `The migration \`${name}\` of ${base.ref} was renamed to \`${renamedTo.name}\`.` : `The migration \`${name}\` of ${base.ref} was deleted (${file}).`),
            ]);
          } else if (!checksumMatches(now.checksum, bytes) && !checksumMatches(migrationChecksum(bytes), now.sql)) {
            add('history', [diagnostic('M430', `The migration ${file} exists on ${base.ref} and was edited on this branch.`, { span: wholeFile(file) })]);
          }
        }
        existing = current.filter((m) => atBase.has(m.name));
        added = current.filter((m) => !atBase.has(m.name));
        const newestBase = [...atBase.keys()].sort(compareMigrationNames).pop();
        for (const m of added) {
          if (newestBase !== undefined && compareMigrationNames(m.name, newestBase) < 0) {
            add('ordering', [diagnostic('M432', `The new migration \`${m.name}\` sorts before \`${newestBase}\`, which already exists on ${base.ref}.`)]);
          }
        }
      }
    }
  }

  // Replay once: the base migrations, then each new one, linted against its before and after.
  const timeline = buildTimeline(existing, added);
  add('history', timeline.diagnostics);
  const newMigrations: NewMigration[] = [];
  for (const step of timeline.steps) {
    const file = displayPath(cwd, step.migration.origin);
    sources.push({ path: file, text: step.migration.sql });
    if (!step.after) {
      newMigrations.push({ name: step.migration.name, file, sql: step.migration.sql, findings: [], ignored: [] });
      continue;
    }
    const lint = lintMigration({ name: step.migration.name, file, sql: step.migration.sql, before: step.before, after: step.after }, options.lint);
    add('lint', lint.findings);
    newMigrations.push({ name: step.migration.name, file, sql: step.migration.sql, findings: lint.findings, ignored: lint.ignored });
  }

  // The schema against the replayed folder.
  let missingMigration: CheckResult['missingMigration'];
  if (loaded.schema && loaded.ok && timeline.final) {
    const desired = databaseModelFromSchema(loaded.schema);
    const changes = diffDatabases(timeline.final, desired, { renames: renamesFromSchema(loaded.schema) });
    if (changes.length > 0) {
      const sql = renderMigrationScript(planMigration(timeline.final, desired, changes).steps);
      missingMigration = { sql, summary: summarizeChanges(changes) };
      add('missing-migration', [
        diagnostic('M433', `The schema changed, but no migration in ${displayPath(cwd, migrationsDir)} covers it (${changes.length} change${changes.length === 1 ? '' : 's'}).`, {
          hint: 'Run `codegen migrate dev --name <name>` and commit the migration it writes.',
        }),
      ]);
    }
    if (options.checkGenerated) add('client', options.checkGenerated(loaded.schema, loaded.location));
  }
  return result(findings, sources, {
    newMigrations,
    ...(missingMigration ? { missingMigration } : {}),
    ...(base ? { base } : {}),
    schema: displayPath(cwd, loaded.location),
    migrationsDir: displayPath(cwd, migrationsDir),
  });

}

function result(findings: readonly CheckFinding[], sources: CheckResult['sources'], parts: Partial<Omit<CheckResult, 'exitCode' | 'findings' | 'sources'>>): CheckResult {
  const errors = findings.filter((f) => f.diagnostic.severity === 'error');
  const exitCode: 0 | 1 | 2 = errors.some((f) => !OUT_OF_DATE.has(f.category)) ? 1 : errors.length > 0 ? 2 : 0;
  return { exitCode, findings, newMigrations: [], sources, ...parts };
}

function wholeFile(file: string): Diagnostic['span'] {
  return { file, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}


/** The migrations (folder name → migration.sql bytes) in a folder at a commit. */
function migrationsAtCommit(cwd: string, sha: string, migrationsDir: string): Map<string, Buffer> {
  const prefix = repoPath(cwd, migrationsDir);
  const out = new Map<string, Buffer>();
  for (const [file, bytes] of filesAtCommit(cwd, sha, migrationsDir)) {
    const rel = prefix ? file.slice(prefix.length + 1) : file;
    const m = /^([^/]+)\/migration\.sql$/.exec(rel);
    if (m) out.set(m[1]!, bytes);
  }
  return out;
}
