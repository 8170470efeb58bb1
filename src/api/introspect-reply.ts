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

/**
 * The reply as JSON text when JSON carries it exactly (plain objects, arrays, strings, booleans, finite numbers; no
 * `undefined`, no object reached twice), else as is. Why: the main thread decodes the reply while it could be
 * planning, and JSON.parse of a 1,000-table model is 2-3x faster than structured-clone deserialization; the
 * encoding and this check run in the worker, in its idle time.
 */
export function packReply(reply: IntrospectReply): IntrospectReply | string {
  return isPlainTree(reply, new Set()) ? JSON.stringify(reply) : reply;
}

export function unpackReply(message: IntrospectReply | string): IntrospectReply {
  return typeof message === 'string' ? (JSON.parse(message) as IntrospectReply) : message;
}

function isPlainTree(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainTree(value[i], seen)) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const key of Object.keys(value)) if (key === '__proto__' || !isPlainTree((value as Record<string, unknown>)[key], seen)) return false;
      return true;
    }
    default:
      return false;
  }
}
