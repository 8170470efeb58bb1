import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { ROOT, runCli, tempProject } from '../helpers/cli.ts';

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

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

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
