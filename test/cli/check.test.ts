import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { git, ROOT, runCli, tempProject } from '../helpers/cli.ts';

const SCHEMA = `datasource db {
  provider = "sqlite"
  url      = "file:./dev.db"
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
  bio   String?
}
`;

/** A repo with a schema and its first migration committed on main, and a branch `feature` checked out. */
function repo(): string {
  const dir = tempProject({ 'prisma/schema.prisma': SCHEMA });
  git(dir, 'init', '-q', '-b', 'main');
  const dev = runCli(['migrate', 'dev', '--name', 'init'], { cwd: dir });
  assert.is(dev.code, 0, dev.stderr);
  writeFileSync(path.join(dir, '.gitignore'), 'prisma/dev.db*\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  git(dir, 'checkout', '-qb', 'feature');
  return dir;
}

function migrationNames(dir: string): string[] {
  return readdirSync(path.join(dir, 'prisma/migrations')).filter((n) => n !== 'migration_lock.toml').sort();
}

test('(a) a schema change without a migration: exit 2 and the missing SQL is printed', () => {
  const dir = repo();
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), SCHEMA.replace('  bio   String?\n', '  bio   String?\n  age   Int?\n'));
  const r = runCli(['check'], { cwd: dir });
  assert.is(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stdout, /M433/);
  assert.match(r.stdout, /ALTER TABLE "User" ADD COLUMN "age" INTEGER;/);
});

test('(b) the migration added: exit 0', () => {
  const dir = repo();
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), SCHEMA.replace('  bio   String?\n', '  bio   String?\n  age   Int?\n'));
  assert.is(runCli(['migrate', 'dev', '--name', 'age'], { cwd: dir }).code, 0);
  const r = runCli(['check'], { cwd: dir });
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /All checks passed/);
});

test('(c) an edited old migration: exit 1 naming it', () => {
  const dir = repo();
  const [init] = migrationNames(dir);
  const file = path.join(dir, 'prisma/migrations', init!, 'migration.sql');
  writeFileSync(file, readFileSync(file, 'utf8') + '\n-- an edit\nCREATE INDEX "User_name_idx" ON "User"("name");\n');
  const r = runCli(['check', '--format', 'json'], { cwd: dir });
  assert.is(r.code, 1);
  const report = JSON.parse(r.stdout);
  const edited = report.findings.find((f: { code: string }) => f.code === 'M430');
  assert.ok(edited, r.stdout);
  assert.match(edited.message, new RegExp(`${init}/migration\\.sql`));
});

test('a deleted or renamed old migration and an out-of-order new one are reported', () => {
  const dir = repo();
  const [init] = migrationNames(dir);
  renameSync(path.join(dir, 'prisma/migrations', init!), path.join(dir, 'prisma/migrations', '20000101000000_init'));
  const r = runCli(['check', '--format', 'json'], { cwd: dir });
  const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('M431'), r.stdout);
  assert.ok(codes.includes('M432'), r.stdout);
  assert.is(r.code, 1);
});

function dropColumnRepo(): string {
  const dir = repo();
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), SCHEMA.replace('  bio   String?\n', ''));
  assert.is(runCli(['migrate', 'dev', '--name', 'drop_bio', '--accept-data-loss'], { cwd: dir }).code, 0);
  return dir;
}

test('(d) a migration that drops a column: L702 in every format', () => {
  const dir = dropColumnRepo();
  const text = runCli(['check'], { cwd: dir });
  assert.is(text.code, 0, 'a warning does not fail the check');
  assert.match(text.stdout, /warning L702 /);
  const json = JSON.parse(runCli(['check', '--format', 'json'], { cwd: dir }).stdout);
  assert.ok(json.newMigrations[0].findings.some((f: { code: string }) => f.code === 'L702'));
  const md = runCli(['check', '--format', 'markdown'], { cwd: dir }).stdout;
  assert.match(md, /`L702`/);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif'], { cwd: dir }).stdout);
  assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'L702'));
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(summaryFile, '');
  const gh = runCli(['check', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
  assert.match(gh.stdout, /^::warning file=prisma\/migrations\/[^,]+\/migration\.sql,line=\d+.*title=L702::/m);
  assert.match(readFileSync(summaryFile, 'utf8'), /L702/);
});

