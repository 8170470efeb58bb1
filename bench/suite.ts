import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
/** One benchmark suite. It prints its own table; `npm run bench` runs them all (or the ones named). */
export interface BenchSuite {
  readonly name: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<void>;
}

export interface BenchContext {
  /** The repository root. */
  readonly root: string;
  /** A scratch folder for this run (bench/.work/<suite>), emptied before the suite runs. */
  readonly workDir: string;
  /** True for `npm run bench -- --quick`: fewer repetitions and smaller sizes, for a smoke run. */
  readonly quick: boolean;
}

/** Median wall time in milliseconds of `fn` over `runs` runs, after `warmup` unmeasured runs. */
export function timeMedian(fn: () => unknown, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints rows as an aligned table. */
export function printTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  for (const [i, r] of cells.entries()) {
    console.log('  ' + r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '));
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** The median of some numbers (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

export interface ProcessOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that count as success (default 0). */
  readonly okCodes?: readonly number[];
}

/** Wall time in milliseconds of one whole child process, from spawn to exit. A failing exit throws. */
export function timeProcess(command: string, args: readonly string[], options: ProcessOptions = {}): number {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.error) throw r.error;
  if (!(options.okCodes ?? [0]).includes(r.status ?? -1)) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}: ${r.stdout.slice(0, 300)}${r.stderr.slice(0, 300)}`);
  return ms;
}

/** `node -e 0`: the start-up of a bare Node process, the baseline that whole-process figures are divided by. */
export function nodeStartup(): number {
  return timeProcess(process.execPath, ['-e', '0']);
}

/** Runs each timed function once per round, `runs` rounds, so that all see the same machine load; medians by name. */
export function interleavedMedians<K extends string>(runs: number, timed: Record<K, () => number>): Record<K, number> {
  const times = {} as Record<K, number[]>;
  for (let i = 0; i < runs; i++) for (const name of Object.keys(timed) as K[]) (times[name] ??= []).push(timed[name]());
  const out = {} as Record<K, number>;
  for (const name of Object.keys(times) as K[]) out[name] = median(times[name]);
  return out;
}

/** ../shared/tools/prisma-oracle/oracle.mjs, looked up from the repository (worktrees sit one level deeper). */
export function findOracle(root: string): string | undefined {
  for (let dir = path.dirname(root); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/tools/prisma-oracle/oracle.mjs');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
