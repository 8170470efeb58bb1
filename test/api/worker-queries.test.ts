// The safety checks' row counts, answered synchronously by a worker thread on its own connection to a real file
// (src/api/worker-queries.ts; the worker runs the built bundle's side, this thread the source's): rows, SQLite errors with their code, and no answer once the worker has stopped.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newProgress } from '../../src/api/introspect-reply.ts';
import { WorkerQueries } from '../../src/api/worker-queries.ts';

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

test('a worker answers queries (asked at once or posted ahead), reports SQLite errors with their code, and stops when told', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'codegen-queries-')), 'app.db');
  const db = new Database(file);
  db.exec('CREATE TABLE "T" ("id" INTEGER PRIMARY KEY, "v" TEXT); INSERT INTO "T" ("v") VALUES (\'a\'), (\'b\'), (NULL);');
  db.close();
  const progress = newProgress();
  const channel = new MessageChannel();
  const worker = new Worker(new URL('../helpers/query-server.mjs', import.meta.url), { workerData: { file, progress, queries: channel.port2 }, transferList: [channel.port2] });
  const queries = new WorkerQueries(channel.port1, progress);
  try {
    assert.is(await nextMessage(worker), 'serving');
    assert.ok(queries.serving);
    assert.equal(queries.query('SELECT count(*) AS n FROM "T"'), [{ n: 3 }]);
    assert.equal(queries.query('SELECT count("v") AS n FROM "T"'), [{ n: 2 }]);
    assert.equal(queries.query('SELECT "v" FROM "T" WHERE "v" IS NOT NULL ORDER BY "v"'), [{ v: 'a' }, { v: 'b' }]);
    assert.throws(
      () => queries.query('SELECT count(*) FROM "Missing"'),
      (e: unknown) => e instanceof Error && /no such table: Missing/.test(e.message) && (e as { code?: string }).code === 'SQLITE_ERROR',
    );
    // Still serving after an error.
    assert.equal(queries.query('SELECT 1 AS one'), [{ one: 1 }]);
    // Posted ahead, read later and in another order: each query gets its own answer.
    assert.ok(queries.prefetch('SELECT max("id") AS m FROM "T"'));
    assert.ok(queries.prefetch('SELECT count(*) AS n FROM "Missing"'));
    assert.equal(queries.query('SELECT min("id") AS m FROM "T"'), [{ m: 1 }]);
    assert.throws(() => queries.query('SELECT count(*) AS n FROM "Missing"'), /no such table/);
    assert.equal(queries.query('SELECT max("id") AS m FROM "T"'), [{ m: 3 }]);
    const stopped = nextMessage(worker);
    queries.close();
    assert.is(await stopped, 'stopped and closed');
    assert.not.ok(queries.serving);
  } finally {
    await worker.terminate();
  }
});

test('once the worker no longer serves, a query has no answer (the caller reads elsewhere)', async () => {
  const progress = newProgress();
  const channel = new MessageChannel();
  const queries = new WorkerQueries(channel.port1, progress);
  assert.is(queries.query('SELECT 1'), undefined, 'never served');
  channel.port2.close();
  queries.close();
});

test.run();
