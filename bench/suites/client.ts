/**
 * `npm run bench -- client`: the generated client against hand-written prepared better-sqlite3 (the baseline),
 * drizzle-orm (query builder and prepared) and kysely, on the same workload in the same run, reported as ops/s
 * ratios to the baseline. Then cold start, peak RSS, and generation for a 1,000-model schema.
 */
import { spawnSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../src/api.ts';
import { loadSchema } from '../../src/api.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import { EMPTY_DATABASE } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { planMigration } from '../../src/plan/plan.ts';
import { renderMigrationScript } from '../../src/plan/render.ts';
import { bigSchema } from '../lib/big-schema.ts';
import { asPrisma7Schema, PRISMA_CLI_ENV, prismaCli } from '../lib/prisma-cli.ts';
import { CONTENDERS, peersInstalled } from '../client/contenders.ts';
import { FULL, OPERATIONS, QUICK, writeSchema } from '../client/workload.ts';
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

interface ChildResult {
  readonly seconds: Record<string, number>;
  readonly maxRSS: number;
}

/** One contender's run in a child process (see client/child.ts). */
function runChild(ctx: BenchContext, name: string, run: number, generatedDir: string, ddlPath: string): ChildResult {
  const dbPath = path.join(ctx.workDir, `${name}-${run}.db`);
  const child = path.join(ctx.root, 'bench/client/child.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx/esm', child, name, dbPath, generatedDir, ctx.quick ? '1' : '0', ddlPath], { cwd: ctx.root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the ${name} run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

async function throughput(ctx: BenchContext, generatedDir: string, ddlPath: string, names: readonly string[]): Promise<{ ops: Map<string, Map<string, number>>; rssMB: Map<string, number> }> {
  const sizes = ctx.quick ? QUICK : FULL;
  const runs = ctx.quick ? 1 : 5;
  const samples = new Map<string, Map<string, number[]>>(names.map((n) => [n, new Map()]));
  const rss = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let run = 0; run < runs; run++) {
    // The order rotates from run to run.
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + run) % names.length]!;
      const r = runChild(ctx, name, run, generatedDir, ddlPath);
      rss.get(name)!.push(r.maxRSS / 1024);
      for (const [op, sizeKey] of OPERATIONS) {
        const list = samples.get(name)!.get(op) ?? [];
        list.push(sizes[sizeKey] / r.seconds[op]!);
        samples.get(name)!.set(op, list);
      }
    }
  }
  return {
    ops: new Map([...samples].map(([n, m]) => [n, new Map([...m].map(([op, xs]) => [op, median(xs)]))])),
    rssMB: new Map([...rss].map(([n, xs]) => [n, median(xs)])),
  };
}

interface ColdStart {
  /** Node start to exit (wall ms). */
  readonly process: number;
  /** Inside the process: the imports, opening the database and the first query (ms). */
  readonly inProcess: number;
}

/**
 * Cold start of each side, interleaved round by round: the whole process, and (printed by the script itself) the
 * time from before its imports to after the first query, which leaves Node's own start-up out.
 */
