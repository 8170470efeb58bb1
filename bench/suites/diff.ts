/**
 * The diff engine at 100, 1,000 and 5,000 models: introspection, diff and plan in-process; whole-process
 * `codegen diff --from-db v1.db --to-schema v2.prisma --script`, the same against a database already migrated to
 * v2 (no difference: the check a CI step runs) and from an empty database, each also as a multiple of a bare
 * `node -e 0` start-up in the same rounds; and the time to APPLY the v1→v2 migration, ours
 * against Prisma's SQL for the same change on the same data. The change touches every other model: a column
 * type change (a rebuild for both engines) on some, an added required column with a default on the others
 * (Prisma rebuilds; SQLite can ALTER). Prisma's figures come from its own engine (the oracle), when installed.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateSchemaText } from '../../src/api/schema.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import { EMPTY_DATABASE } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { migrationNeedsForeignKeysOff } from '../../src/migrate/apply.ts';
import { planMigration } from '../../src/plan/plan.ts';
import { renderMigrationScript } from '../../src/plan/render.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { loadOracle } from '../../conformance/oracle.ts';
import { findOracle, interleavedMedians, nodeStartup, printTable, timeMedian, timeProcess, type BenchSuite } from '../suite.ts';

/** A schema of `n` models (a chain of optional relations), and its evolution touching every other model. */
export function benchSchemas(n: number): { v1: string; v2: string } {
  const model = (i: number, evolved: boolean): string => {
    const lines = [`model M${i} {`, '  id        Int      @id @default(autoincrement())', '  name      String', `  score     ${evolved && i % 4 === 0 ? 'Float ' : 'Int   '}   @default(0)`, '  note      String?', '  createdAt DateTime @default(now())'];
    if (evolved && i % 4 === 2) lines.push('  status    String   @default("new")');
    if (i > 0) lines.push(`  parentId  Int?`, `  parent    M${i - 1}?   @relation(fields: [parentId], references: [id])`, '  @@index([parentId])');
    if (i < n - 1) lines.push(`  children  M${i + 1}[]`);
    lines.push('}');
    return lines.join('\n');
  };
  const head = 'datasource db {\n  provider = "sqlite"\n}\n';
  const build = (evolved: boolean): string => head + Array.from({ length: n }, (_, i) => model(i, evolved)).join('\n\n') + '\n';
  return { v1: build(false), v2: build(true) };
}

function scriptFor(schemaText: string, dbFile?: string): string {
  const { schema } = validateSchemaText(schemaText);
  const to = databaseModelFromSchema(schema);
  let from = EMPTY_DATABASE;
  if (dbFile) {
    const conn = openDatabase(dbFile, { readonly: true });
    from = introspectDatabase(conn).model;
    conn.close();
  }
  return renderMigrationScript(planMigration(from, to, diffDatabases(from, to)).steps);
}

function applyTimed(file: string, sql: string): number {
  const conn = openDatabase(file);
  try {
    const t = performance.now();
    conn.runAtomic([sql], { foreignKeysOff: migrationNeedsForeignKeysOff(sql), checkForeignKeys: true });
    return performance.now() - t;
  } finally {
    conn.close();
  }
}

/** One run of a whole `node …` process (exit 2, "there is a difference", counts as success). */
function wholeProcess(args: string[], cwd: string): number {
  return timeProcess(process.execPath, args, { cwd, okCodes: [0, 2] });
}

function migratedDatabase(file: string, schemaText: string): void {
  const conn = openDatabase(file, { create: true });
  conn.runAtomic([scriptFor(schemaText)], { checkForeignKeys: false });
  conn.close();
}

