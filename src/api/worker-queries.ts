/**
 * Row-count queries answered by the introspection worker, synchronously, on the connection it introspected with.
 *
 * Why: the safety checks count rows of the `from` database (plan/checks.ts) after the schema side is done, on the
 * main thread's critical path. Opening a connection of its own there (loading the driver, opening the file, SQLite
 * reading the schema of 1,000 tables) cost ~25 ms, while the worker, done first, sat idle with the database open.
 *
 * How: the checks call `query(sql)` synchronously, so the main thread posts the query on a MessagePort, bumps a
 * counter in the shared `progress` buffer and blocks on `Atomics.wait` until the worker has bumped its own; the
 * answer is then read with `receiveMessageOnPort`. One query is in flight at a time. The worker serves in a loop
 * after posting its reply, blocked in `Atomics.wait` between queries (a terminated worker wakes from it), and marks
 * itself `Serving` meanwhile: a main thread that finds it not serving (it failed, or never opened the database) reads
 * through a connection of its own instead.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ProgressSlot } from './introspect-reply.js';

type QueryMessage = { readonly kind: 'query'; readonly sql: string } | { readonly kind: 'stop' };
type QueryAnswer = { readonly ok: true; readonly rows: Record<string, unknown>[] } | { readonly ok: false; readonly message: string; readonly code?: string };

/** Worker side, before posting the reply: the main thread may query as soon as it has it. */
export function markServing(progress: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(progress), ProgressSlot.Serving, 1);
}

/** Worker side, after markServing: answers queries with `run` until the main thread says stop (or terminates it). */
export function serveQueries(port: MessagePort, progress: SharedArrayBuffer, run: (sql: string) => Record<string, unknown>[]): void {
  const flags = new Int32Array(progress);
  let seen = 0;
  try {
    for (;;) {
      Atomics.wait(flags, ProgressSlot.QueryPosted, seen);
      seen = Atomics.load(flags, ProgressSlot.QueryPosted);
      const received = receiveMessageOnPort(port);
      if (!received) continue;
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
    return { ok: false, message: error.message, ...(typeof error.code === 'string' ? { code: error.code } : {}) };
  }
}

/** Main-thread side. */
export class WorkerQueries {
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

  /** Runs `sql` on the worker's connection; undefined when the worker is not (or no longer) serving. */
  query(sql: string): Record<string, unknown>[] | undefined {
    if (!this.serving) return undefined;
    const flags = new Int32Array(this.progress);
    const answered = Atomics.load(flags, ProgressSlot.QueryAnswered);
    this.port.postMessage({ kind: 'query', sql } satisfies QueryMessage);
    Atomics.add(flags, ProgressSlot.QueryPosted, 1);
    Atomics.notify(flags, ProgressSlot.QueryPosted);
    while (Atomics.load(flags, ProgressSlot.QueryAnswered) === answered) {
      if (!this.serving) return undefined;
      Atomics.wait(flags, ProgressSlot.QueryAnswered, answered, 1000);
    }
    const reply = receiveMessageOnPort(this.port)?.message as QueryAnswer | undefined;
    if (!reply) return undefined;
    if (reply.ok) return reply.rows;
    throw Object.assign(new Error(reply.message), reply.code !== undefined ? { code: reply.code } : {});
  }

  /** No more queries: the worker stops serving and closes its connection (unless it is terminated first). */
  close(): void {
    if (this.serving) {
      this.port.postMessage({ kind: 'stop' } satisfies QueryMessage);
      const flags = new Int32Array(this.progress);
      Atomics.add(flags, ProgressSlot.QueryPosted, 1);
      Atomics.notify(flags, ProgressSlot.QueryPosted);
    }
    this.port.close();
  }
}
