/**
 * For the launcher: when the command is a plain `codegen diff` of a database against a schema or migrations,
 * start introspecting the database on a worker at once, before the command line is loaded, and leave the job for
 * `diff` to take (src/api/introspection-job.ts). Only what the command itself would do: the same flag parser
 * (plain-args.ts; what it leaves to yargs starts nothing), the same sides, the same choice of a worker.
 */
import { IntrospectionJob, introspectWorkerFile, offerEarlyIntrospection, overlappedDb, spareCore } from '../api/introspection-job.js';
import { diffSide } from './diff-sides.js';
import { DIFF_OPTIONS, parsePlainArgs } from './plain-args.js';

export function startEarlyIntrospection(argv: readonly string[], cwd: string, launcherUrl: string): void {
  if (argv[0] !== 'diff') return;
  const args = parsePlainArgs(argv.slice(1), DIFF_OPTIONS);
  if (!args) return;
  try {
    const db = overlappedDb(diffSide(args, 'from'), diffSide(args, 'to'));
    if (!db || !spareCore()) return;
    const file = introspectWorkerFile(launcherUrl);
    if (file) offerEarlyIntrospection(new IntrospectionJob(file, { path: db.path, cwd }));
  } catch {
    // A usage mistake: the command reports it.
  }
}
