// A worker for test/api/worker-queries.test.ts: serves queries on a real SQLite file with the built worker bundle's
// own functions, as the introspection worker does once it has replied (src/api/introspect-worker.ts). Plain
// JavaScript: a worker thread does not get the test runner's TypeScript loader.
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { markServing, serveIntrospected } = createRequire(import.meta.url)('../../dist/introspect-worker.cjs');
const { file, progress, queries } = workerData;
const db = new Database(file, { readonly: true, fileMustExist: true });
markServing(progress);
parentPort.postMessage('serving');
serveIntrospected({ progress, queries }, { query: (sql) => db.prepare(sql).all(), close: () => db.close() });
parentPort.postMessage(db.open ? 'still open' : 'stopped and closed');
