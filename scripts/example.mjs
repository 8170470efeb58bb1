#!/usr/bin/env node
// `npm run example [-- <name>]`: the main job on an example project, step by step, with the real CLI.
// It works on a fresh copy under .tmp/, so the example folder stays as committed and every run starts clean.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/codegen.js');
if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('The package is not built yet: run `npm install` (or `npm run build`) first.');
  process.exit(1);
}
const name = process.argv[2] ?? 'basic';
const source = path.join(root, 'examples', name);
if (!existsSync(path.join(source, 'prisma'))) {
  const names = readdirSync(path.join(root, 'examples')).filter((n) => existsSync(path.join(root, 'examples', n, 'prisma')));
  console.error(`No example "${name}". Examples: ${names.join(', ')}`);
  process.exit(64);
}
const work = path.join(root, '.tmp', `example-${name}`);
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