test('(d) the markdown report matches its golden file and renders to valid HTML', () => {
  const dir = dropColumnRepo();
  const md = runCli(['check', '--format', 'markdown', '--base', 'main'], { cwd: dir }).stdout;
  // Migration timestamps and commit ids change per run: normalise them for the golden file.
  const stable = md.replace(/\d{14}_/g, '20240101000000_').replace(/\(([0-9a-f]{7})\)/g, '(abcdef0)');
  const golden = path.join(ROOT, 'test/fixtures/check/drop-column.md');
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, stable);
  assert.fixture(stable, readFileSync(golden, 'utf8'));
  const html = marked.parse(stable, { async: false }) as string;
  assert.match(html, /<table>/);
  assert.match(html, /<code>L702<\/code>/);
  assert.match(html, /<details>/);
  assert.match(html, /<pre><code class="language-sql">/);
  assert.match(html, /ALTER TABLE &quot;User&quot; DROP COLUMN &quot;bio&quot;;/);
});

test('(e) an ignore directive silences the finding, and its reason is shown', () => {
  const dir = dropColumnRepo();
  const [, drop] = migrationNames(dir);
  const file = path.join(dir, 'prisma/migrations', drop!, 'migration.sql');
  writeFileSync(file, `-- codegen-lint-ignore L702 bio moved to the profile table in the previous release\n${readFileSync(file, 'utf8')}`);
  const r = runCli(['check', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout);
  assert.not.ok(report.findings.some((f: { code: string }) => f.code === 'L702'));
  assert.equal(report.newMigrations[0].ignored.map((i: { code: string; reason: string }) => [i.code, i.reason]), [['L702', 'bio moved to the profile table in the previous release']]);
  assert.match(runCli(['check', '--format', 'markdown'], { cwd: dir }).stdout, /Ignored L702: bio moved/);
});

const GENERATOR = '\ngenerator client {\n  provider = "codegen"\n  output   = "../generated"\n}\n';

test('(f) a stale generated client: exit 2 naming the file, in every format; regenerated: exit 0', () => {
  const dir = tempProject({ 'prisma/schema.prisma': SCHEMA + GENERATOR });
  git(dir, 'init', '-q', '-b', 'main');
  assert.is(runCli(['migrate', 'dev', '--name', 'init'], { cwd: dir }).code, 0);
  assert.is(runCli(['generate'], { cwd: dir }).code, 0);
  writeFileSync(path.join(dir, '.gitignore'), 'prisma/dev.db*\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init with its client');
  git(dir, 'checkout', '-qb', 'feature');
  assert.is(runCli(['check'], { cwd: dir }).code, 0, 'the committed client is up to date');

  // The schema changes and its migration is added, but the client is not regenerated.
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), (SCHEMA + GENERATOR).replace('  bio   String?\n', '  bio   String?\n  age   Int?\n'));
  assert.is(runCli(['migrate', 'dev', '--name', 'age'], { cwd: dir }).code, 0);
  const text = runCli(['check'], { cwd: dir });
  assert.is(text.code, 2, text.stdout + text.stderr);
  assert.match(text.stdout, /^generated\/index\.ts:1:1 error G505 The generated file generated\/index\.ts is stale/m);
  assert.match(text.stdout, /Generated client: generated \(stale: generated\/index\.ts\)/);
  assert.match(text.stdout, /^\+  age: number \| null;$/m, 'the report shows what regenerating would change');
  assert.not.match(text.stdout, /M433/, 'the migration is there: only the client is out of date');

  const json = runCli(['check', '--format', 'json'], { cwd: dir });
  assert.is(json.code, 2);
  const report = JSON.parse(json.stdout);
  assert.is(report.status, 'out-of-date');
  const stale = report.findings.find((f: { code: string }) => f.code === 'G505');
  assert.equal([stale.category, stale.file, stale.line], ['client', 'generated/index.ts', 1]);
  assert.equal(report.clients, [{ generator: 'client', output: 'generated', status: 'stale', staleFiles: ['generated/index.ts'] }]);

  const md = runCli(['check', '--format', 'markdown'], { cwd: dir });
  assert.is(md.code, 2);
  assert.match(md.stdout, /^## codegen check: 🟡 Something is out of date/m);
  assert.match(md.stdout, /\| 🛑 \| `G505` \| `generated\/index\.ts:1` \| The generated file generated\/index\.ts is stale/);
  assert.match(md.stdout, /### Stale generated client/);
  assert.match(marked.parse(md.stdout, { async: false }) as string, /<pre><code class="language-diff">/);

  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(summaryFile, '');
  const gh = runCli(['check', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summaryFile } });
  assert.is(gh.code, 2);
  assert.match(gh.stdout, /^::error file=generated\/index\.ts,line=1,.*title=G505::The generated file generated\/index\.ts is stale/m);
  assert.match(readFileSync(summaryFile, 'utf8'), /G505/);

  const sarif = runCli(['check', '--format', 'sarif'], { cwd: dir });
  assert.is(sarif.code, 2);
  const result = JSON.parse(sarif.stdout).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'G505');
  assert.is(result.level, 'error');
  assert.is(result.locations[0].physicalLocation.artifactLocation.uri, 'generated/index.ts');

  assert.is(runCli(['generate'], { cwd: dir }).code, 0);
  const fresh = runCli(['check'], { cwd: dir });
  assert.is(fresh.code, 0, fresh.stdout + fresh.stderr);
  assert.match(fresh.stdout, /Generated client: generated \(up to date\)/);
});

