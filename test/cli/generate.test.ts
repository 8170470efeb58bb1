import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, SQLITE_DATASOURCE, tempProject } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/client.ts';

const MODELS = `
/// A user.
/// @shared(id: email, modelId: 1)
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}

/// @local
model Setting {
  key   String @id
  value String
}
`;
const GENERATOR = 'generator client {\n  provider = "codegen"\n  output   = "../generated"\n}\n';

test('generate: reads the generator block, resolves output from the schema file, then reports nothing changed', () => {
  const dir = tempProject({ 'prisma/schema.prisma': `${SQLITE_DATASOURCE}\n${GENERATOR}${MODELS}` });
  const r = runCli(['generate'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Generated 1 file in generated \(1 changed\)/);
  const out = readFileSync(path.join(dir, 'generated/index.ts'), 'utf8');
  assert.match(out, /export function createClient\(/);
  assert.match(out, /readonly user: UserDelegate;/);
  const again = runCli(['generate'], { cwd: dir });
  assert.match(again.stdout, /\(0 changed\)/);
  assert.is(readFileSync(path.join(dir, 'generated/index.ts'), 'utf8'), out);
});

test('generate without a generator block uses --output (or generated/ beside the schema)', () => {
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}${MODELS}` });
  assert.is(runCli(['generate'], { cwd: dir }).code, 0);
  assert.ok(existsSync(path.join(dir, 'generated/index.ts')));
  const r = runCli(['generate', '--output', 'out/client'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.ok(existsSync(path.join(dir, 'out/client/index.ts')));
});

test('generate --check: exit 0 when fresh, exit 2 with a unified diff when stale or missing, writes nothing', () => {
  const dir = tempProject({ 'prisma/schema.prisma': `${SQLITE_DATASOURCE}\n${GENERATOR}${MODELS}` });
  const missing = runCli(['generate', '--check', '--no-typecheck'], { cwd: dir });
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /G505/);
  assert.not.ok(existsSync(path.join(dir, 'generated/index.ts')));
  runCli(['generate'], { cwd: dir });
  const fresh = runCli(['generate', '--check', '--no-typecheck'], { cwd: dir });
  assert.is(fresh.code, 0, fresh.stderr);
  assert.match(fresh.stdout, /up to date/);
  const before = readFileSync(path.join(dir, 'generated/index.ts'), 'utf8');
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), `${SQLITE_DATASOURCE}\n${GENERATOR}${MODELS.replace('email String @unique', 'email String @unique\n  name  String?')}`);
  const stale = runCli(['generate', '--check', '--no-typecheck'], { cwd: dir });
  assert.is(stale.code, 2);
  assert.match(stale.stdout, /^--- a\/index\.ts\n\+\+\+ b\/index\.ts\n@@ /);
  assert.match(stale.stdout, /\n\+  name: string \| null;\n/);
  assert.is(readFileSync(path.join(dir, 'generated/index.ts'), 'utf8'), before);
});

test('generate --check type-checks the up-to-date files under strict (G502 on a type error)', () => {
  // Inside the repository, so that @spacepos/codegen/runtime resolves as in an app that installs the package.
  const dir = tmpDir('cli-check-typecheck');
  mkdirSync(path.join(dir, 'prisma'));
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), `${SQLITE_DATASOURCE}\n${GENERATOR}${MODELS}`);
  assert.is(runCli(['generate'], { cwd: dir }).code, 0);
  const ok = runCli(['generate', '--check'], { cwd: dir });
  assert.is(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /up to date and type-check under strict/);
  // A broken custom template that renders code with a type error.
  writeFileSync(path.join(dir, 'bad.ts.hbs'), 'export const n: number = "{{models.length}}";\n');
  assert.is(runCli(['generate', '--templates', '.'], { cwd: dir }).code, 0);
  const bad = runCli(['generate', '--check', '--templates', '.'], { cwd: dir });
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /error G502 bad\.ts:1 Type 'string' is not assignable to type 'number'/);
});

test('several codegen generator blocks: each is generated; --generator picks one; --output needs one', () => {
  const two = `${SQLITE_DATASOURCE}\ngenerator server {\n  provider = "codegen"\n  output   = "server/db"\n}\ngenerator app {\n  provider       = "codegen"\n  output         = "app/db"\n  dateTimeFormat = "unixepoch-ms"\n}\n${MODELS}`;
  const dir = tempProject({ 'schema.prisma': two });
  const r = runCli(['generate'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Generated 2 files in server\/db, app\/db \(2 changed\)/);
  assert.match(readFileSync(path.join(dir, 'app/db/index.ts'), 'utf8'), /dateTimeFormat: "unixepoch-ms"/);
  assert.match(readFileSync(path.join(dir, 'server/db/index.ts'), 'utf8'), /dateTimeFormat: "iso"/);
  assert.is(runCli(['generate', '--check', '--no-typecheck'], { cwd: dir }).code, 0);

  writeFileSync(path.join(dir, 'schema.prisma'), two.replace('output         = "app/db"', 'output         = "app/client"'));
  const stale = runCli(['generate', '--check', '--no-typecheck'], { cwd: dir });
  assert.is(stale.code, 2);
  assert.match(stale.stderr, /G505 The generated files in server\/db, app\/client are stale: app\/client\/index\.ts\./);
  assert.match(stale.stdout, /^# generator app \(app\/client\)\n--- \/dev\/null\n/m);

  const one = runCli(['generate', '--generator', 'app'], { cwd: dir });
  assert.is(one.code, 0, one.stderr);
  assert.match(one.stdout, /Generated 1 file in app\/client/);
  const unknown = runCli(['generate', '--generator', 'web'], { cwd: dir });
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /G503 No codegen generator block is named `web` \(the codegen generator blocks are `server`, `app`\)/);
  const ambiguous = runCli(['generate', '--output', 'out'], { cwd: dir });
  assert.is(ambiguous.code, 1);
  assert.match(ambiguous.stderr, /G503 `output` and `templates` apply to one generator/);
});

test('generator options: dateTimeFormat is checked (G503); other keys reach the context', () => {
  const bad = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}\ngenerator client {\n  provider       = "@spacepos/codegen"\n  dateTimeFormat = "epoch"\n}\n${MODELS}` });
  const r = runCli(['generate'], { cwd: bad });
  assert.is(r.code, 1);
  assert.match(r.stderr, /error G503 `dateTimeFormat` must be "iso" or "unixepoch-ms"/);
  const good = tempProject({
    'schema.prisma': `${SQLITE_DATASOURCE}\ngenerator client {\n  provider       = "codegen"\n  dateTimeFormat = "unixepoch-ms"\n  banner         = "hello"\n  templates      = "./tpl"\n}\n${MODELS}`,
    'tpl/options.txt.hbs': '{{generator.dateTimeFormat}} {{generator.options.banner}}\n',
  });
  assert.is(runCli(['generate'], { cwd: good }).code, 0);
  assert.is(readFileSync(path.join(good, 'generated/options.txt'), 'utf8'), 'unixepoch-ms hello\n');
  assert.match(readFileSync(path.join(good, 'generated/index.ts'), 'utf8'), /dateTimeFormat: "unixepoch-ms"/);
});

