/**
 * `diff` for the command line, with the live database read in parallel: a `db` side is introspected in a worker
 * thread (introspect-worker.ts) while this thread loads, validates and lowers the schema on the other side, so the
 * two costs overlap instead of adding up. The result is the same as `diff`'s: the worker returns the same
 * DatabaseModel and diagnostics (as JSON text when that is exact, see packReply), and the row-count checks read
 * the database through a connection opened here only when a check needs one.
 *
 * Only where there is something to overlap: a `db` side against a schema or migrations side. Two databases, or a
 * database against `empty`, are read in-process, and so is everything when running from the TypeScript sources
 * (there is no built worker file to start). And only when a core is likely free: the worker costs CPU of its own
 * (its start-up, the JSON), which wins when it runs beside this thread and loses when it queues for the same core
 * (measured at 1,000 models on a 2-core VM: at load ~1.7, 11-20% faster; at load ~5, 10-20% slower).
 * CODEGEN_DIFF_WORKER=1 or 0 forces the choice (tests).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatabaseConnection } from '../sqlite/connection.js';
import { openDatabase } from '../sqlite/open.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diff, diffResolved, type DiffOptions, type DiffResult } from './diff.js';
import { unpackReply, type IntrospectReply, type IntrospectRequest } from './introspect-reply.js';
import { databasePathFromUrl } from './database-source.js';
import { resolveSource, type DiffSource, type ResolvedSource } from './sources.js';

export async function diffOverlapped(options: DiffOptions): Promise<DiffResult> {
  const workerFile = spareCore() ? introspectWorkerFile() : undefined;
  const inWorker = (side: DiffSource, other: DiffSource): boolean => workerFile !== undefined && side.kind === 'db' && (other.kind === 'schema' || other.kind === 'migrations');
  const fromInWorker = inWorker(options.from, options.to);
  const toInWorker = inWorker(options.to, options.from);
  if (!fromInWorker && !toInWorker) return diff(options);

  const cwd = options.cwd ?? process.cwd();
  const lazy = new LazyConnection();
  let local: ResolvedSource | undefined;
  try {
    // Start the worker first, then do this thread's side while it runs.
    const dbSide = fromInWorker ? options.from : options.to;
    if (dbSide.kind !== 'db') throw new Error('unreachable');
    const pending = introspectInWorker(workerFile!, { path: dbSide.path, cwd });
    // If this thread's side throws first, nobody awaits the worker: its failure must not become an unhandled rejection.
    pending.catch(() => undefined);
    let replied = false;
    void pending.then(() => (replied = true));
    local = resolveSource(fromInWorker ? options.to : options.from, cwd);
    const openLive = (): DatabaseConnection => lazy.open(databasePathFromUrl(dbSide.path, cwd));
    // A reply already posted is handled within one turn of the event loop. Still none: while it comes, open the
    // connection that the row-count checks will read through (driver, file, SQLite's schema), off the critical path.
    await new Promise((resolve) => setImmediate(resolve));
    if (!replied && !hasErrors(local.diagnostics)) {
      try {
        openLive();
      } catch {
        // The worker's reply says what is wrong with the database.
      }
    }
    const remote = fromWorkerReply(await pending, openLive);
    return fromInWorker ? diffResolved(remote, local, options.renames) : diffResolved(local, remote, options.renames);
  } finally {
    local?.connection?.close();
    lazy.close();
  }
}

/** Whether another core is likely idle: the 1-minute load average is below the number of cores. */
function spareCore(): boolean {
  const forced = process.env.CODEGEN_DIFF_WORKER;
  if (forced === '1' || forced === '0') return forced === '1';
  const cores = availableParallelism();
  return cores >= 2 && loadavg()[0]! < cores;
}

/** dist/introspect-worker.js beside the bundle this module is part of; undefined when running from the sources. */
function introspectWorkerFile(): URL | undefined {
  const here = import.meta.url;
  const at = here.lastIndexOf('/dist/');
  if (at === -1) return undefined;
  const file = new URL(`${here.slice(0, at)}/dist/introspect-worker.js`);
  return existsSync(file) ? file : undefined;
}

function introspectInWorker(file: URL, request: IntrospectRequest): Promise<IntrospectReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: request });
    worker.once('message', (message: IntrospectReply | string) => {
      resolve(unpackReply(message));
      worker.unref(); // it ends by itself; the process need not wait for its teardown
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The introspection worker exited (code ${code}) without replying.`)));
  });
}

function fromWorkerReply(reply: IntrospectReply, connect: () => DatabaseConnection): ResolvedSource {
  if (!reply.ok) {
    const error = new Error(reply.message);
    error.stack = reply.stack;
    throw error;
  }
  const { model, diagnostics, sqliteVersion } = reply;
  if (sqliteVersion === undefined) return { model, diagnostics };
  return { model, diagnostics, live: { query: (sql) => connect().query(sql), sqliteVersion } };
}

/** A read-only connection opened on first use: most diffs never count rows, and then never load the driver here. */
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