test('the client check: skipped without a codegen generator block or a generated folder; template errors exit 1', () => {
  const plain = repo();
  const r = runCli(['check', '--format', 'json'], { cwd: plain });
  assert.is(r.code, 0);
  assert.equal(JSON.parse(r.stdout).clients, [], 'no codegen generator block: nothing to check');

  // The client is generated at build time and not committed: its folder is absent, so there is nothing to compare.
  const dir = tempProject({ 'prisma/schema.prisma': SCHEMA + GENERATOR });
  assert.is(runCli(['migrate', 'dev', '--name', 'init'], { cwd: dir }).code, 0);
  const skipped = runCli(['check', '--no-git'], { cwd: dir });
  assert.is(skipped.code, 0, skipped.stdout);
  assert.match(skipped.stdout, /Generated client: generated \(not in this checkout: not checked\)/);

  // A broken template is an error of the project (exit 1), not something out of date.
  assert.is(runCli(['generate'], { cwd: dir }).code, 0);
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), SCHEMA + GENERATOR.replace('output', 'templates = "../tpl"\n  output'));
  mkdirSync(path.join(dir, 'tpl'));
  writeFileSync(path.join(dir, 'tpl/broken.ts.hbs'), '{{#each models}}{{nmae}}{{/each}}\n');
  const broken = runCli(['check', '--no-git', '--format', 'json'], { cwd: dir });
  assert.is(broken.code, 1, broken.stdout);
  assert.ok(JSON.parse(broken.stdout).findings.some((f: { code: string; category: string }) => f.code === 'G501' && f.category === 'client'), broken.stdout);
});

test('a missing base ref explains what to fetch (exit 1); --no-git skips the base checks', () => {
  const dir = repo();
  const r = runCli(['check', '--base', 'origin/release'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stdout, /M434/);
  assert.match(r.stdout, /git fetch origin release/);
  assert.is(runCli(['check', '--no-git'], { cwd: dir }).code, 0);
});

test('lint severities from the config file', () => {
  const dir = dropColumnRepo();
  writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ lint: { L702: 'error' } }));
  const r = runCli(['check'], { cwd: dir });
  assert.is(r.code, 1);
  assert.match(r.stdout, /error L702 /);
  writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ lint: { L702: 'loud' } }));
  const bad = runCli(['check'], { cwd: dir });
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /P116 .*lint\.L702/);
});

test.run();
