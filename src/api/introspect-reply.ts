/** The messages between diff-overlapped.ts and its introspection worker (introspect-worker.ts). */
import type { DatabaseModel } from '../database/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface IntrospectRequest {
  /** The `db` source's path or `file:` URL, as the user gave it. */
  readonly path: string;
  readonly cwd: string;
}

export type IntrospectReply =
  /** `sqliteVersion` is absent when the database could not be opened (the diagnostics say why). */
  | { readonly ok: true; readonly model: DatabaseModel; readonly diagnostics: readonly Diagnostic[]; readonly sqliteVersion?: string }
  /** An unexpected exception (a bug): rethrown on the main thread. */
  | { readonly ok: false; readonly message: string; readonly stack: string };
