#!/usr/bin/env node
// `npm run example [-- <name>] [--work-dir <dir>]`: the main job on an example project, step by step, with the real CLI.
// It works on a fresh copy (.tmp/example-<name>/ unless --work-dir says where: the tests run each example in a folder
// of their own, so that they never clash with a run of yours), so the example folder stays as committed.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/codegen.cjs');
if (!existsSync(path.join(root, 'dist/cli/main.cjs'))) {
  console.error('The package is not built yet: run `npm install` (or `npm run build`) first.');
  process.exit(1);
}
const args = process.argv.slice(2);
const workDirAt = args.indexOf('--work-dir');
const workDirArg = workDirAt >= 0 ? args.splice(workDirAt, 2)[1] : undefined;
const name = args[0] ?? 'basic';
const source = path.join(root, 'examples', name);
if (!existsSync(path.join(source, 'prisma'))) {
  const names = readdirSync(path.join(root, 'examples')).filter((n) => existsSync(path.join(root, 'examples', n, 'prisma')));
  console.error(`No example "${name}". Examples: ${names.join(', ')}`);
  process.exit(64);
}
const work = workDirArg ? path.resolve(workDirArg) : path.join(root, '.tmp', `example-${name}`);
// Inside the package: the generated code imports @spacepos/codegen by package self-reference, and tsx resolves from here.
if (path.relative(root, work).startsWith('..') || path.relative(root, work) === '') {
  console.error(`--work-dir must be a folder inside ${root}.`);
  process.exit(64);
}
rmSync(work, { recursive: true, force: true });
mkdirSync(path.dirname(work), { recursive: true });
cpSync(source, work, { recursive: true, filter: (p) => !/(\.db(-journal|-wal|-shm)?$)|[/\\](generated|node_modules)$/.test(p) });
const Database = (await import('better-sqlite3')).default;

