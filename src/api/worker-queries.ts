/**
 * Row-count queries answered by the introspection worker, synchronously, on the connection it introspected with.
 *
 * Why: the safety checks count rows of the `from` database (plan/checks.ts) after the schema side is done, on the
 * main thread's critical path. Opening a connection of its own there (loading the driver, opening the file, SQLite
 * reading the schema of 1,000 tables) cost ~25 ms, while the worker, done first, sat idle with the database open.
 *
 * How: the checks call `query(sql)` synchronously, so the main thread posts the query on a MessagePort, bumps a
 * counter in the shared `progress` buffer and blocks on `Atomics.wait` until the worker has bumped its own; the
 * answer is then read with `receiveMessageOnPort`. Answers come in the order of the queries. The worker serves in a loop
 * after posting its reply, blocked in `Atomics.wait` between queries (a terminated worker wakes from it), and marks
 * itself `Serving` meanwhile: a main thread that finds it not serving (it failed, or never opened the database) reads
 * through a connection of its own instead. A worker that died without leaving its loop (a native crash) would leave
 * `Serving` set; such a crash ends the whole process, so the main thread never waits on it alone.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ProgressSlot } from './introspect-reply.js';

type QueryMessage = { readonly kind: 'query'; readonly sql: string } | { readonly kind: 'stop' };
type QueryAnswer =
  | { readonly ok: true; readonly rows: Record<string, unknown>[] }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly stack: string; readonly code?: string };

/** Worker side, before posting the reply: the main thread may query as soon as it has it. */
export function markServing(progress: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(progress), ProgressSlot.Serving, 1);
}

/** Worker side, after markServing: answers queries with `run` until the main thread says stop (or terminates it). */
export function serveQueries(port: MessagePort, progress: SharedArrayBuffer, run: (sql: string) => Record<string, unknown>[]): void {
  const flags = new Int32Array(progress);
  try {
    for (;;) {
      // The count first, then the queue: a query posted in between has moved the count on, and the wait returns.
      const posted = Atomics.load(flags, ProgressSlot.QueryPosted);
      const received = receiveMessageOnPort(port);
      if (!received) {
        Atomics.wait(flags, ProgressSlot.QueryPosted, posted);
        continue;
      }
      const message = received.message as QueryMessage;
      if (message.kind === 'stop') return;
      port.postMessage(answer(run, message.sql));
      Atomics.add(flags, ProgressSlot.QueryAnswered, 1);
      Atomics.notify(flags, ProgressSlot.QueryAnswered);
    }
  } finally {
    Atomics.store(flags, ProgressSlot.Serving, 0);
    Atomics.notify(flags, ProgressSlot.QueryAnswered); // a main thread waiting for an answer that will not come
  }
}

function answer(run: (sql: string) => Record<string, unknown>[], sql: string): QueryAnswer {
  try {
    return { ok: true, rows: run(sql) };
  } catch (e) {
    const error = e as Error & { code?: unknown };
    return { ok: false, name: error.name, message: error.message, stack: error.stack ?? '', ...(typeof error.code === 'string' ? { code: error.code } : {}) };
  }
}

/**
 * Main-thread side. Queries are answered in the order they were posted: `prefetch` posts one without waiting (the
 * worker runs it while this thread does something else), and `query` of the same SQL later reads its answer.
 */
export class WorkerQueries {
  /** Posted and not yet read, in order. */
  readonly #posted: string[] = [];
  /** Read, not yet asked for by `query`. */
  readonly #answers = new Map<string, QueryAnswer>();

  constructor(
    readonly port: MessagePort,
    readonly progress: SharedArrayBuffer,
  ) {
    // Read with receiveMessageOnPort only: no listener, and nothing here keeps the process alive.
    port.unref();
  }

  /** Whether the worker is answering (its reply posted, its database open). */
  get serving(): boolean {
    return Atomics.load(new Int32Array(this.progress), ProgressSlot.Serving) === 1;
  }

  /** Posts `sql` without waiting for its answer; false when the worker is not serving. */
  prefetch(sql: string): boolean {
    if (!this.serving) return false;
    this.#post({ kind: 'query', sql });
    this.#posted.push(sql);
    return true;
  }

  /** Posts, then counts (the worker reads the count before the port). */
  #post(message: QueryMessage): void {
    this.port.postMessage(message);
    const flags = new Int32Array(this.progress);
    Atomics.add(flags, ProgressSlot.QueryPosted, 1);
    Atomics.notify(flags, ProgressSlot.QueryPosted);
  }

  /** Runs `sql` on the worker's connection (or reads its prefetched answer); undefined when the worker is not serving. */
  query(sql: string): Record<string, unknown>[] | undefined {
    if (!this.#answers.has(sql) && !this.#posted.includes(sql) && !this.prefetch(sql)) return undefined;
    while (!this.#answers.has(sql)) {
      const answer = this.#nextAnswer();
      if (!answer) return undefined;
      this.#answers.set(this.#posted.shift()!, answer);
    }
    const reply = this.#answers.get(sql)!;
    this.#answers.delete(sql);
    if (reply.ok) return reply.rows;
    // As thrown on the worker (CODEGEN_DEBUG prints its stack), with SQLite's code.
    throw Object.assign(new Error(reply.message), { name: reply.name, stack: reply.stack }, reply.code !== undefined ? { code: reply.code } : {});
  }

  /** Waits for the worker's next answer; undefined when it stopped serving first. */
  #nextAnswer(): QueryAnswer | undefined {
    const flags = new Int32Array(this.progress);
    for (;;) {
      // The count first, then the port (the worker posts, then counts): an answer in between has moved the count on.
      const answered = Atomics.load(flags, ProgressSlot.QueryAnswered);
      const received = receiveMessageOnPort(this.port);
      if (received) return received.message as QueryAnswer;
      if (!this.serving) return undefined;
      Atomics.wait(flags, ProgressSlot.QueryAnswered, answered, 1000);
    }
  }

  /** No more queries: a serving worker stops, closes its connection and ends. Returns whether it was serving. */
  close(): boolean {
    const serving = this.serving;
    if (serving) this.#post({ kind: 'stop' });
    this.port.close();
    return serving;
  }
}
