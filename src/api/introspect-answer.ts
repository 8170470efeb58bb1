/**
 * What the introspection worker computes (dist/introspect-worker.cjs, loaded through the code cache by
 * introspect-worker.ts): the DatabaseModel and diagnostics of one `db` diff source, packed for the main thread.
 */
import { resolveDatabaseSource } from './database-source.js';
import { packReply, type IntrospectReply, type IntrospectRequest } from './introspect-reply.js';

export function answerIntrospection(request: IntrospectRequest): string {
  let reply: IntrospectReply;
  try {
    const resolved = resolveDatabaseSource(request.path, request.cwd);
    const sqliteVersion = resolved.connection?.capabilities.sqliteVersion;
    resolved.connection?.close();
    reply = { ok: true, model: resolved.model, diagnostics: resolved.diagnostics, ...(sqliteVersion !== undefined ? { sqliteVersion } : {}) };
  } catch (e) {
    const error = e as Error;
    reply = { ok: false, message: error.message, stack: error.stack ?? '' };
  }
  return packReply(reply);
}
