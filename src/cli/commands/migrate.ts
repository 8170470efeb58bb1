/** `codegen migrate deploy | dev | status | resolve | reset | bundle`. */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { dropEverything, markApplied, markRolledBack, migrate, MigrationError, migrationStatusOf } from '../../api/migrate.js';
import { migrateDev } from '../../api/migrate-dev.js';
import { defaultMigrationsDir, resolveDatabasePath } from '../../api/project.js';
import { loadSchema } from '../../api/schema.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnosticsToJson } from '../../diagnostics/format.js';
import { diffDatabases } from '../../diff/diff.js';
import { summarizeChanges } from '../../diff/summary.js';
import { BUNDLE_HEADER, renderMigrationsBundle } from '../../migrate/bundle.js';
import { readMigrationsFolder } from '../../migrate/folder.js';
import { replayMigrations } from '../../migrate/replay.js';
import { displayPath } from '../../schema/load.js';
import type { SchemaModel } from '../../schema/model.js';
import { DatabaseError } from '../../sqlite/errors.js';
import { introspectDatabase } from '../../sqlite/introspect.js';
import { openDatabase } from '../../sqlite/open.js';
import { EXIT, type CliIO } from '../io.js';
import { mayWriteOutput, printDiagnostics } from '../output.js';

export interface MigrateArgs {
  readonly schema?: string;
  readonly db?: string;
  readonly migrations?: string;
  readonly allowModified?: boolean;
  readonly format?: 'text' | 'json';
  readonly name?: string;
  readonly createOnly?: boolean;
  readonly acceptDataLoss?: boolean;
  readonly forceReset?: boolean;
  readonly force?: boolean;
  readonly applied?: string;
  readonly rolledBack?: string;
  readonly output?: string;
}

interface Project {
  readonly schema?: SchemaModel;
  readonly schemaLocation?: string;
  readonly migrationsDir: string;
  readonly dbPath: string;
}

/**
 * Finds the schema, the migrations folder and the database. The schema is read unless --migrations and the
 * database are both given otherwise (deploy in production needs no schema). Prints problems and returns undefined.
 */
function resolveProject(args: MigrateArgs, io: CliIO, needs: { schema: boolean; db: boolean }): Project | undefined {
  let schema: SchemaModel | undefined;
  let schemaLocation: string | undefined;
  const dbGiven = args.db !== undefined || !!io.env.DATABASE_URL;
  if (needs.schema || args.schema !== undefined || args.migrations === undefined || (needs.db && !dbGiven)) {
    const loaded = loadSchema({ cwd: io.cwd, ...(args.schema !== undefined ? { schema: args.schema } : {}), validate: needs.schema });
    if (!loaded.location || (needs.schema && !loaded.ok)) {
      printDiagnostics(io, loaded.diagnostics, loaded.sources);
      return undefined;
    }
    schemaLocation = loaded.location;
    if (loaded.ok) schema = loaded.schema;
  }
  const migrationsDir = args.migrations !== undefined ? path.resolve(io.cwd, args.migrations) : defaultMigrationsDir(schemaLocation!);
  const location = resolveDatabasePath({
    cwd: io.cwd,
    env: io.env,
    ...(args.db !== undefined ? { db: args.db } : {}),
    ...(schema ? { schema } : {}),
    ...(schemaLocation ? { schemaLocation } : {}),
  });
  if (!location.path && needs.db) {
    printDiagnostics(io, location.diagnostics, []);
    return undefined;
  }
  return { ...(schema ? { schema } : {}), ...(schemaLocation ? { schemaLocation } : {}), migrationsDir, dbPath: location.path ?? '' };
}

const show = (io: CliIO, p: string): string => displayPath(io.cwd, p);

