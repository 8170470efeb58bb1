// The bin runs the CLI through V8's code cache (src/cli/launch.ts): written once per command, reused after, and never
// able to fail a command (corrupt, unwritable or turned off).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AS_ROOT, runCli, tempProject } from '../helpers/cli.ts';

const SCHEMA = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n';

function cacheFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort() : [];
}

test('the first run of a command writes its cache; the next run reads it and leaves it as it is', () => {
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const cache = path.join(dir, 'cache');
  const env = { CODEGEN_COMPILE_CACHE: cache };
  const first = runCli(['validate', '--schema', 'schema.prisma'], { cwd: dir, env });
  assert.is(first.code, 0, first.stderr);
  const files = cacheFiles(cache);
  assert.is(files.length, 1);
  assert.match(files[0]!, new RegExp(`^validate-[0-9a-f]{12}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
  const file = path.join(cache, files[0]!);
  const written = statSync(file).mtimeMs;
  const bytes = readFileSync(file);
  assert.ok(bytes.length > 10_000, `a cache of the compiled functions, not ${bytes.length} bytes`);

  const second = runCli(['validate', '--schema', 'schema.prisma'], { cwd: dir, env });
  assert.is(second.code, 0, second.stderr);
  assert.is(second.stdout, first.stdout);
  assert.is(statSync(file).mtimeMs, written, 'an accepted cache is not rewritten');

  // Each command has its own file.
  assert.is(runCli(['diff', '--from-empty', '--to-schema', 'schema.prisma', '--script'], { cwd: dir, env }).code, 0);
  assert.equal(
    cacheFiles(cache).map((f) => f.split('-')[0]),
    ['diff', 'validate'],
  );
});

test('diff with its introspection worker: both caches are written once, then accepted as they are', () => {
  // V8 rejects a cache made under other flags, and the CLI's JIT budget is a flag set while both threads run
  // (jit-budget.ts): a cache stamped with it would be rejected and rewritten by every run.
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const cache = path.join(dir, 'cache');
  const db = path.join(dir, 'app.db');
  const init = runCli(['diff', '--from-empty', '--to-schema', 'schema.prisma', '--script'], { cwd: dir });
  assert.is(init.code, 0, init.stderr);
  const database = new Database(db);
  database.exec(init.stdout);
  database.close();
  const env = { CODEGEN_COMPILE_CACHE: cache, CODEGEN_DIFF_WORKER: '1' };
  const args = ['diff', '--from-db', 'app.db', '--to-schema', 'schema.prisma', '--exit-code'];
  const first = runCli(args, { cwd: dir, env });
  assert.is(first.code, 0, first.stderr + first.stdout);
  assert.equal(
    cacheFiles(cache).map((f) => f.split('-').slice(0, -3).join('-')),
    ['diff', 'introspect-worker'],
  );
  const stamps = () => cacheFiles(cache).map((f) => statSync(path.join(cache, f)).mtimeMs);
  const written = stamps();
  // The second form is left to yargs by the launcher's parser: the command starts the worker itself.
  for (const form of [args, ['diff', '--from-db=app.db', '--to-schema=schema.prisma', '--exit-code'], args]) {
    const again = runCli(form, { cwd: dir, env });
    assert.is(again.code, 0, again.stderr + again.stdout);
    assert.equal(stamps(), written, `${form.join(' ')}: accepted, not rewritten`);
  }
});

test('a corrupt cache is rejected by V8 and replaced; the command runs as usual', () => {
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const cache = path.join(dir, 'cache');
  const env = { CODEGEN_COMPILE_CACHE: cache };
  assert.is(runCli(['validate', '--schema', 'schema.prisma'], { cwd: dir, env }).code, 0);
  const file = path.join(cache, cacheFiles(cache)[0]!);
  writeFileSync(file, Buffer.alloc(50_000, 7));
  const r = runCli(['validate', '--schema', 'schema.prisma'], { cwd: dir, env });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /is valid/);
  assert.is(r.stderr, '');
  assert.not.equal(readFileSync(file), Buffer.alloc(50_000, 7), 'rewritten from this run');
});

test('CODEGEN_COMPILE_CACHE=0 writes nothing; an unwritable cache folder fails nothing', () => {
  const dir = tempProject({ 'schema.prisma': SCHEMA });
  const off = runCli(['validate', '--schema', 'schema.prisma'], { cwd: dir, env: { CODEGEN_COMPILE_CACHE: '0' } });
  assert.is(off.code, 0, off.stderr);
  assert.not.ok(existsSync(path.join(dir, '0')));

  // A folder nobody may write into (as root the tests run the CLI as nobody, who may read the project).
  chmodSync(dir, 0o755);
  const locked = path.join(dir, 'locked');
  const inside = path.join(locked, 'cache');
  mkdirSync(locked);
  chmodSync(locked, 0o555);
  const r = runCli(['validate', '--schema', 'schema.prisma'], { cwd: dir, env: { CODEGEN_COMPILE_CACHE: inside }, unprivileged: true });
  chmodSync(locked, 0o755);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '');
  assert.equal(cacheFiles(inside), [], AS_ROOT ? 'nobody cannot create it' : 'the owner cannot either, through 0555');
});

test.run();
