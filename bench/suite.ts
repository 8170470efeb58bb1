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