export function runDeploy(args: MigrateArgs, io: CliIO): number {
  const project = resolveProject(args, io, { schema: false, db: true });
  if (!project) return EXIT.errors;
  const started = performance.now();
  try {
    const result = migrate({
      path: project.dbPath,
      migrationsDir: project.migrationsDir,
      ...(args.allowModified ? { allowModified: true } : {}),
      onMigrationStart: (name) => io.stdout(`  applying ${name}\n`),
    });
    printDiagnostics(io, result.warnings, []);
    if (result.created) io.stdout(`Created the database ${show(io, project.dbPath)} (it did not exist).\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout(
      result.applied.length === 0
        ? `No pending migrations to apply: ${show(io, project.dbPath)} is up to date (${result.skipped.length} applied).\n`
        : `Applied ${result.applied.length} migration${result.applied.length === 1 ? '' : 's'} to ${show(io, project.dbPath)} in ${seconds} s.\n`,
    );
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof MigrationError)) throw e;
    if (e.result.applied.length) io.stdout(`Applied before the error: ${e.result.applied.join(', ')}\n`);
    printDiagnostics(io, [...e.result.warnings, e.diagnostic], []);
    return EXIT.errors;
  }
}

export function runStatus(args: MigrateArgs, io: CliIO): number {
  const project = resolveProject(args, io, { schema: false, db: true });
  if (!project) return EXIT.errors;
  const folder = readMigrationsFolder(project.migrationsDir);
  const json = args.format === 'json';
  const base = { database: show(io, project.dbPath), migrations: show(io, project.migrationsDir), total: folder.migrations.length };
  if (!existsSync(project.dbPath)) {
    const pending = folder.migrations.map((m) => m.name);
    if (json) io.stdout(JSON.stringify({ ...base, exists: false, upToDate: pending.length === 0, applied: [], pending, failed: [], modified: [], missing: [], drift: [], diagnostics: diagnosticsToJson(folder.diagnostics) }, null, 2) + '\n');
    else io.stdout(`The database ${base.database} does not exist yet: ${pending.length} migration${pending.length === 1 ? '' : 's'} pending. \`codegen migrate deploy\` creates it.\n`);
    return pending.length ? EXIT.difference : EXIT.ok;
  }
  let conn;
  try {
    conn = openDatabase(project.dbPath, { readonly: true });
  } catch (e) {
    if (!(e instanceof DatabaseError)) throw e;
    printDiagnostics(io, [e.diagnostic], []);
    return EXIT.errors;
  }
  try {
    const status = migrationStatusOf(conn, folder.migrations);
    const s = status.state;
    // Drift: the database against the applied migrations replayed in memory.
    const appliedSources = folder.migrations.filter((m) => s.applied.includes(m.name));
    const replay = replayMigrations(appliedSources);
    const drift = replay.model && status.initialized ? diffDatabases(replay.model, introspectDatabase(conn).model) : [];
    const diagnostics: Diagnostic[] = [...folder.diagnostics, ...status.diagnostics];
    const errors = diagnostics.some((d) => d.severity === 'error') || s.failed.length > 0;
    const upToDate = !errors && s.pending.length === 0 && drift.length === 0;
    if (json) {
      io.stdout(
        JSON.stringify(
          {
            ...base,
            exists: true,
            upToDate,
            applied: s.applied,
            pending: s.pending.map((m) => m.name),
            failed: s.failed.map((f) => ({ name: f.migrationName, startedAt: f.startedAt, logs: f.logs })),
            modified: s.modified.map((m) => m.name),
            missing: s.missing,
            outOfOrder: s.outOfOrder,
            drift: drift.map((c) => c.kind),
            diagnostics: diagnosticsToJson(diagnostics),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const lines = [`Database:   ${base.database}`, `Migrations: ${base.migrations} (${base.total})`];
      for (const name of s.applied) lines.push(`  applied   ${name}${s.modified.some((m) => m.name === name) ? '  (modified since)' : ''}`);
      for (const f of s.failed) lines.push(`  failed    ${f.migrationName}`);
      for (const m of s.pending) lines.push(`  pending   ${m.name}${s.outOfOrder.includes(m.name) ? '  (older than applied ones: merged from a branch)' : ''}`);
      for (const name of s.missing) lines.push(`  missing   ${name}  (in the database, not in the folder)`);
      if (drift.length) lines.push('', 'The database differs from what its applied migrations produce (drift):', summarizeChanges(drift));
      lines.push(
        '',
        upToDate
          ? 'The database is up to date.'
          : errors
            ? 'The history has problems (below).'
            : s.pending.length
              ? `${s.pending.length} migration${s.pending.length === 1 ? '' : 's'} pending: run \`codegen migrate deploy\`.`
              : 'The database has drifted from its migrations.',
      );
      io.stdout(lines.join('\n') + '\n');
      printDiagnostics(io, diagnostics, []);
    }
    return errors ? EXIT.errors : upToDate ? EXIT.ok : EXIT.difference;
  } finally {
    conn.close();
  }
}

export function runResolve(args: MigrateArgs, io: CliIO): number {
  if ((args.applied === undefined) === (args.rolledBack === undefined)) {
    io.stderr('error: Give exactly one of --applied NAME and --rolled-back NAME.\nRun `codegen migrate resolve --help` for usage.\n');
    return EXIT.usage;
  }
  const project = resolveProject(args, io, { schema: false, db: true });
  if (!project) return EXIT.errors;
  let conn;
  try {
    conn = openDatabase(project.dbPath);
  } catch (e) {
    if (!(e instanceof DatabaseError)) throw e;
    printDiagnostics(io, [e.diagnostic], []);
    return EXIT.errors;
  }
  try {
    if (args.applied !== undefined) {
      const migration = readMigrationsFolder(project.migrationsDir).migrations.find((m) => m.name === args.applied);
      if (!migration) {
        printDiagnostics(io, [diagnostic('M414', `No migration \`${args.applied}\` in ${show(io, project.migrationsDir)}.`, { hint: 'Use the folder name, for example 20240101120000_init.' })], []);
        return EXIT.errors;
      }
      markApplied(conn, migration);
      io.stdout(`Migration ${migration.name} marked as applied.\n`);
    } else {
      markRolledBack(conn, args.rolledBack!);
      io.stdout(`Migration ${args.rolledBack} marked as rolled back: the next deploy runs it again.\n`);
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof MigrationError || e instanceof DatabaseError) {
      printDiagnostics(io, [e.diagnostic], []);
      return EXIT.errors;
    }
    throw e;
  } finally {
    conn.close();
  }
}

export function runReset(args: MigrateArgs, io: CliIO): number {
  const project = resolveProject(args, io, { schema: false, db: true });
  if (!project) return EXIT.errors;
  if (!args.force) {
    printDiagnostics(io, [diagnostic('M421', `\`migrate reset\` drops every table of ${show(io, project.dbPath)} and all its data.`, { hint: 'Run it again with --force if that is what you want.' })], []);
    return EXIT.errors;
  }
  if (existsSync(project.dbPath)) {
    try {
      const conn = openDatabase(project.dbPath);
      try {
        const dropped = dropEverything(conn);
        io.stdout(`Dropped ${dropped.length} object${dropped.length === 1 ? '' : 's'} from ${show(io, project.dbPath)}.\n`);
      } finally {
        conn.close();
      }
    } catch (e) {
      if (!(e instanceof DatabaseError)) throw e;
      printDiagnostics(io, [e.diagnostic], []);
      return EXIT.errors;
    }
  }
  return runDeploy({ ...args, db: project.dbPath, migrations: project.migrationsDir }, io);
}

export function runBundle(args: MigrateArgs & { bundleFormat?: 'ts' | 'js' }, io: CliIO): number {
  const project = resolveProject(args, io, { schema: false, db: false });
  if (!project) return EXIT.errors;
  const folder = readMigrationsFolder(project.migrationsDir);
  const errors = folder.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    printDiagnostics(io, folder.diagnostics, []);
    return EXIT.errors;
  }
  const format = args.bundleFormat ?? (args.output?.endsWith('.js') || args.output?.endsWith('.mjs') ? 'js' : 'ts');
  const text = renderMigrationsBundle(folder.migrations, format, show(io, project.migrationsDir));
  if (args.output === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  const file = path.resolve(io.cwd, args.output);
  if (!mayWriteOutput(io, args.output, file, { force: args.force, command: 'codegen migrate bundle', ours: (head) => head.startsWith(BUNDLE_HEADER) })) return EXIT.errors;
  writeFileSync(file, text);
  io.stdout(`Bundled ${folder.migrations.length} migration${folder.migrations.length === 1 ? '' : 's'} into ${args.output}.\n`);
  return EXIT.ok;
}

export async function runDev(args: MigrateArgs, io: CliIO): Promise<number> {
  const project = resolveProject(args, io, { schema: true, db: true });
  if (!project || !project.schema) return EXIT.errors;
  let forceReset = false;
  if (args.forceReset) {
    if (!io.isTTY || io.env.CI) {
      io.stderr('error: --force-reset wipes the dev database and needs a confirmation at a terminal.\n');
      return EXIT.usage;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(`All data in ${show(io, project.dbPath)} will be lost. Reset it? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.stderr('Reset cancelled.\n');
      return EXIT.errors;
    }
    forceReset = true;
  }
  const result = migrateDev({
    schema: project.schema,
    dbPath: project.dbPath,
    migrationsDir: project.migrationsDir,
    ...(args.name !== undefined ? { name: args.name } : {}),
    ...(args.createOnly ? { createOnly: true } : {}),
    ...(args.acceptDataLoss ? { acceptDataLoss: true } : {}),
    ...(args.allowModified ? { allowModified: true } : {}),
    forceReset,
  });
  printDiagnostics(io, result.notes, []);
  if (result.createdDatabase) io.stdout(`Created the dev database ${show(io, project.dbPath)}.\n`);
  if (result.reset) io.stdout(`Reset the dev database ${show(io, project.dbPath)}.\n`);
  const o = result.outcome;
  if ('applied' in o && o.applied.length) io.stdout(`Applied ${o.applied.join(', ')}.\n`);
  switch (o.kind) {
    case 'in-sync':
      io.stdout('Already in sync: the schema matches the migrations, and the database is up to date.\n');
      return EXIT.ok;
    case 'created':
      io.stdout(`Created migration ${show(io, o.file)}${args.createOnly ? ' (not applied: --create-only)' : ''}.\n`);
      printDiagnostics(io, o.warnings, []);
      return EXIT.ok;
    case 'drift':
      printDiagnostics(io, [o.diagnostic], []);
      io.stderr(`\n${o.summary}\n`);
      return EXIT.errors;
    case 'data-loss':
      printDiagnostics(io, [...o.warnings, diagnostic('M417', 'The new migration would lose data, so it was not written.')], []);
      return EXIT.dataLoss;
    case 'unexecutable':
      printDiagnostics(io, [...o.problems, diagnostic('M418', 'The new migration cannot run on the data in the dev database, so it was not written.')], []);
      return EXIT.errors;
    case 'failed':
      printDiagnostics(io, [o.diagnostic], []);
      return EXIT.errors;
  }
}