function coldStart(ctx: BenchContext, generatedDir: string, dbPath: string): { baseline: ColdStart; generated: ColdStart } {
  const jsDir = path.join(ctx.workDir, 'cold');
  mkdirSync(jsDir, { recursive: true });
  const script = (body: string): string => `const t0 = performance.now();\n${body}\nprocess.stdout.write(String(performance.now() - t0));\n`;
  writeFileSync(
    path.join(jsDir, 'baseline.mjs'),
    script(`const { default: Database } = await import('better-sqlite3');\nconst db = new Database(${JSON.stringify(dbPath)}, { fileMustExist: true });\ndb.prepare('SELECT * FROM "User" WHERE "id" = ?').get(1);`),
  );
  writeFileSync(
    path.join(jsDir, 'generated.mjs'),
    script(`const { createClient } = await import(${JSON.stringify(pathToFileURL(path.join(generatedDir, 'index.mjs')).href)});\nconst c = createClient(${JSON.stringify(dbPath)});\nc.user.findUnique({ where: { id: 1 } });`),
  );
  const samples = { baseline: { process: [] as number[], inProcess: [] as number[] }, generated: { process: [] as number[], inProcess: [] as number[] } };
  for (let i = 0; i < (ctx.quick ? 3 : 11); i++) {
    for (const side of ['baseline', 'generated'] as const) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [path.join(jsDir, `${side}.mjs`)], { cwd: ctx.root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold start script ${side}.mjs failed: ${r.stderr}`);
      samples[side].process.push(performance.now() - t);
      samples[side].inProcess.push(Number(r.stdout));
    }
  }
  const summary = (x: { process: number[]; inProcess: number[] }): ColdStart => ({ process: median(x.process), inProcess: median(x.inProcess) });
  return { baseline: summary(samples.baseline), generated: summary(samples.generated) };
}

function bigGenerate(ctx: BenchContext): { models: number; ms: number; cpuMs: number; bytes: number; lines: number; tscMs: number; tscOk: boolean; schemaPath: string } {
  const models = ctx.quick ? 100 : 1000;
  // Inside the repository but outside bench/ (its package.json would hide the package self-reference).
  const dir = path.join(ctx.root, '.tmp', `bench-big${models}`);
  mkdirSync(path.join(dir, 'prisma'), { recursive: true });
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), bigSchema(models));
  const t = performance.now();
  const preload = pathToFileURL(path.join(ctx.root, 'bench/lib/cpu-at-exit.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', preload, path.join(ctx.root, 'bin/codegen.cjs'), 'generate'], { cwd: dir, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  const cpuMs = Number(/cpu-ms (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const out = path.join(dir, 'generated/index.ts');
  const text = readFileSync(out, 'utf8');
  const t2 = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [path.join(ctx.root, 'node_modules/typescript/bin/tsc'), '--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', out],
    { cwd: ctx.root, encoding: 'utf8' },
  );
  return { models, ms, cpuMs, bytes: statSync(out).size, lines: text.split('\n').length, tscMs: performance.now() - t2, tscOk: tsc.status === 0, schemaPath: path.join(dir, 'prisma/schema.prisma') };
}

/**
 * Prisma 7's own generator on the same schema (when `prisma` is installed in bench/), for the size and time
 * comparison.
 */
function prismaGenerate(ctx: BenchContext, schemaPath: string): { ms: number; bytes: number; files: number } | { error: string } | undefined {
  const cli = prismaCli(ctx.root);
  if (cli === undefined) return undefined;
  const dir = path.join(ctx.workDir, 'prisma-generate');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'prisma'), { recursive: true });
  const schema = asPrisma7Schema(readFileSync(schemaPath, 'utf8'));
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), schema);
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...PRISMA_CLI_ENV },
  });
  const ms = performance.now() - t;
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') };
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(path.join(dir, 'generated'), { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    files++;
    bytes += statSync(path.join(f.parentPath, f.name)).size;
  }
  return { ms, bytes, files };
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
    const ddlPath = path.join(ctx.workDir, 'schema.sql');
    writeFileSync(ddlPath, ddlFor(ctx.workDir));
    // Compile the generated client to JavaScript, as an app would ship it.
    const js = transformSync(readFileSync(path.join(generatedDir, 'index.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code;
    writeFileSync(path.join(generatedDir, 'index.mjs'), js);

    const { ops: results, rssMB } = await throughput(ctx, generatedDir, ddlPath, names);
    const base = results.get('baseline')!;
    const header = ['operation', 'baseline ops/s', ...names.filter((n) => n !== 'baseline')];
    const rows = OPERATIONS.map(([op, , label]) => [label, Math.round(base.get(op)!).toLocaleString('en-US'), ...names.filter((n) => n !== 'baseline').map((n) => (results.get(n)!.get(op)! / base.get(op)!).toFixed(2))]);
    printTable(header, rows);
    console.log(
      `  (each contender in its own process, on its own WAL database with synchronous=NORMAL, after two untimed warm-up runs; ` +
        `median of ${ctx.quick ? 1 : 5} runs of process CPU time; the best of 10 passes for lookups, of 3 for counts and the increment)`,
    );

    const cold = coldStart(ctx, generatedDir, path.join(ctx.workDir, 'baseline-0.db'));
    console.log(
      `\n  cold start (imports, open, first query; median of ${ctx.quick ? 3 : 11}, interleaved): in-process baseline ${cold.baseline.inProcess.toFixed(0)} ms, generated ${cold.generated.inProcess.toFixed(0)} ms; ` +
        `whole process (with Node's start-up) baseline ${cold.baseline.process.toFixed(0)} ms, generated ${cold.generated.process.toFixed(0)} ms`,
    );
    const rssBase = rssMB.get('baseline')!;
    const rssGen = rssMB.get('generated')!;
    console.log(`  peak RSS (whole workload, median): baseline ${rssBase.toFixed(0)} MB, generated ${rssGen.toFixed(0)} MB (${(rssGen / rssBase).toFixed(2)}x)${peers ? `; ${names.filter((n) => n !== 'baseline' && n !== 'generated').map((n) => `${n} ${rssMB.get(n)!.toFixed(0)} MB`).join(', ')}` : ''}`);
    const big = bigGenerate(ctx);
    console.log(
      `  generate for ${big.models} models (whole process): ${big.ms.toFixed(0)} ms wall, ${big.cpuMs} ms CPU; output ${(big.bytes / 1024 / 1024).toFixed(2)} MB, ${big.lines.toLocaleString('en-US')} lines; ` +
        `tsc --strict --noEmit ${(big.tscMs / 1000).toFixed(1)} s (${big.tscOk ? 'no errors' : 'ERRORS'})`,
    );
    const prisma = prismaGenerate(ctx, big.schemaPath);
    if (prisma === undefined) console.log('  Prisma 7 is not installed in bench/: run `npm install --prefix bench` to compare with `prisma generate`.');
    else if ('error' in prisma) console.log(`  prisma generate failed: ${prisma.error}`);
    else
      console.log(
        `  prisma generate (prisma-client generator, same schema, whole process): ${prisma.ms.toFixed(0)} ms wall; output ${(prisma.bytes / 1024 / 1024).toFixed(2)} MB ` +
          `in ${prisma.files} files; ours is ${(big.bytes / prisma.bytes).toFixed(3)} of its size and takes ${(big.ms / prisma.ms).toFixed(2)} of its time`,
      );
  },
};
