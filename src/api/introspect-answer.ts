/**
 * What the introspection worker computes (dist/introspect-worker.cjs, loaded through the code cache by
 * introspect-worker.ts): the DatabaseModel and diagnostics of one `db` diff source, packed for the main thread; then
 * the row-count queries of the safety checks, on the same connection (worker-queries.ts).
 */
import type { DatabaseConnection } from '../sqlite/connection.js';
import { resolveDatabaseSource } from './database-source.js';
import { packReply, type IntrospectReply, type IntrospectRequest } from './introspect-reply.js';
import { serveQueries } from './worker-queries.js';

export { markServing } from './worker-queries.js';

export interface IntrospectionAnswer {
  readonly packed: string;
  /** Open when the database could be read: for serveIntrospected. */
  readonly connection?: DatabaseConnection;
}

export function answerIntrospection(request: IntrospectRequest): IntrospectionAnswer {
  let reply: IntrospectReply;
  let connection: DatabaseConnection | undefined;
  try {
    const resolved = resolveDatabaseSource(request.path, request.cwd);
    connection = resolved.connection;
    const sqliteVersion = connection?.capabilities.sqliteVersion;
    reply = { ok: true, model: resolved.model, diagnostics: resolved.diagnostics, ...(sqliteVersion !== undefined ? { sqliteVersion } : {}) };
  } catch (e) {
    connection?.close();
    connection = undefined;
    const error = e as Error;
    reply = { ok: false, message: error.message, stack: error.stack ?? '' };
  }
  return { packed: packReply(reply), ...(connection ? { connection } : {}) };
}

/** Answers the main thread's queries on the introspected database until it says stop; then closes it. */
export function serveIntrospected(request: IntrospectRequest, connection: DatabaseConnection): void {
  try {
    serveQueries(request.queries, request.progress, (sql) => connection.query(sql));
  } finally {
    connection.close();
  }
}
