import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, closeSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnosticsText } from '../../src/diagnostics/format.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { AtomicUnitError, DatabaseError, DatabaseOpenError } from '../../src/sqlite/errors.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { ROOT } from '../helpers/cli.ts';
import { createDatabase, tempDir, withRawDatabase } from '../helpers/sqlite.ts';

/** The error `fn` throws; fails the test when it throws nothing. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.unreachable('expected an error');
}

function openError(file: string, options: Parameters<typeof openDatabase>[1] = {}): DatabaseOpenError {
  const e = thrown(() => openDatabase(file, options));
  assert.instance(e, DatabaseOpenError);
  return e as DatabaseOpenError;
}

function withConnection<T>(conn: DatabaseConnection, fn: (conn: DatabaseConnection) => T): T {
  try {
    return fn(conn);
  } finally {
    conn.close();
  }
}

/** A database with enough rows to span many pages. */
function populatedDatabase(): string {
  return createDatabase(`CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO t SELECT printf('%.50c%d', 'x', i) FROM n;`);
}

test('opens an existing database and reports its capabilities', () => {
  const file = createDatabase('CREATE TABLE t (x)');
  withConnection(openDatabase(file), (conn) => {
    assert.is(conn.path, file);
    assert.match(conn.capabilities.sqliteVersion, /^3\.\d+\.\d+$/);
    assert.is(conn.capabilities.canDisableForeignKeys, true);
    assert.equal(conn.capabilities.internalTables, ['_prisma_migrations']);
    assert.equal(conn.query('SELECT name FROM sqlite_schema'), [{ name: 't' }]);
    assert.equal(conn.query('PRAGMA busy_timeout'), [{ timeout: 5000 }]);
  });
});

test('a missing file is reported and NOT created', () => {
  const file = path.join(tempDir(), 'missing.db');
  const e = openError(file);
  assert.is(e.diagnostic.code, 'I601');
  assert.is(e.diagnostic.message, `Database ${file} does not exist.`);
  assert.not.ok(existsSync(file), 'the file must not be created');
  assert.not.ok(existsSync(file + '-journal'));
  assert.is(openError(file, { readonly: true }).diagnostic.code, 'I601');
  assert.not.ok(existsSync(file));
});

test('a Prisma URL gets a hint to drop `file:`', () => {
  const e = openError('file:./surely-missing-dev.db');
  assert.is(e.diagnostic.code, 'I601');
  assert.match(e.diagnostic.hint ?? '', /drop the `file:` prefix/);
});

test('create: true creates the file', () => {
  const file = path.join(tempDir(), 'new.db');
  withConnection(openDatabase(file, { create: true }), (conn) => conn.runAtomic(['CREATE TABLE t (x)']));
  assert.ok(existsSync(file));
  withConnection(openDatabase(file, { readonly: true }), (conn) => assert.equal(conn.query('SELECT name FROM sqlite_schema'), [{ name: 't' }]));
});

test('a folder where the file should be', () => {
  const dir = tempDir();
  const e = openError(dir);
  assert.is(e.diagnostic.code, 'I602');
  assert.is(openError(dir, { create: true }).diagnostic.code, 'I602');
});

test('a missing parent folder, with or without create; a file used as a folder', () => {
  const dir = tempDir();
  const file = path.join(dir, 'no', 'such', 'dev.db');
  assert.is(openError(file).diagnostic.code, 'I603');
  assert.is(openError(file, { create: true }).diagnostic.code, 'I603');
  assert.not.ok(existsSync(path.join(dir, 'no')));
  writeFileSync(path.join(dir, 'plain'), 'x');
  assert.is(openError(path.join(dir, 'plain', 'dev.db'), { create: true }).diagnostic.code, 'I603');
});

test('a text file is not a database', () => {
  const file = path.join(tempDir(), 'notes.db');
  writeFileSync(file, 'these are my notes\n'.repeat(20));
  const e = openError(file);
  assert.is(e.diagnostic.code, 'I604');
  assert.is(e.sqliteCode, 'SQLITE_NOTADB');
  assert.is(openError(file, { readonly: true }).diagnostic.code, 'I604');
});

test('an empty file is a valid empty database (as SQLite says)', () => {
  const file = path.join(tempDir(), 'empty.db');
  writeFileSync(file, '');
  withConnection(openDatabase(file, { readonly: true }), (conn) => assert.equal(conn.query('SELECT * FROM sqlite_schema'), []));
});

test('a truncated database is reported as damaged when it is opened', () => {
  const file = populatedDatabase();
  truncateSync(file, Math.floor(statSync(file).size / 2));
  const e = openError(file, { readonly: true });
  assert.is(e.diagnostic.code, 'I605');
  assert.match(e.diagnostic.message, /is damaged: database disk image is malformed \(SQLITE_CORRUPT\)/);
});

