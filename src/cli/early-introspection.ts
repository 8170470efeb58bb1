/**
 * For the launcher: when the command is a plain `codegen diff` of a database against a schema or migrations,
 * start introspecting the database on a worker at once, before the command line is loaded, and leave the job for
 * `diff` to take (src/api/introspection-job.ts). Only what the command itself would do: the same flag parser
 * (plain-args.ts; what it leaves to yargs starts nothing), the same sides, the same choice of a worker.
 */
import { IntrospectionJob, introspectWorkerFile, offerEarlyIntrospection, overlappedDb, useWorker } from '../api/introspection-job.js';
import { diffSide } from './diff-sides.js';
import { DIFF_OPTIONS, parsePlainArgs } from './plain-args.js';

/**
 * Returns the job it started: its worker applies the CLI's JIT budget once the launcher calls `mainCompiled()`
 * (jit-budget.ts).
 */
export function startEarlyIntrospection(argv: readonly string[], cwd: string, launcherUrl: string): IntrospectionJob | undefined {
  if (argv[0] !== 'diff') return undefined;
  const args = parsePlainArgs(argv.slice(1), DIFF_OPTIONS);
  if (!args) return undefined;
  try {
    const db = overlappedDb(diffSide(args, 'from'), diffSide(args, 'to'));
    const file = db && useWorker() ? introspectWorkerFile(launcherUrl) : undefined;
    if (!db || !file) return undefined;
    const job = new IntrospectionJob(file, { path: db.path, cwd, jitBudget: true });
    offerEarlyIntrospection(job);
    return job;
  } catch {
    // A usage mistake: the command reports it.
    return undefined;
  }
}
