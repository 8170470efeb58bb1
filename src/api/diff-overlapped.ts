/**
 * `diff` for the command line, with the live database read in parallel: a `db` side is introspected in a worker
 * thread (introspect-worker.ts) while this thread loads, validates and lowers the schema on the other side, so the
 * two costs overlap instead of adding up. The result is the same as `diff`'s: the worker returns the same
 * DatabaseModel and diagnostics (as JSON text, see packReply), and then answers the row-count queries of the safety
 * checks on its own connection (worker-queries.ts).
 *
 * Only where there is something to overlap: a `db` side against a schema or migrations side. Two databases, or a
 * database against `empty`, are read in-process, and so is everything when running from the TypeScript sources
 * (there is no built worker file to start). And only on a machine with two cores or more (useWorker).
 * CODEGEN_DIFF_WORKER=1 or 0 forces the choice (tests). The bin's launcher starts the worker before the command line
 * has even loaded (introspection-job.ts); started here otherwise.
 */
import type { DatabaseConnection } from '../sqlite/connection.js';
import { openDatabase } from '../sqlite/open.js';
import { useDefaultJitBudget } from '../cli/jit-budget.js';
import { diff, diffResolved, type DiffOptions, type DiffResult } from './diff.js';
import type { IntrospectReply } from './introspect-reply.js';
import { introspectWorkerFile, IntrospectionJob, overlappedDb, useWorker, takeEarlyIntrospection } from './introspection-job.js';
import { databasePathFromUrl } from './database-source.js';
import { resolveSource, type LiveDatabase, type ResolvedSource } from './sources.js';

export async function diffOverlapped(options: DiffOptions): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const db = overlappedDb(options.from, options.to);
  if (!db) return diff(options);
  // The job the launcher started for this very database (introspection-job.ts), else one started here when it pays.
  const early = takeEarlyIntrospection(db.path, cwd);
  const workerFile = early || !useWorker() ? undefined : introspectWorkerFile(import.meta.url);
  const job = early ?? (workerFile ? startJob(workerFile, db.path, cwd) : undefined);
  if (!job) return diff(options);

  const lazy = new LazyConnection();
  let local: ResolvedSource | undefined;
  try {
    // The worker runs while this thread does its side.
    local = resolveSource(db.side === 'from' ? options.to : options.from, cwd);
    const reply = await job.reply;
    // Row counts: on the worker's connection while it serves, else (it could not) on one opened here.
    const query = (sql: string) => job.queries.query(sql) ?? lazy.open(databasePathFromUrl(db.path, cwd)).query(sql);
    const remote = fromWorkerReply(reply, { query, prefetch: (sql) => void job.queries.prefetch(sql), release: () => job.discard() });
    return db.side === 'from' ? diffResolved(remote, local, options.renames) : diffResolved(local, remote, options.renames);
  } finally {
    job.discard(); // lets it close its connection and end, or stops it when this side failed first
    local?.connection?.close();
    lazy.close();
  }
}

/**
 * A job started by the command (its flags took a form the launcher's parser leaves to yargs). The launcher has set
 * the CLI's JIT budget by now: back to V8's default while the worker boots through its caches, and the worker sets
 * it again once it has compiled (jit-budget.ts).
 */
function startJob(workerFile: URL, path: string, cwd: string): IntrospectionJob {
  useDefaultJitBudget();
  const job = new IntrospectionJob(workerFile, { path, cwd, jitBudget: true });
  job.mainCompiled();
  return job;
}

function fromWorkerReply(reply: IntrospectReply, reader: Omit<LiveDatabase, 'sqliteVersion'>): ResolvedSource {
  if (!reply.ok) {
    const error = new Error(reply.message);
    error.stack = reply.stack;
    throw error;
  }
  const { model, diagnostics, sqliteVersion } = reply;
  if (sqliteVersion === undefined) return { model, diagnostics };
  return { model, diagnostics, live: { ...reader, sqliteVersion } };
}

/**
 * The fallback for row counts when the worker does not answer them (its serving loop failed): a read-only connection
 * opened here on first use.
 */
class LazyConnection {
  #connection: DatabaseConnection | undefined;
  open(file: string): DatabaseConnection {
    this.#connection ??= openDatabase(file, { readonly: true });
    return this.#connection;
  }
  close(): void {
    this.#connection?.close();
  }
}