test('a damaged page past the schema: the cheap check passes, quickCheck catches it', () => {
  const file = populatedDatabase();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xab), 0, 64, 4096 * 10);
  closeSync(fd);
  withConnection(openDatabase(file, { readonly: true }), () => undefined);
  const e = openError(file, { readonly: true, quickCheck: true });
  assert.is(e.diagnostic.code, 'I605');
});

test('a database locked by a writer: a clear busy error after the timeout, for opening and for reading', () => {
  const file = createDatabase('CREATE TABLE t (x)');
  withRawDatabase(file, (writer) => {
    writer.exec('BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    const started = performance.now();
    const e = openError(file, { busyTimeoutMs: 100 });
    assert.ok(performance.now() - started >= 90, 'waited for the busy timeout');
    assert.is(e.diagnostic.code, 'I606');
    assert.is(e.sqliteCode, 'SQLITE_BUSY');
    assert.match(e.diagnostic.message, /another connection is writing to it, and it was still locked after 100 ms/);
    writer.exec('ROLLBACK');
  });
});

test('WAL: readers pass a writer, but an atomic unit waits, then fails with a busy error and changes nothing', () => {
  const file = createDatabase('PRAGMA journal_mode = WAL; CREATE TABLE t (x);');
  withRawDatabase(file, (writer) => {
    writer.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1);');
    withConnection(openDatabase(file, { busyTimeoutMs: 50 }), (conn) => {
      assert.equal(conn.query('SELECT count(*) AS n FROM t'), [{ n: 0 }]);
      const e = thrown(() => conn.runAtomic(['INSERT INTO t VALUES (2)']));
      assert.instance(e, AtomicUnitError);
      assert.is((e as AtomicUnitError).diagnostic.code, 'I606');
    });
    writer.exec('ROLLBACK');
  });
  withRawDatabase(file, (db) => assert.is(db.prepare('SELECT count(*) FROM t').pluck().get(), 0));
});

test('a read-only connection refuses writes with a read-only error', () => {
  const file = createDatabase('CREATE TABLE t (x)');
  withConnection(openDatabase(file, { readonly: true }), (conn) => {
    const e = thrown(() => conn.runAtomic(['INSERT INTO t VALUES (1)']));
    assert.instance(e, AtomicUnitError);
    assert.is((e as AtomicUnitError).diagnostic.code, 'I607');
  });
});

test('a read-only file or folder when writing (checked as an unprivileged user: root writes anyway)', () => {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  const lockedFile = createDatabase('CREATE TABLE t (x)', path.join(dir, 'locked.db'));
  chmodSync(lockedFile, 0o444);
  const lockedDir = path.join(dir, 'ro');
  mkdirSync(lockedDir);
  const inLockedDir = createDatabase('CREATE TABLE t (x)', path.join(lockedDir, 'in.db'));
  chmodSync(inLockedDir, 0o666);
  chmodSync(lockedDir, 0o555);
  const results = runUnprivileged(`
    import { openDatabase } from ${JSON.stringify(path.join(ROOT, 'dist/index.js'))};
    const outcome = (file, options) => { try { openDatabase(file, options).close(); return 'ok'; } catch (e) { return e.diagnostic?.code ?? String(e); } };
    console.log(JSON.stringify([
      outcome(${JSON.stringify(lockedFile)}, {}),
      outcome(${JSON.stringify(lockedFile)}, { readonly: true }),
      outcome(${JSON.stringify(inLockedDir)}, {}),
      outcome(${JSON.stringify(inLockedDir)}, { readonly: true }),
      outcome(${JSON.stringify(path.join(lockedDir, 'new.db'))}, { create: true }),
    ]));`);
  assert.equal(results, ['I607', 'ok', 'I607', 'ok', 'I607']);
});

/** Runs an ES module script as an unprivileged user (nobody when the tests run as root) and parses its JSON output. */
function runUnprivileged(script: string): unknown {
  const asRoot = process.getuid?.() === 0;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: '/',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    timeout: 30_000,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

test('bad option combinations are bugs, not user problems', () => {
  const file = createDatabase('CREATE TABLE t (x)');
  assert.throws(() => openDatabase(file, { readonly: true, create: true }), TypeError);
  assert.throws(() => openDatabase(file, { busyTimeoutMs: -1 }), TypeError);
  assert.throws(() => openDatabase(':memory:', { readonly: true }), TypeError);
});

test('the error carries a diagnostic that prints without a stack trace', () => {
  const e = openError(path.join(tempDir(), 'gone.db'));
  assert.instance(e, DatabaseError);
  assert.match(e.message, /^I601 Database .*gone\.db does not exist\.$/);
  const text = formatDiagnosticsText([e.diagnostic], [], { color: false });
  assert.match(text, /^error I601 Database .*gone\.db does not exist\.\n {2}hint: Check the path/);
});

test(':memory: needs no file', () => {
  withConnection(openDatabase(':memory:'), (conn) => {
    conn.runAtomic(['CREATE TABLE t (x)', 'INSERT INTO t VALUES (1)']);
    assert.equal(conn.query('SELECT x FROM t'), [{ x: 1 }]);
  });
});

test.run();
