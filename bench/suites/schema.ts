/**
 * Parse + validate speed on large generated schemas (100, 1,000 and 5,000 models): in-process milliseconds per
 * 1,000 models (median) and their growth, then the whole `codegen validate` process on the 1,000-model file against
 * Prisma 7's `prisma validate` CLI (when `npm install --prefix bench` installed it), Prisma's validator alone
 * (`oracle.mjs validate`, when the oracle is installed) and a bare `node -e 0` start-up, runs interleaved so that
 * all see the same load.
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSchemaText } from '../../conformance/gen/schema-generator.ts';
import { validateSchemaText } from '../../src/api.ts';
import { asPrisma7Schema, PRISMA_CLI_ENV, prismaCli } from '../lib/prisma-cli.ts';
import { findOracle, median, printTable, timeMedian, timeProcess, type BenchSuite } from '../suite.ts';

const SEED = 20240;

export const schemaSuite: BenchSuite = {
  name: 'schema',
  title: 'parse + validate large schemas',
  async run({ root, workDir, quick }) {
    const sizes = quick ? [100, 1000] : [100, 1000, 5000];
    const rows: (string | number)[][] = [];
    let perThousandAt1000 = 0;
    const texts = new Map<number, string>();
    for (const models of sizes) {
      const text = generateSchemaText(SEED, { models });
      texts.set(models, text);
      const result = validateSchemaText(text);
      if (!result.ok) throw new Error(`the generated ${models}-model schema is not valid: ${result.diagnostics[0]?.message}`);
      const runs = quick ? 3 : 7;
      const ms = timeMedian(() => validateSchemaText(text), runs, 3);
      // CPU time as well: on a loaded machine it is steadier than wall time.
      const cpu = cpuMedian(() => validateSchemaText(text), runs);
      const perThousand = (cpu * 1000) / models;
      if (models === 1000) perThousandAt1000 = perThousand;
      const growth = models === 1000 || !perThousandAt1000 ? '' : `${(perThousand / perThousandAt1000).toFixed(2)}x`;
      rows.push([models, `${(text.length / 1024).toFixed(0)} KB`, ms.toFixed(1), ((ms * 1000) / models).toFixed(1), cpu.toFixed(1), perThousand.toFixed(1), growth]);
    }
    console.log('  in-process validateSchemaText (parse + lower + validate), medians after warm-up:');
    printTable(['models', 'size', 'wall ms', 'wall ms / 1,000 models', 'cpu ms', 'cpu ms / 1,000 models', 'per model vs 1,000'], rows);

    const file = path.join(workDir, 'schema-1000.prisma');
    writeFileSync(file, texts.get(1000)!);
    const bin = path.join(root, 'bin/codegen.cjs');
    if (!existsSync(path.join(root, 'dist/cli/main.cjs'))) {
      console.log('  dist/ is missing: run `npm run build` for the whole-process figures.');
      return;
    }
    const oracle = findOracle(root);
    const oracleDir = process.env.PRISMA_ORACLE_DIR ?? path.join(os.homedir(), '.cache', 'prisma-oracle');
    const withPrisma = oracle !== undefined && existsSync(path.join(oracleDir, 'node_modules/@prisma/prisma-schema-wasm'));
    const cli = prismaCli(root);
    const prismaFile = path.join(workDir, 'schema-1000-prisma7.prisma');
    writeFileSync(prismaFile, asPrisma7Schema(texts.get(1000)!));
    const runs = quick ? 3 : 9;
    const ours: number[] = [];
    const prisma: number[] = [];
    const prismaCliRuns: number[] = [];
    const boot: number[] = [];
    for (let i = 0; i < runs; i++) {
      boot.push(timeProcess(process.execPath, ['-e', '0']));
      ours.push(timeProcess(process.execPath, [bin, 'validate', '--schema', file]));
      if (withPrisma) prisma.push(timeProcess(process.execPath, [oracle!, 'validate', file], { env: { PRISMA_ORACLE_DIR: oracleDir } }));
      if (cli) prismaCliRuns.push(timeProcess(process.execPath, [cli, 'validate', '--schema', prismaFile], { cwd: workDir, env: PRISMA_CLI_ENV }));
    }
    const startup = median(boot);
    console.log(`\n  whole process on 1,000 models (${runs} runs each, interleaved, median wall time):`);
    const table: (string | number)[][] = [
      ['node -e 0 (baseline: Node start-up)', startup.toFixed(0), '1.0x'],
      ['codegen validate', median(ours).toFixed(0), `${(median(ours) / startup).toFixed(1)}x`],
    ];
    if (cli) table.push(['prisma validate (Prisma 7 CLI)', median(prismaCliRuns).toFixed(0), `${(median(prismaCliRuns) / startup).toFixed(1)}x`]);
    if (withPrisma) table.push(["Prisma's validator alone (oracle.mjs, wasm)", median(prisma).toFixed(0), `${(median(prisma) / startup).toFixed(1)}x`]);
    printTable(['command', 'ms', 'vs node start-up'], table);
    const ratios = [
      ...(cli ? [`prisma validate / codegen validate ${(median(prismaCliRuns) / median(ours)).toFixed(2)}x (target 5x)`] : []),
      ...(withPrisma ? [`validator alone / codegen ${(median(prisma) / median(ours)).toFixed(2)}x`] : []),
    ];
    console.log(`  target: codegen validate 500 ms or less${ratios.length ? `; ${ratios.join('; ')}` : ''}`);
    if (!cli) console.log('  Prisma 7 CLI not installed: run `npm install --prefix bench` to compare with `prisma validate`.');
    if (!withPrisma) console.log("  Prisma oracle not installed: no validator-alone figure (install with ../shared/tools/prisma-oracle/install.sh).");
    console.log(`  load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  },
};

function cpuMedian(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
