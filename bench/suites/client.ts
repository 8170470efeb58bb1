/**
 * `npm run bench -- client`: the generated client against hand-written prepared better-sqlite3 (the baseline),
 * drizzle-orm (query builder and prepared) and kysely, on the same workload in the same run, reported as ops/s
 * ratios to the baseline. Then cold start, peak RSS, and generation for a 1,000-model schema.
 */
import { spawnSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../src/api.ts';
import { loadSchema } from '../../src/api.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import { EMPTY_DATABASE } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { planMigration } from '../../src/plan/plan.ts';
import { renderMigrationScript } from '../../src/plan/render.ts';
import { bigSchema } from '../lib/big-schema.ts';
import { CONTENDERS, loadContender, peersInstalled } from '../client/contenders.ts';
import { createDatabase, FULL, makeInputs, OPERATIONS, QUICK, READ_ONLY, writeSchema } from '../client/workload.ts';
import { printTable, type BenchContext, type BenchSuite } from '../suite.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ddlFor(dir: string): string {
  const { schema } = loadSchema({ cwd: dir, schema: 'schema.prisma' });
  const to = databaseModelFromSchema(schema!);
  return renderMigrationScript(planMigration(EMPTY_DATABASE, to, diffDatabases(EMPTY_DATABASE, to)).steps);
}

async function throughput(ctx: BenchContext, generatedDir: string, ddl: string, names: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const sizes = ctx.quick ? QUICK : FULL;
  const inputs = makeInputs(sizes);
  const runs = ctx.quick ? 1 : 5;
  // ratio samples per contender and operation, and baseline ops/s
  const samples = new Map<string, Map<string, number[]>>(names.map((n) => [n, new Map()]));
  // Warm-up: every contender runs the workload once, untimed, on a scratch database, so that the timed runs measure
  // JIT-compiled code for everyone (the first few thousand calls of a code path run in V8's interpreter).
  const warm = inputs;
  for (const name of names) {
    const dbPath = path.join(ctx.workDir, `${name}-warmup.db`);
    createDatabase(dbPath, ddl);
    const c = await loadContender(name, dbPath, generatedDir);
    for (const [op] of OPERATIONS) await c.run[op](warm);
    await c.close();
  }
  for (let run = 0; run < runs; run++) {
    const contenders = [];
    for (const name of names) {
      const dbPath = path.join(ctx.workDir, `${name}-${run}.db`);
      createDatabase(dbPath, ddl);
      contenders.push(await loadContender(name, dbPath, generatedDir));
    }
    // Every contender runs the same operation back to back (each on its own database), in an order that rotates
    // from run to run, so that a busy machine slows them alike. Read-only operations run three times (best kept).
    for (const [op, sizeKey] of OPERATIONS) {
      for (let k = 0; k < contenders.length; k++) {
        const i = (k + run) % contenders.length;
        let seconds = Infinity;
        for (let rep = 0; rep < (READ_ONLY.has(op) ? 3 : 1); rep++) {
          // Process CPU time, not wall time: every contender runs in this process and SQLite works synchronously
          // in it, so CPU time is the same measure without the noise of other processes on the machine.
          const t = process.cpuUsage();
          await contenders[i]!.run[op](inputs);
          const u = process.cpuUsage(t);
          seconds = Math.min(seconds, (u.user + u.system) / 1e6);
        }
        const list = samples.get(names[i]!)!.get(op) ?? [];
        list.push(sizes[sizeKey] / seconds);
        samples.get(names[i]!)!.set(op, list);
      }
    }
    for (const c of contenders) await c.close();
  }
  return new Map([...samples].map(([n, m]) => [n, new Map([...m].map(([op, xs]) => [op, median(xs)]))]));
}

function coldStart(ctx: BenchContext, generatedDir: string, dbPath: string): { baseline: number; generated: number } {
  const jsDir = path.join(ctx.workDir, 'cold');
  mkdirSync(jsDir, { recursive: true });
  writeFileSync(path.join(jsDir, 'baseline.mjs'), `import Database from 'better-sqlite3';\nconst db = new Database(${JSON.stringify(dbPath)}, { fileMustExist: true });\ndb.prepare('SELECT * FROM "User" WHERE "id" = ?').get(1);\n`);
  writeFileSync(path.join(jsDir, 'generated.mjs'), `import { createClient } from ${JSON.stringify(path.join(generatedDir, 'index.mjs'))};\nconst c = createClient(${JSON.stringify(dbPath)});\nc.user.findUnique({ where: { id: 1 } });\n`);
  const time = (file: string): number => {
    const xs: number[] = [];
    for (let i = 0; i < (ctx.quick ? 3 : 9); i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [file], { cwd: ctx.root, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`cold start script ${file} failed`);
      xs.push(performance.now() - t);
    }
    return median(xs);
  };
  return { baseline: time(path.join(jsDir, 'baseline.mjs')), generated: time(path.join(jsDir, 'generated.mjs')) };
}