test('custom templates: override a built-in partial and add a file (a sync registry from /// @shared annotations)', () => {
  const dir = tempProject({
    'prisma/schema.prisma': `${SQLITE_DATASOURCE}\ngenerator client {\n  provider  = "codegen"\n  output    = "../generated"\n  templates = "../templates"\n}\n${MODELS}`,
    'templates/partials/header.hbs': '// My header ({{models.length}} models)\n',
    'templates/sync.ts.hbs': [
      '// Models that sync between devices, from /// @shared(id: …, modelId: …).',
      'export const SYNC_REGISTRY = {',
      '{{#each models}}',
      '{{#each annotations}}',
      '{{#if (eq name "shared")}}',
      '  {{../name}}: { id: {{json args.id}}, modelId: {{args.modelId}} },',
      '{{/if}}',
      '{{/each}}',
      '{{/each}}',
      '} as const;',
      '',
    ].join('\n'),
  });
  const r = runCli(['generate'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /Generated 2 files/);
  assert.is(readFileSync(path.join(dir, 'generated/sync.ts'), 'utf8'), '// Models that sync between devices, from /// @shared(id: …, modelId: …).\nexport const SYNC_REGISTRY = {\n  User: { id: "email", modelId: 1 },\n} as const;\n');
  assert.match(readFileSync(path.join(dir, 'generated/index.ts'), 'utf8'), /^\/\/ My header \(2 models\)\n/);
});

test('template errors are G501 with the template named (strict mode: a misspelt field is an error)', () => {
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}${MODELS}`, 'tpl/broken.ts.hbs': '{{#each models}}{{nmae}}{{/each}}\n' });
  const r = runCli(['generate', '--templates', 'tpl'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /error G501 The template `[^`]*broken\.ts\.hbs` failed: "nmae" not defined/);
  const missing = runCli(['generate', '--templates', 'nope'], { cwd: dir });
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /G504/);
});

test('schema errors stop generation (exit 1); a model without a unique key is left out with G506', () => {
  const dir = tempProject({ 'schema.prisma': `${SQLITE_DATASOURCE}\nmodel A {\n  id Int @id\n  b Strin\n}\n` });
  const r = runCli(['generate'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stderr, /V204/);
  assert.not.ok(existsSync(path.join(dir, 'generated')));
});

test.run();
