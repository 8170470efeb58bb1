/**
 * A `db` diff source introspected on a worker thread (introspect-worker.ts), and the handing over of such a job
 * from the bin's launcher, which starts it before the command line is loaded, to `diff` (diff-overlapped.ts).
 *
 * Why start early: at 1,000 tables the worker, not the schema beside it, is what `diff` ends up waiting for (its
 * boot, its module loading and the introspection itself); started by the launcher, it boots while the main thread
 * loads the command line. The launcher and the command line are separate bundles (src/cli/launch.ts), so the job
 * passes through a global registry under a symbol; `diff` takes it only when its request is exactly the one it
 * would make (same path, same folder), and a job nobody takes is stopped when the command ends.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { markMainCompiled, newProgress, unpackReply, type IntrospectReply, type IntrospectRequest } from './introspect-reply.js';
import { WorkerQueries } from './worker-queries.js';
import type { DiffSource } from './sources.js';

export class IntrospectionJob {
  readonly request: IntrospectRequest;
  readonly reply: Promise<IntrospectReply>;
  /** After the reply: the safety checks' queries, answered by the worker on its connection. */
  readonly queries: WorkerQueries;
  readonly #worker: Worker;

  constructor(file: URL, target: Omit<IntrospectRequest, 'progress' | 'queries'>) {
    const channel = new MessageChannel();
    this.request = { ...target, progress: newProgress(), queries: channel.port2 };
    this.queries = new WorkerQueries(channel.port1, this.request.progress);
    const worker = (this.#worker = new Worker(file, { workerData: this.request, transferList: [channel.port2] }));
    this.reply = new Promise((resolve, reject) => {
      worker.once('message', (message: string) => {
        resolve(unpackReply(message));
        worker.unref(); // it ends by itself; the process need not wait for its teardown
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The introspection worker exited (code ${code}) without replying.`)));
    });
    // If the caller fails first, nobody awaits the reply: its failure must not become an unhandled rejection.
    this.reply.catch(() => undefined);
  }

  #discarded = false;

  /** For a `jitBudget` job: this thread has compiled its code, and the worker may now apply the budget. */
  mainCompiled(): void {
    markMainCompiled(this.request.progress);
  }

  /**
   * Done with the job: a worker serving queries is told to stop (it closes its connection and ends by itself; it
   * does not keep the process alive); any other (still reading, for a command that failed first) is stopped. Once.
   */
  discard(): void {
    if (this.#discarded) return;
    this.#discarded = true;
    if (!this.queries.close()) void this.#worker.terminate();
  }
}

/**
 * Whether to read the database on a worker: on any machine with two cores or more, however busy. The load average
 * used to gate it, but it lags by a minute (a diff run just before counts), and the worker wins even on a loaded
 * machine, where two threads get a larger share of the cores than one: at 1,000 models on the 2-core VM, beside
 * 0, 1, 2 and 4 busy processes, 519 vs 646 ms, 621 vs 614, 890 vs 1,036 and 983 vs 1,293 ms (worker vs in-process).
 */
export function useWorker(): boolean {
  const forced = process.env.CODEGEN_DIFF_WORKER;
  if (forced === '1' || forced === '0') return forced === '1';
  return availableParallelism() >= 2;
}

/** dist/introspect-worker-entry.cjs of the built package a module at `moduleUrl` is part of; undefined from the sources. */
export function introspectWorkerFile(moduleUrl: string): URL | undefined {
  const at = moduleUrl.lastIndexOf('/dist/');
  if (at === -1) return undefined;
  const file = new URL(`${moduleUrl.slice(0, at)}/dist/introspect-worker-entry.cjs`);
  return existsSync(file) ? file : undefined;
}

/**
 * The side of a diff to read on a worker: a `db` side against a schema or migrations side, whose loading it runs
 * beside. Two databases, or a database against `empty`, have nothing to overlap.
 */
export function overlappedDb(from: DiffSource, to: DiffSource): { readonly side: 'from' | 'to'; readonly path: string } | undefined {
  const overlaps = (side: DiffSource, other: DiffSource): side is Extract<DiffSource, { kind: 'db' }> => side.kind === 'db' && (other.kind === 'schema' || other.kind === 'migrations');
  if (overlaps(from, to)) return { side: 'from', path: from.path };
  if (overlaps(to, from)) return { side: 'to', path: to.path };
  return undefined;
}

const EARLY_JOB = Symbol.for('@spacepos/codegen.earlyIntrospection');
type Registry = { [EARLY_JOB]?: IntrospectionJob };

/** Leaves a job started ahead of the command for `diff` to take. */
export function offerEarlyIntrospection(job: IntrospectionJob): void {
  discardEarlyIntrospection();
  (globalThis as Registry)[EARLY_JOB] = job;
}

/** The job started ahead of the command when it reads exactly this database from this folder; any other is stopped. */
export function takeEarlyIntrospection(path: string, cwd: string): IntrospectionJob | undefined {
  const job = (globalThis as Registry)[EARLY_JOB];
  delete (globalThis as Registry)[EARLY_JOB];
  if (job && job.request.path === path && job.request.cwd === cwd) return job;
  job?.discard();
  return undefined;
}

/** Stops a job started ahead of the command that the command did not take (it failed first, or chose otherwise). */
export function discardEarlyIntrospection(): void {
  (globalThis as Registry)[EARLY_JOB]?.discard();
  delete (globalThis as Registry)[EARLY_JOB];
}
