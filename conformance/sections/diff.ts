/**
 * The diff engine against real histories and against Prisma's own migration engine:
 * 1. every corpus history replayed, then diffed against its schema: no unexplained difference;
 * 2. Prisma-identical DDL: our empty→schema SQL against the corpus's first migrations, statement by statement;
 * 3. oracle: our empty→schema SQL against Prisma's for generated schemas;
 * 4. oracle: v1→v2 pairs, our SQL and Prisma's applied to the same v1 database, introspected and compared;
 * 5. oracle: the verdict (empty or not) on replayed real histories.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateSchemaText } from '../../src/api/schema.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import { EMPTY_DATABASE, type DatabaseModel } from '../../src/database/model.ts';
import { renamesFromSchema } from '../../src/database/schema-hints.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { migrationNeedsForeignKeysOff } from '../../src/migrate/apply.ts';
import { readMigrationsFolder } from '../../src/migrate/folder.ts';
import { replayMigrations, runMigrationsOn } from '../../src/migrate/replay.ts';
import { planMigration } from '../../src/plan/plan.ts';
import { renderMigrationScript } from '../../src/plan/render.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { loadSchema } from '../../src/api/schema.ts';
import { evolveSchema } from '../gen/evolve.ts';
import { generateSchema, renderSchema } from '../gen/schema-generator.ts';
import { lastOraclePanic, loadOracle, type Oracle } from '../oracle.ts';
import type { Section } from '../section.ts';
import { printTable } from '../../bench/suite.ts';
import { corpusProjects, EXPLAINED_DRIFT } from './corpus-projects.ts';

/** SQL statements without comments and with whitespace normalised, for statement-by-statement comparison. */
export function statements(sql: string): string[] {
  return sql
    .replace(/^--.*$/gm, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/;\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').replace(/;$/, '').trim())
    .filter(Boolean);
}

/** Our documented, intentional difference: JSON defaults are quoted (`DEFAULT '[]'`), Prisma writes them bare. */
function modIntentional(statement: string): string {
  return statement.replace(/(JSONB(?: NOT NULL)? DEFAULT )'((?:[^']|'')*)'/g, (_, head: string, body: string) => `${head}${body.replace(/''/g, "'")}`);
}

