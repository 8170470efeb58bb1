/**
 * `codegen generate --watch` in a real child process: a burst of saves regenerates once, an invalid schema prints its
 * diagnostics and keeps the last good output, a schema replaced by rename (as editors save) is still picked up, and
 * SIGINT stops it cleanly with exit 0; a custom templates folder is followed too. Every wait polls for the expected output with a deadline: no fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, SQLITE_DATASOURCE, tempProject } from '../helpers/cli.ts';

const MODELS = 'model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n';
const schemaWith = (extra: string): string => `${SQLITE_DATASOURCE}\n${MODELS}${extra}`;

interface Watched {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWatch(dir: string, ...args: string[]): Watched {
  const child = spawn(process.execPath, [BIN, 'generate', '--watch', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Polls until `condition` holds; fails with what the watcher printed when `ms` pass first. */
async function until(w: Watched, what: string, condition: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) assert.unreachable(`timed out waiting for ${what}\n--- stdout\n${w.stdout()}\n--- stderr\n${w.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const generations = (w: Watched): number => w.stdout().match(/^Generated 1 file in generated/gm)?.length ?? 0;

test('generate --watch: debounces, survives an invalid schema, follows a rename, stops on SIGINT', async () => {
  const dir = tempProject({ 'schema.prisma': schemaWith('') });
  const schema = path.join(dir, 'schema.prisma');
  const output = path.join(dir, 'generated/index.ts');
  const client = (): string => readFileSync(output, 'utf8');
  const w = startWatch(dir);
  try {
    await until(w, 'the first generation', () => w.stdout().includes('Watching schema.prisma for changes'));
    assert.is(generations(w), 1);

    // A burst of saves (a formatter on save, say): one regeneration, from the last content.
    for (let i = 0; i < 5; i++) writeFileSync(schema, schemaWith(`\nmodel Burst${i} {\n  id Int @id\n}\n`));
    await until(w, 'the regeneration after the burst', () => client().includes('export interface Burst4 {'));
    assert.not.match(client(), /export interface Burst3 \{/);

    // An invalid schema: diagnostics on stderr, and the last good output stays.
    const good = client();
    writeFileSync(schema, schemaWith('\nmodel Broken {\n  id Int @id\n  name Strin\n}\n'));
    await until(w, 'the diagnostics of the invalid schema', () => w.stderr().includes('Not regenerated'));
    assert.match(w.stderr(), /schema\.prisma:\d+:\d+ error V204 /);
    assert.is(generations(w), 2, 'the burst regenerated exactly once');
    assert.is(client(), good);

    // Fixed by an editor that writes a temporary file and renames it over the schema (a new inode).
    writeFileSync(`${schema}.tmp`, schemaWith('\nmodel Fixed {\n  id Int @id\n}\n'));
    renameSync(`${schema}.tmp`, schema);
    await until(w, 'the regeneration after the rename', () => client().includes('export interface Fixed {'));
    // …and the replaced file is still watched.
    writeFileSync(schema, schemaWith('\nmodel Again {\n  id Int @id\n}\n'));
    await until(w, 'the regeneration after a save to the replaced file', () => client().includes('export interface Again {'));

    w.child.kill('SIGINT');
    const { code, signal } = await w.exit;
    assert.equal({ code, signal }, { code: 0, signal: null });
    assert.match(w.stdout(), /Stopped watching\.\n$/);
    assert.not.match(w.stderr(), /^\s+at /m, 'no stack trace');
  } finally {
    if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
});

test('generate --watch on a schema folder: a change in any .prisma file regenerates', async () => {
  const dir = tempProject({ 'prisma/main.prisma': `${SQLITE_DATASOURCE}\n`, 'prisma/models/user.prisma': MODELS });
  const w = startWatch(dir, '--schema', 'prisma');
  try {
    await until(w, 'the first generation', () => w.stdout().includes('Watching prisma for changes'));
    writeFileSync(path.join(dir, 'prisma/models/post.prisma'), 'model Post {\n  id Int @id\n}\n');
    await until(w, 'the regeneration', () => readFileSync(path.join(dir, 'generated/index.ts'), 'utf8').includes('export interface Post {'));
    w.child.kill('SIGTERM');
    assert.is((await w.exit).code, 0);
  } finally {
    if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
});

test('generate --watch follows the custom templates folder too: edits, new files, and a broken template that is then fixed', async () => {
  const generator = 'generator client {\n  provider  = "codegen"\n  output    = "./generated"\n  templates = "./tpl"\n}\n';
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}\n${generator}${MODELS}`, 'tpl/models.txt.hbs': 'v1:{{#each models}}{{name}}{{/each}}\n' });
  const read = (file: string): string => {
    try {
      return readFileSync(path.join(dir, 'generated', file), 'utf8');
    } catch {
      return '';
    }
  };
  const w = startWatch(dir);
  try {
    await until(w, 'the first generation', () => w.stdout().includes('Watching schema.prisma for changes'));
    assert.is(read('models.txt'), 'v1:User\n');
    writeFileSync(path.join(dir, 'tpl/models.txt.hbs'), 'v2:{{#each models}}{{name}}{{/each}}\n');
    await until(w, 'the edited template to be rendered', () => read('models.txt') === 'v2:User\n');
    writeFileSync(path.join(dir, 'tpl/models.txt.hbs'), 'v3:{{#each models}}{{name}}\n');
    await until(w, 'the template error', () => w.stderr().includes('Not regenerated'));
    assert.is(read('models.txt'), 'v2:User\n', 'a broken template keeps the last output');
    writeFileSync(path.join(dir, 'tpl/count.txt.hbs'), '{{models.length}} models\n');
    writeFileSync(path.join(dir, 'tpl/models.txt.hbs'), 'v4:{{#each models}}{{name}}{{/each}}\n');
    await until(w, 'the fixed template and the new one', () => read('models.txt') === 'v4:User\n' && read('count.txt').startsWith('1 models'));
    w.child.kill('SIGINT');
    assert.is((await w.exit).code, 0);
  } finally {
    if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
});

test.run();
