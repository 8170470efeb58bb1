/**
 * docs/api.md stays true: every ```js block of it runs, in order, as a module that imports `@spacepos/codegen` (the
 * built package, by self-reference), in a project with the schema the page describes, its first migration and a git
 * repository. A block must exit 0 and print nothing on stderr; what it prints must match its `// …` comments.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { git, ROOT, runCli } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/client.ts';
import { SCHEMA } from './project.ts';

/** The ```js blocks of a markdown page. */
function jsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** `console.log(…); // expected` → the expected output (a comment with `…` in it only sketches the output). */
function expectedOutputs(block: string): string[] {
  return [...block.matchAll(/console\.log\(.*\); \/\/ (.+)$/gm)].map((m) => m[1]!).filter((e) => !e.includes('…'));
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