export function ourScript(from: DatabaseModel, schemaText: string): string {
  const { schema } = validateSchemaText(schemaText);
  const to = databaseModelFromSchema(schema);
  const changes = diffDatabases(from, to, { renames: renamesFromSchema(schema) });
  return renderMigrationScript(planMigration(from, to, changes).steps);
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codegen-conf-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function applyScript(file: string, sql: string): string | undefined {
  const conn = openDatabase(file, { create: true });
  try {
    conn.runAtomic([sql], { foreignKeysOff: migrationNeedsForeignKeysOff(sql), checkForeignKeys: true });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    conn.close();
  }
}

function describe(file: string): DatabaseModel {
  const conn = openDatabase(file, { readonly: true });
  try {
    return introspectDatabase(conn).model;
  } finally {
    conn.close();
  }
}

export const diffSection: Section = {
  name: 'diff',
  title: 'diff engine: real histories, Prisma-identical DDL, differential against Prisma',
  async run({ corpus }) {
    let ok = true;
    const oracle = loadOracle();

    // 1 and 5: real histories.
    console.log('\n  Real histories: replay the migrations, diff against the schema');
    const rows: (string | number)[][] = [];
    let unexplained = 0;
    let verdictAgree = 0;
    let verdictTotal = 0;
    for (const p of corpusProjects(corpus)) {
      const folder = readMigrationsFolder(p.migrations);
      const replay = replayMigrations(folder.migrations);
      const loaded = loadSchema({ schema: p.schema });
      if (!replay.model || !loaded.schema || !loaded.ok) {
        rows.push([p.name, folder.migrations.length, '-', 'FAILED: ' + (replay.diagnostics.find((d) => d.severity === 'error')?.message ?? loaded.diagnostics[0]?.message ?? '').slice(0, 60)]);
        unexplained++;
        continue;
      }
      const changes = diffDatabases(replay.model, databaseModelFromSchema(loaded.schema));
      const explained = EXPLAINED_DRIFT[p.name];
      let result: string;
      if (changes.length === 0) result = 'no diff';
      else if (explained && JSON.stringify(changes.map((c) => c.kind)) === JSON.stringify(explained.changes)) result = `explained drift (${changes.length} changes)`;
      else {
        result = `UNEXPLAINED: ${changes.map((c) => c.kind).join(', ').slice(0, 80)}`;
        unexplained++;
      }
      const legacy = replay.diagnostics.filter((d) => d.code === 'M423').length;
      if (legacy) result += `; ${legacy} migration(s) with "…" string literals`;
      if (oracle) {
        const prismaEmpty = await withTempDirAsync(async (dir) => {
          const file = path.join(dir, 'replayed.db');
          const conn = openDatabase(file, { create: true });
          try {
            runMigrationsOn(conn, folder.migrations);
          } finally {
            conn.close();
          }
          try {
            const r = await oracle.diff({ kind: 'db', value: file }, { kind: 'schema', value: readFileSync(p.schema, 'utf8') });
            return r.exitCode === 0 || statements(r.sql).length === 0;
          } catch {
            return undefined;
          }
        });
        if (prismaEmpty !== undefined) {
          verdictTotal++;
          const agree = prismaEmpty === (changes.length === 0);
          if (agree) verdictAgree++;
          result += agree ? '; Prisma agrees' : `; Prisma says ${prismaEmpty ? 'no diff' : 'diff'}`;
        }
      }
      rows.push([p.name, folder.migrations.length, replay.model.tables.length, result]);
    }
    printTable(['project', 'migrations', 'tables', 'result'], rows);
    for (const [name, e] of Object.entries(EXPLAINED_DRIFT)) console.log(`  explained: ${name}: ${e.why}`);
    console.log('  Spacedrive\'s hand-added COLLATE NOCASE (20230619144125_collate_nocase) is not modelled by the schema: it is not diffed, and it is preserved when file_path is rebuilt.');
    if (unexplained > 0) ok = false;
    if (oracle) console.log(`  verdict agreement with Prisma on replayed histories: ${verdictAgree}/${verdictTotal}`);

    // 2: Prisma-identical DDL against the corpus's first migrations.
    console.log('\n  Prisma-identical DDL: our empty→schema SQL vs the first migration Prisma wrote');
    const ddlCases: [string, string, string][] = [];
    const spacedriveInit = readdirSync(path.join(corpus, 'spacedrive/migrations')).filter((n) => n !== 'migration_lock.toml').sort()[0]!;
    ddlCases.push(['spacedrive (schema.753a61f19)', path.join(corpus, 'spacedrive/schema.753a61f19.prisma'), path.join(corpus, 'spacedrive/migrations', spacedriveInit, 'migration.sql')]);
    for (const p of corpusProjects(corpus)) {
      const names = readMigrationsFolder(p.migrations).migrations;
      if (names.length === 1) ddlCases.push([p.name, p.schema, names[0]!.origin]);
    }
    let same = 0;
    let total = 0;
    const ddlRows: (string | number)[][] = [];
    for (const [name, schemaPath, migrationPath] of ddlCases) {
      // Hand-written statements appended to a migration (epic-stack's seeding INSERTs) are not Prisma's.
      const expected = statements(readFileSync(migrationPath, 'utf8')).filter((s) => !/^(INSERT|UPDATE|DELETE) /i.test(s));
      const ours = new Set(statements(ourScript(EMPTY_DATABASE, readFileSync(schemaPath, 'utf8'))));
      const hit = expected.filter((s) => ours.has(s)).length;
      same += hit;
      total += expected.length;
      ddlRows.push([name, `${hit}/${expected.length}`, hit === expected.length ? '' : name in EXPLAINED_DRIFT ? 'schema changed after the migration (explained drift)' : 'DIFFERENT']);
    }
    printTable(['project', 'identical statements', 'note'], ddlRows);
    const ddlShare = total ? same / total : 1;
    console.log(`  ${same}/${total} statements identical (${(ddlShare * 100).toFixed(1)}%; target 90%)`);
    if (ddlShare < 0.9) ok = false;

    if (!oracle) {
      console.log('\n  Prisma oracle not installed: skipping the differential parts (3, 4, 5).');
      return { ok, summary: `real histories: ${unexplained} unexplained; DDL ${(ddlShare * 100).toFixed(1)}% identical; oracle skipped` };
    }

    // 3: empty → schema against Prisma's engine.
    const emptyRuns = 200;
    let stmtSame = 0;
    let stmtSameMod = 0;
    let stmtTotal = 0;
    const shown: string[] = [];
    for (let seed = 1; seed <= emptyRuns; seed++) {
      const text = renderSchema(generateSchema(seed, { models: 1 + (seed % 12) }));
      let prisma: string[];
      try {
        prisma = statements((await oracle.diff({ kind: 'empty' }, { kind: 'schema', value: text })).sql);
      } catch {
        console.log(`  seed ${seed}: Prisma failed: ${lastOraclePanic() ?? ''}`);
        continue;
      }
      const ours = statements(ourScript(EMPTY_DATABASE, text));
      prisma.forEach((s, i) => {
        stmtTotal++;
        if (ours[i] === s) stmtSame++;
        if (ours[i] !== undefined && modIntentional(ours[i]!) === s) stmtSameMod++;
        else if (shown.length < 5) shown.push(`seed ${seed}\n     prisma: ${s.slice(0, 220)}\n     ours:   ${(ours[i] ?? '(none)').slice(0, 220)}`);
      });
    }
    const rawShare = stmtSame / stmtTotal;
    const modShare = stmtSameMod / stmtTotal;
    console.log(`\n  empty→schema vs Prisma over ${emptyRuns} generated schemas: ${stmtSame}/${stmtTotal} statements identical (${(rawShare * 100).toFixed(1)}%); ${(modShare * 100).toFixed(1)}% apart from the documented JSON-default quoting`);
    for (const s of shown) console.log(`   ${s}`);
    if (modShare < 0.95) ok = false;

    // 4: v1 → v2 against Prisma's engine: same end state.
    const pairs = 200;
    let sameState = 0;
    let prismaFailed = 0;
    let oursFailed = 0;
    const different: string[] = [];
    for (let seed = 1; seed <= pairs; seed++) {
      const v1 = generateSchema(1000 + seed, { models: 2 + (seed % 6) });
      const evolution = evolveSchema(v1, seed, 1 + (seed % 3));
      const v1Text = renderSchema(v1);
      const v2Text = renderSchema(evolution.schema);
      const outcome = await withTempDirAsync(async (dir) => {
        const a = path.join(dir, 'ours.db');
        const b = path.join(dir, 'prisma.db');
        const base = ourScript(EMPTY_DATABASE, v1Text);
        if (applyScript(a, base) || applyScript(b, base)) return 'setup';
        const ourSql = ourScript(describe(a), v2Text);
        let prismaSql: string;
        try {
          prismaSql = (await oracle.diff({ kind: 'db', value: b }, { kind: 'schema', value: v2Text })).sql;
        } catch {
          return 'prisma-failed';
        }
        const ourError = applyScript(a, ourSql);
        if (ourError) return `ours-failed: ${ourError.slice(0, 200)}`;
        const prismaError = applyScript(b, prismaSql);
        if (prismaError) return `prisma-failed: ${prismaError.slice(0, 120)}`;
        const ma = describe(a);
        const mb = describe(b);
        const d1 = diffDatabases(ma, mb);
        const d2 = diffDatabases(mb, ma);
        return d1.length === 0 && d2.length === 0 ? 'same' : `different: ${JSON.stringify(d1.slice(0, 2)).slice(0, 300)}`;
      });
      if (outcome === 'same') sameState++;
      else if (outcome.startsWith('prisma-failed')) prismaFailed++;
      else {
        if (outcome.startsWith('ours-failed')) oursFailed++;
        if (different.length < 8) different.push(`seed ${seed} [${evolution.applied.join('; ')}]: ${outcome}`);
      }
    }
    const comparable = pairs - prismaFailed;
    console.log(`\n  v1→v2 vs Prisma over ${pairs} pairs: same end state in ${sameState}/${comparable} (Prisma's own SQL failed to apply in ${prismaFailed}; ours failed in ${oursFailed})`);
    for (const d of different) console.log(`   ${d}`);
    if (sameState < comparable) ok = false;
    return {
      ok,
      summary: `histories: ${unexplained} unexplained; corpus DDL ${(ddlShare * 100).toFixed(1)}% identical; generated DDL ${(rawShare * 100).toFixed(1)}% raw / ${(modShare * 100).toFixed(1)}% modulo JSON defaults; v1→v2 same state ${sameState}/${comparable}`,
    };
  },
};

async function withTempDirAsync<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codegen-conf-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type { Oracle };
export { withTempDir };