const step = (s) => console.log(`\n── ${s} ${'─'.repeat(Math.max(0, 74 - s.length))}`);
function codegen(args, { expect = [0] } = {}) {
  console.log(`$ codegen ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
  const out = (r.stdout + r.stderr).trimEnd();
  if (out) console.log(out.replace(/^/gm, '  '));
  if (!expect.includes(r.status)) {
    console.error(`\nStopped: codegen ${args[0]} exited with ${r.status}.`);
    process.exit(1);
  }
  return r;
}
const schemaFile = path.join(work, 'prisma/schema.prisma');
const devDb = path.join(work, 'prisma/dev.db');

step(`1. Validate and format examples/${name}/prisma/schema.prisma`);
codegen(['validate']);
codegen(['format', '--check']);

step('2. First migration: migrate dev creates the migrations folder and the dev database');
codegen(['migrate', 'dev', '--name', 'init']);
const firstMigration = readdirSync(path.join(work, 'prisma/migrations')).find((f) => f.endsWith('_init'));
console.log(`  prisma/migrations/${firstMigration}/migration.sql starts with:`);
console.log(readFileSync(path.join(work, 'prisma/migrations', firstMigration, 'migration.sql'), 'utf8').split('\n').slice(0, 8).map((l) => `    ${l}`).join('\n'));

if (name === 'node-launch') {
  await nodeLaunch();
  process.exit(0);
}

if (name !== 'basic') {
  // Steps 3 to 5 put data in the blog schema of examples/basic; other examples stop at the diagram.
  step('3. Draw the schema');
  codegen(['erd', '--output', 'erd.html']);
  console.log(`\nDone. The example ran in ${path.relative(root, work)}/ (a fresh copy each run); open erd.html there.`);
  process.exit(0);
}

step('3. Generate the typed client, then use it: examples/basic/use-client.ts writes to and reads the dev database');
codegen(['generate']);
{
  const r = spawnSync(process.execPath, ['--import', 'tsx/esm', path.join(work, 'use-client.ts')], { cwd: work, encoding: 'utf8' });
  console.log((r.stdout + r.stderr).trimEnd().replace(/^/gm, '  '));
  if (r.status !== 0) {
    console.error(`\nStopped: use-client.ts exited with ${r.status}.`);
    process.exit(1);
  }
}

step('4. Change the schema: Post.views becomes a BigInt, and posts get an optional rating; regenerate the client');
writeFileSync(schemaFile, readFileSync(schemaFile, 'utf8').replace('  views     Int      @default(0)', '  views     BigInt   @default(0)\n  rating    Float?'));
codegen(['format']);
codegen(['diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma']);
codegen(['migrate', 'dev', '--name', 'post_views_bigint'], { expect: [3] });
console.log('  (exit 3: a type change may alter data, so it needs a yes)');
codegen(['migrate', 'dev', '--name', 'post_views_bigint', '--accept-data-loss']);
const second = readdirSync(path.join(work, 'prisma/migrations')).find((f) => f.endsWith('_post_views_bigint'));
console.log(`  prisma/migrations/${second}/migration.sql:`);
console.log(readFileSync(path.join(work, 'prisma/migrations', second, 'migration.sql'), 'utf8').trimEnd().split('\n').map((l) => `    ${l}`).join('\n'));
{
  const db = new Database(devDb, { readonly: true });
  const posts = db.prepare('SELECT count(*) FROM "Post"').pluck().get();
  const tagged = db.prepare('SELECT count(*) FROM "_PostToTag"').pluck().get();
  console.log(`  after the rebuild: ${posts} post(s), ${tagged} post-tag link(s) — nothing lost`);
  db.close();
}
codegen(['generate']);
codegen(['generate', '--check']);

step('5. Deploy every migration to a fresh database (what an app does at launch), then check its status');
codegen(['migrate', 'deploy', '--db', 'prisma/fresh.db']);
codegen(['migrate', 'status', '--db', 'prisma/fresh.db']);
codegen(['diff', '--from-db', 'prisma/fresh.db', '--to-schema', 'prisma/schema.prisma', '--exit-code']);

step('6. Draw the schema');
codegen(['erd', '--output', 'erd.html']);

console.log(`\nDone. The example ran in ${path.relative(root, work)}/ (a fresh copy each run); erd.html is its diagram.`);

// ── examples/node-launch: an app that creates and migrates its own library at launch ──────────────────────────────
async function nodeLaunch() {
  const library = 'data/library.db';
  const bundle = ['migrate', 'bundle', '-o', 'src/migrations.generated.ts'];

  step('3. Build the app: bundle the migrations into it, generate its typed client, type-check it');
  codegen(bundle);
  codegen(['generate']);
  console.log('$ tsc -p tsconfig.json');
  finish('tsc', spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: work, encoding: 'utf8' }), '(no type errors)');

  step(`4. First launch: the app creates ${library} and applies the bundled migration`);
  launch([library, 'Dune', 'Neuromancer']);

  step('5. Second launch: nothing to apply');
  launch([library, 'Piranesi']);

  step('6. An app update adds shelves (update/schema.prisma): a new migration, a rebuild, a relaunch');
  copyFileSync(path.join(work, 'update/schema.prisma'), schemaFile);
  console.log('  (copied update/schema.prisma over prisma/schema.prisma)');
  codegen(['migrate', 'dev', '--name', 'shelves']);
  codegen(bundle);
  codegen(['generate']);
  launch([library]);

  const backup = readdirSync(path.join(work, 'data')).find((f) => f.startsWith('library.db.backup-'));
  const restored = 'data/restored.db';
  step(`7. Two processes launch at once on a library still at version 1: ${restored}, from the backup of step 6`);
  copyFileSync(path.join(work, 'data', backup), path.join(work, restored));
  // Hold the library's write lock while both start, as a long write in another process would, so that the two
  // launches really collide; let go once both are applying (they wait on SQLite's busy_timeout meanwhile).
  const gate = new Database(path.join(work, restored));
  gate.exec('BEGIN IMMEDIATE');
  const apps = ['A', 'B'].map((tag) => startApp(tag, [restored, `Book from ${tag}`]));
  // (At most 3 s after the first one: the first waits on its busy_timeout, 5 s, and a very slow start must not fail it.)
  await Promise.race(apps.map((a) => a.applying));
  await Promise.race([Promise.all(apps.map((a) => a.applying)), new Promise((r) => setTimeout(r, 3000))]);
  await new Promise((r) => setTimeout(r, 200));
  console.log('  (the example lets go of the write lock)');
  gate.exec('COMMIT');
  gate.close();
  const codes = await Promise.all(apps.map((a) => a.done));
  if (codes.some((c) => c !== 0)) {
    console.error(`\nStopped: the apps exited with ${codes.join(' and ')}.`);
    process.exit(1);
  }
  const db = new Database(path.join(work, restored), { readonly: true });
  const rows = db.prepare('SELECT migration_name AS name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1').all();
  db.close();
  console.log(`  both succeeded; _prisma_migrations in ${restored}: ${rows.map((r) => `${r.name} ×${r.n}`).join(', ')}`);
  if (rows.some((r) => r.n !== 1)) {
    console.error('\nStopped: a migration was applied more than once.');
    process.exit(1);
  }
  console.log(`\nDone. The example ran in ${path.relative(root, work)}/ (a fresh copy each run); the app is src/main.ts and src/library.ts.`);
}

function appCommand(appArgs) {
  return `$ node --import tsx/esm src/main.ts ${appArgs.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
}
function appArgv(appArgs) {
  return ['--import', 'tsx/esm', 'src/main.ts', ...appArgs];
}

/** Prints a child's output, indented; stops the example when it failed. */
function finish(what, r, quiet = '') {
  const out = (r.stdout + r.stderr).trimEnd() || quiet;
  if (out) console.log(out.replace(/^/gm, '  '));
  if (r.status !== 0) {
    console.error(`\nStopped: ${what} exited with ${r.status}.`);
    process.exit(1);
  }
}

/** One launch of the example app, to the end. */
function launch(appArgs) {
  console.log(appCommand(appArgs));
  finish('the app', spawnSync(process.execPath, appArgv(appArgs), { cwd: work, encoding: 'utf8' }));
}

/** One launch in the background, its lines tagged: `applying` settles once it starts a migration (or exits). */
function startApp(tag, appArgs) {
  console.log(`[${tag}] ${appCommand(appArgs)}`);
  const child = spawn(process.execPath, appArgv(appArgs), { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let started;
  const applying = new Promise((resolve) => (started = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8').on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        console.log(`  [${tag}] ${line}`);
        if (line.startsWith('Applying')) started();
      }
    });
    stream.on('end', () => pending && console.log(`  [${tag}] ${pending}`));
  }
  const done = new Promise((resolve) => child.on('close', (code) => (started(), resolve(code))));
  return { applying, done };
}
