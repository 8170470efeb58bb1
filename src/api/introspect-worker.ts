/**
 * Worker entry (dist/introspect-worker-entry.cjs): introspects one `db` diff source off the main thread, so that the live
 * database is read while the main thread parses and validates the schema (diff-overlapped.ts). The work itself is
 * dist/introspect-worker.cjs (introspect-answer.ts), loaded through V8's code cache as the command line is
 * (src/cli/compile-cache.ts): the worker is what `diff` waits for at 1,000 tables, and compiling it is part of that.
 * The reply is the DatabaseModel and diagnostics, plain data sent as JSON text (packReply).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { compileCacheFile, loadCachedBundle } from '../cli/compile-cache.js';
import { useLongerJitBudget } from '../cli/jit-budget.js';
import type { IntrospectionAnswer } from './introspect-answer.js';
import { awaitMainCompiled, type IntrospectRequest } from './introspect-reply.js';

const request = workerData as IntrospectRequest;
const file = fileURLToPath(new URL('./introspect-worker.cjs', import.meta.url));
const bundle = loadCachedBundle<{
  answerIntrospection: (request: IntrospectRequest) => IntrospectionAnswer;
  markServing: (progress: SharedArrayBuffer) => void;
  serveIntrospected: (request: IntrospectRequest, connection: NonNullable<IntrospectionAnswer['connection']>) => void;
}>(file, compileCacheFile(path.resolve(path.dirname(file), '..'), 'introspect-worker'));
// The launcher's job: both threads have now compiled through their caches (the main thread within milliseconds of
// starting this worker, which boots for longer), so the budget can no longer make V8 reject a cache.
const jitBudget = request.jitBudget === true && awaitMainCompiled(request.progress, 1000);
if (jitBudget) useLongerJitBudget();
const answer = bundle.exports.answerIntrospection(request);
// Before replying: the main thread may end the process as soon as it has the reply.
bundle.saveCache();
if (jitBudget) useLongerJitBudget(); // saveCache went back to the default flags
if (answer.connection) bundle.exports.markServing(request.progress);
parentPort!.postMessage(answer.packed);
// Then the safety checks' row counts, until the main thread is done (or ends the process).
if (answer.connection) bundle.exports.serveIntrospected(request, answer.connection);