export const diffSuite: BenchSuite = {
  name: 'diff',
  title: 'introspect + diff + plan, whole-process codegen diff, and applying a v1→v2 migration (ours vs Prisma)',
  async run({ root, workDir, quick }) {
    const sizes = quick ? [100, 1000] : [100, 1000, 5000];
    const oracle = loadOracle();
    const bin = path.join(root, 'bin/codegen.cjs');
    const oracleScript = findOracle(root);
    const rows: (string | number)[][] = [];
    const applyRows: (string | number)[][] = [];
    const startupRows: (string | number)[][] = [];
    let caNote: string | undefined;
    for (const n of sizes) {
      const { v1, v2 } = benchSchemas(n);
      const v1File = path.join(workDir, `v1-${n}.prisma`);
      const v2File = path.join(workDir, `v2-${n}.prisma`);
      writeFileSync(v1File, v1);
      writeFileSync(v2File, v2);
      const db = path.join(workDir, `v1-${n}.db`);
      const init = scriptFor(v1);
      const conn = openDatabase(db, { create: true });
      conn.runAtomic([init], { checkForeignKeys: false });
      // 20 rows per table, linked to the previous table.
      const fill: string[] = [];
      for (let i = 0; i < n; i++) fill.push(`INSERT INTO "M${i}" ("name", "score"${i > 0 ? ', "parentId"' : ''}) SELECT 'row ' || x, x${i > 0 ? ', x' : ''} FROM (WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 20) SELECT x FROM s);`);
      conn.runAtomic([fill.join('\n')], { checkForeignKeys: true });
      const introspectMs = timeMedian(() => introspectDatabase(conn), quick ? 3 : 5);
      const actual = introspectDatabase(conn).model;
      conn.close();
      const desired = databaseModelFromSchema(validateSchemaText(v2).schema);
      const diffMs = timeMedian(() => diffDatabases(actual, desired), quick ? 3 : 5);
      const planMs = timeMedian(() => planMigration(actual, desired, diffDatabases(actual, desired)), quick ? 3 : 5);
      const migrated = path.join(workDir, `v2-${n}.db`);
      migratedDatabase(migrated, v2);
      // The headline size gets 7 rounds (medians of 7); the others 3.
      const whole = interleavedMedians(n === 1000 && !quick ? 7 : 3, {
        startup: nodeStartup,
        same: () => wholeProcess([bin, 'diff', '--from-db', migrated, '--to-schema', v2File, '--script'], workDir),
        changed: () => wholeProcess([bin, 'diff', '--from-db', db, '--to-schema', v2File, '--script'], workDir),
        empty: () => wholeProcess([bin, 'diff', '--from-empty', '--to-schema', v2File, '--script'], workDir),
      });
      // Some machines (this sandbox among them) set NODE_EXTRA_CA_CERTS, which makes every Node process parse that
      // certificate bundle at start, before any of its code runs: measured beside the rest, without it, at 1,000.
      if (n === 1000 && process.env.NODE_EXTRA_CA_CERTS) {
        const bare = { NODE_EXTRA_CA_CERTS: '' };
        const without = interleavedMedians(quick ? 3 : 7, {
          startup: () => timeProcess(process.execPath, ['-e', '0'], { env: bare }),
          changed: () => timeProcess(process.execPath, [bin, 'diff', '--from-db', db, '--to-schema', v2File, '--script'], { cwd: workDir, okCodes: [0, 2], env: bare }),
          startupWith: nodeStartup,
        });
        caNote = `  NODE_EXTRA_CA_CERTS is set here: it costs every Node process ~${(without.startupWith - without.startup).toFixed(0)} ms at start. Without it (same rounds): node -e 0 ${without.startup.toFixed(0)} ms, diff db(v1)→v2 ${without.changed.toFixed(0)} ms`;
      }
      const oursWhole = whole.changed;
      const emptyWhole = whole.empty;
      const times = (ms: number): string => `${ms.toFixed(0)} (${(ms / whole.startup).toFixed(1)}x)`;
      startupRows.push([n, whole.startup.toFixed(0), times(whole.same), times(whole.changed), times(whole.empty)]);
      let prismaWhole: number | undefined;
      let prismaEmpty: number | undefined;
      if (oracle && oracleScript && n === 1000) {
        const prisma = interleavedMedians(3, {
          changed: () => wholeProcess([oracleScript, 'diff', '--from', `db:${db}`, '--to', `schema:${v2File}`, '--script'], workDir),
          empty: () => wholeProcess([oracleScript, 'diff', '--from', 'empty', '--to', `schema:${v2File}`, '--script'], workDir),
        });
        prismaWhole = prisma.changed;
        prismaEmpty = prisma.empty;
      }
      rows.push([
        n,
        introspectMs.toFixed(1),
        diffMs.toFixed(1),
        planMs.toFixed(1),
        oursWhole.toFixed(0),
        prismaWhole ? `${prismaWhole.toFixed(0)} (${(prismaWhole / oursWhole).toFixed(1)}x)` : '-',
        emptyWhole.toFixed(0),
        prismaEmpty ? `${prismaEmpty.toFixed(0)} (${(prismaEmpty / emptyWhole).toFixed(1)}x)` : '-',
      ]);

      // Applying the migration: ours, and Prisma's SQL for the same change, on copies of the same database.
      if (n <= 1000) {
        const ours = path.join(workDir, `apply-ours-${n}.db`);
        copyFileSync(db, ours);
        const ourSql = scriptFor(v2, db);
        const oursMs = applyTimed(ours, ourSql);
        let prismaMs: number | undefined;
        if (oracle) {
          const theirs = path.join(workDir, `apply-prisma-${n}.db`);
          copyFileSync(db, theirs);
          const prismaSql = (await oracle.diff({ kind: 'db', value: theirs }, { kind: 'schema', value: v2 })).sql;
          prismaMs = applyTimed(theirs, prismaSql);
        }
        applyRows.push([n, oursMs.toFixed(0), prismaMs !== undefined ? prismaMs.toFixed(0) : '-', prismaMs !== undefined ? `${(prismaMs / oursMs).toFixed(1)}x` : '-']);
      }
    }
    console.log(`  whole process, median wall ms (and as a multiple of \`node -e 0\` in the same rounds); ${quick ? 3 : 7} rounds at 1,000 models, else 3`);
    printTable(['models', 'node -e 0', 'diff db(=v2)→v2', 'diff db(v1)→v2', 'diff empty→v2'], startupRows);
    console.log('  targets at 1,000 models: db(v1)→v2, db(=v2)→v2 and empty→v2 500 ms or less');
    if (caNote) console.log(caNote);
    console.log('');
    console.log('  times in ms; whole-process = node start-up to exit (medians as above)');
    printTable(['models', 'introspect', 'diff', 'plan', 'codegen diff db→schema', 'Prisma db→schema', 'codegen diff empty→schema', 'Prisma empty→schema'], rows);
    console.log('\n  applying v1→v2 (every other model changed, 20 rows per table), one transaction, foreign keys off');
    printTable(['models', 'ours (ms)', "Prisma's SQL (ms)", 'ratio'], applyRows);
  },
};
