/**
 * docs/api.md stays true: every ```js block of it runs, in order, as a module that imports `@spacepos/codegen` (the
 * built package, by self-reference), in a project with the schema the page describes, its first migration and a git
 * repository. A block must exit 0 and print nothing on stderr; what it prints must match its `// …` comments.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, runCli } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/client.ts';

const SCHEMA = `datasource db {
  provider = "sqlite"
  url      = "file:./dev.db"
}

generator client {
  provider = "codegen"
  output   = "../generated"
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}
`;

/** The ```js blocks of a markdown page. */
function jsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** `console.log(…); // expected` → the expected output (a comment with `…` in it only sketches the output). */
function expectedOutputs(block: string): string[] {
  return [...block.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((m) => m[1]!).filter((e) => !e.includes('…'));
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

test('every js example of docs/api.md runs against the built package', () => {
  const blocks = jsBlocks(readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8'));
  assert.ok(blocks.length >= 12, `found ${blocks.length} examples`);
  const dir = tmpDir('api-docs');
  mkdirSync(path.join(dir, 'prisma'));
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), SCHEMA);
  writeFileSync(path.join(dir, '.gitignore'), 'prisma/dev.db*\n');
  git(dir, 'init', '-q', '-b', 'main');
  assert.is(runCli(['migrate', 'dev', '--name', 'init'], { cwd: dir }).code, 0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');

  blocks.forEach((code, i) => {
    const file = path.join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    const where = `docs/api.md example ${i + 1}:\n${code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
    assert.is(r.status, 0, where);
    assert.is(r.stderr, '', where);
    for (const expected of expectedOutputs(code)) assert.ok(r.stdout.includes(expected), `expected "${expected}" in the output of ${where}`);
  });
});

test.run();