function peakRss(ctx: BenchContext, generatedDir: string, ddl: string, name: string): number {
  const dbPath = path.join(ctx.workDir, `rss-${name}.db`);
  createDatabase(dbPath, ddl);
  const child = path.join(ctx.root, 'bench/client/child.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx/esm', child, name, dbPath, generatedDir, ctx.quick ? '1' : '0'], { cwd: ctx.root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`peak RSS run for ${name} failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { maxRSS: number }).maxRSS / 1024;
}

function bigGenerate(ctx: BenchContext): { models: number; ms: number; bytes: number; lines: number; tscMs: number; tscOk: boolean } {
  const models = ctx.quick ? 100 : 1000;
  // Inside the repository but outside bench/ (its package.json would hide the package self-reference).
  const dir = path.join(ctx.root, '.tmp', `bench-big${models}`);
  mkdirSync(path.join(dir, 'prisma'), { recursive: true });
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), bigSchema(models));
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(ctx.root, 'bin/codegen.js'), 'generate'], { cwd: dir, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  const out = path.join(dir, 'generated/index.ts');
  const text = readFileSync(out, 'utf8');
  const t2 = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [path.join(ctx.root, 'node_modules/typescript/bin/tsc'), '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', out],
    { cwd: ctx.root, encoding: 'utf8' },
  );
  return { models, ms, bytes: statSync(out).size, lines: text.split('\n').length, tscMs: performance.now() - t2, tscOk: tsc.status === 0 };
}

export const clientSuite: BenchSuite = {
  name: 'client',
  title: 'generated client vs better-sqlite3, drizzle and kysely (ops per CPU second, ratio to the baseline)',
  async run(ctx) {
    if (!existsSync(path.join(ctx.root, 'dist/runtime/index.js'))) {
      console.log('  The package is not built: run `npm run build` first (the generated client imports dist/runtime).');
      return;
    }
    const peers = await peersInstalled();
    if (!peers) console.log('  drizzle-orm and kysely are not installed: run `npm install --prefix bench` to compare with them.\n');
    const names = peers ? CONTENDERS : (['baseline', 'generated'] as const);
    writeSchema(ctx.workDir);
    // The generated client must live inside the repository but outside bench/ (which has its own package.json),
    // so that `@spacepos/codegen/runtime` resolves by package self-reference.
    const gen = await generate({ cwd: ctx.workDir, schema: 'schema.prisma', output: path.join(ctx.root, '.tmp/bench-client') });
    if (!gen.ok || !gen.outputDir) throw new Error('generate failed for the bench schema');
    const generatedDir = gen.outputDir;
    const ddl = ddlFor(ctx.workDir);
    // Compile the generated client to JavaScript, as an app would ship it.
    const js = transformSync(readFileSync(path.join(generatedDir, 'index.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code;
    writeFileSync(path.join(generatedDir, 'index.mjs'), js);

    const results = await throughput(ctx, generatedDir, ddl, names);
    const base = results.get('baseline')!;
    const header = ['operation', 'baseline ops/s', ...names.filter((n) => n !== 'baseline')];
    const rows = OPERATIONS.map(([op, , label]) => [label, Math.round(base.get(op)!).toLocaleString('en-US'), ...names.filter((n) => n !== 'baseline').map((n) => (results.get(n)!.get(op)! / base.get(op)!).toFixed(2))]);
    printTable(header, rows);
    console.log(
      `  (${names.length} contenders in one process, each on its own WAL database with synchronous=NORMAL; after one untimed warm-up run, ` +
        `median of ${ctx.quick ? 1 : 5} runs of process CPU time; read-only operations best of 3 passes)`,
    );

    const dbPath = path.join(ctx.workDir, 'baseline-0.db');
    const cold = coldStart(ctx, generatedDir, dbPath);
    console.log(`\n  cold start (import, open, first query; node process wall time): baseline ${cold.baseline.toFixed(0)} ms, generated ${cold.generated.toFixed(0)} ms`);
    const rssBase = peakRss(ctx, generatedDir, ddl, 'baseline');
    const rssGen = peakRss(ctx, generatedDir, ddl, 'generated');
    console.log(`  peak RSS (whole workload): baseline ${rssBase.toFixed(0)} MB, generated ${rssGen.toFixed(0)} MB (${(rssGen / rssBase).toFixed(2)}x)`);
    const big = bigGenerate(ctx);
    console.log(
      `  generate for ${big.models} models (whole process): ${big.ms.toFixed(0)} ms; output ${(big.bytes / 1024 / 1024).toFixed(2)} MB, ${big.lines.toLocaleString('en-US')} lines; ` +
        `tsc --strict --noEmit ${(big.tscMs / 1000).toFixed(1)} s (${big.tscOk ? 'no errors' : 'ERRORS'})`,
    );
  },
};
