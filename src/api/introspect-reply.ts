/** The messages between diff-overlapped.ts and its introspection worker (introspect-worker.ts). */
import type { DatabaseModel } from '../database/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MessagePort } from 'node:worker_threads';

export interface IntrospectRequest {
  /** The `db` source's path or `file:` URL, as the user gave it. */
  readonly path: string;
  readonly cwd: string;
  /** Shared with the main thread: the Int32 flags below (newProgress). */
  readonly progress: SharedArrayBuffer;
  /**
   * After its reply, the worker answers the main thread's row-count queries on its own connection, over this port
   * (worker-queries.ts).
   */
  readonly queries: MessagePort;
  /**
   * Only from the CLI's launcher: the worker applies the CLI's longer JIT budget, process-wide, once both threads
   * have compiled their code through the code cache (src/cli/jit-budget.ts says why then).
   */
  readonly jitBudget?: boolean;
}

/** The slots of `progress`, each an Int32. */
export const ProgressSlot = {
  /** The main thread sets it when it has compiled its code (the launcher, for a `jitBudget` request). */
  MainCompiled: 0,
  /** Counts the queries the main thread has posted. */
  QueryPosted: 1,
  /** Counts the queries the worker has answered. */
  QueryAnswered: 2,
  /** 1 while the worker answers queries; 0 before, and after it leaves its loop (then a query goes elsewhere). */
  Serving: 3,
} as const;

export function newProgress(): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
}

export function markMainCompiled(progress: SharedArrayBuffer): void {
  const flags = new Int32Array(progress);
  Atomics.store(flags, ProgressSlot.MainCompiled, 1);
  Atomics.notify(flags, ProgressSlot.MainCompiled);
}

/** On the worker: waits until the main thread has compiled its code; false if it has not within `timeoutMs`. */
export function awaitMainCompiled(progress: SharedArrayBuffer, timeoutMs: number): boolean {
  return Atomics.wait(new Int32Array(progress), ProgressSlot.MainCompiled, 0, timeoutMs) !== 'timed-out';
}

export type IntrospectReply =
  /** `sqliteVersion` is absent when the database could not be opened (the diagnostics say why). */
  | { readonly ok: true; readonly model: DatabaseModel; readonly diagnostics: readonly Diagnostic[]; readonly sqliteVersion?: string }
  /** An unexpected exception (a bug): rethrown on the main thread. */
  | { readonly ok: false; readonly message: string; readonly stack: string };

/**
 * The reply as JSON text. Why: the main thread decodes the reply on its critical path, and JSON.parse of a
 * 1,000-table model is 2-3x faster than structured-clone deserialization. Exact because the reply is plain data by
 * construction (objects, arrays, strings, booleans, finite numbers; absent rather than undefined optional fields):
 * test/sqlite/introspect.test.ts checks that a JSON round trip of the introspection of a database with every
 * modelled and unmodelled feature gives an equal value. (A runtime walk of the tree checked it here, for ~13 ms of the
 * worker at 1,000 tables, and the worker is what `diff` waits for.)
 */
export function packReply(reply: IntrospectReply): string {
  return JSON.stringify(reply);
}

export function unpackReply(message: string): IntrospectReply {
  return JSON.parse(message) as IntrospectReply;
}
