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
import type { LintSeverities } from '../lint/lint.js';
import { checksumMatches, migrationChecksum } from '../migrate/checksum.js';
import { compareMigrationNames, readMigrationsFolder, type MigrationSource } from '../migrate/folder.js';
import { buildTimeline } from '../migrate/timeline.js';
import { planMigration } from '../plan/plan.js';
import { renderMigrationScript } from '../plan/render.js';
import type { SchemaModel } from '../schema/model.js';
import { displayPath } from '../schema/load.js';
import { findGenerators } from '../codegen/generator-block.js';
import { generateClients } from './generate.js';
import { lintSteps, type LintedMigration } from './lint.js';
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
  /**
   * Check that the client of each codegen generator block is up to date, as `generate --check` does (default
   * true). A block whose output folder does not exist (a client generated at build time, not committed) is skipped.
   */
  readonly client?: boolean;
  /** Also type-check the up-to-date client under strict (G502). Off by default: it takes seconds. */
  readonly typecheck?: boolean;
}

/** The generated client of one codegen generator block. */
export interface ClientStatus {
  readonly generator: string;
  /** The output folder, relative to the working directory. */
  readonly output: string;
  /** `not-generated`: the output folder does not exist, so there was nothing to compare. */
  readonly status: 'up-to-date' | 'stale' | 'not-generated' | 'failed';
  /** The stale and missing files, relative to the working directory. */
  readonly staleFiles: readonly string[];
  /** A unified diff from the files on disk to what the schema produces now. */
  readonly diff: string;
}

/** What a finding is about; `out-of-date` categories make the exit code 2 rather than 1. */
export type FindingCategory = 'schema' | 'history' | 'ordering' | 'missing-migration' | 'client' | 'lint' | 'git';

export interface CheckFinding {
  readonly category: FindingCategory;
  readonly diagnostic: Diagnostic;
}

/** A migration that is not on the base branch, linted. */
export type NewMigration = LintedMigration;

export interface CheckResult {
  /** 0 all good, 1 errors, 2 something is out of date. */
  readonly exitCode: 0 | 1 | 2;
  readonly findings: readonly CheckFinding[];
  readonly newMigrations: readonly NewMigration[];
  /** The migration the schema needs and the folder lacks. */
  readonly missingMigration?: { readonly sql: string; readonly summary: string };
  /** The generated client of each codegen generator block; empty when the schema has none. */
  readonly clients: readonly ClientStatus[];
  readonly base?: BaseRef;
  readonly schema?: string;
  readonly migrationsDir?: string;
  /** Texts for code frames. */
  readonly sources: readonly { path: string; text: string }[];
}

/** Errors that mean "something is out of date" (exit 2) rather than "something is wrong" (exit 1). */
const OUT_OF_DATE: ReadonlySet<string> = new Set(['M432', 'M433', 'G505']);

/** Runs every check; never prints and never throws for a problem in the project (those are findings). */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
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
  const newMigrations = lintSteps(timeline.steps, cwd, options.lint);
  for (const m of newMigrations) {
    sources.push({ path: m.file, text: m.sql });
    add('lint', m.findings);
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
  }

  let clients: ClientStatus[] = [];
  if (loaded.schema && loaded.ok && options.client !== false && findGenerators(loaded.schema).length > 0) {
    const client = await checkClients(loaded.schema, loaded.location, cwd, options.typecheck ?? false);
    add('client', client.findings);
    clients = client.clients;
  }
  return result(findings, sources, {
    newMigrations,
    clients,
    ...(missingMigration ? { missingMigration } : {}),
    ...(base ? { base } : {}),
    schema: displayPath(cwd, loaded.location),
    migrationsDir: displayPath(cwd, migrationsDir),
  });

}

function result(findings: readonly CheckFinding[], sources: CheckResult['sources'], parts: Partial<Omit<CheckResult, 'exitCode' | 'findings' | 'sources'>>): CheckResult {
  const errors = findings.filter((f) => f.diagnostic.severity === 'error');
  const exitCode: 0 | 1 | 2 = errors.some((f) => !OUT_OF_DATE.has(f.diagnostic.code)) ? 1 : errors.length > 0 ? 2 : 0;
  return { exitCode, findings, newMigrations: [], clients: [], sources, ...parts };
}

/**
 * `generate --check` for every codegen generator block: a G505 per stale or missing file, and the generator's own
 * errors (a failing template, say). Its warnings (G506, G507) are left to `codegen generate`: they would repeat
 * on every pull request.
 */
async function checkClients(schema: SchemaModel, location: string, cwd: string, typecheck: boolean): Promise<{ findings: Diagnostic[]; clients: ClientStatus[] }> {
  const generated = await generateClients(schema, location, { cwd, check: true, typecheck, skipUngenerated: true });
  const findings = generated.diagnostics.filter((d) => d.severity === 'error');
  const clients: ClientStatus[] = generated.ungenerated.map((u) => ({ generator: u.generator, output: displayPath(cwd, u.outputDir), status: 'not-generated', staleFiles: [], diff: '' }));
  const failed = findings.length > 0;
  for (const out of generated.outputs) {
    const output = displayPath(cwd, out.outputDir);
    const stale = out.files.filter((f) => f.status === 'stale' || f.status === 'missing');
    for (const f of stale) {
      const file = displayPath(cwd, f.file);
      const block = schema.generators.find((g) => g.name === out.generator);
      findings.push(
        diagnostic(
          'G505',
          f.status === 'missing'
            ? `The generated file ${file} is missing: the generator \`${out.generator}\` now writes it.`
            : `The generated file ${file} is stale: the schema produces different code (generator \`${out.generator}\`).`,
          // A missing file has no lines to point at: the generator block that writes it is the place to look.
          { span: f.status === 'missing' ? block?.nameSpan : wholeFile(file) },
        ),
      );
    }
    const status: ClientStatus['status'] = stale.length ? 'stale' : failed ? 'failed' : 'up-to-date';
    clients.push({ generator: out.generator ?? '', output, status, staleFiles: stale.map((f) => displayPath(cwd, f.file)), diff: out.diff });
  }
  return { findings, clients };
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
