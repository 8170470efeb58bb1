/**
 * Worker entry (dist/introspect-worker.js): introspects one `db` diff source off the main thread, so that the live
 * database is read while the main thread parses and validates the schema (diff-overlapped.ts). The reply is the
 * DatabaseModel and diagnostics, plain data sent as JSON text (packReply).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveDatabaseSource } from './database-source.js';
import { packReply, type IntrospectReply, type IntrospectRequest } from './introspect-reply.js';

const request = workerData as IntrospectRequest;
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
parentPort!.postMessage(packReply(reply));
