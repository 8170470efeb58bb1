/**
 * The programmatic API as a user gets it: a script imports `@spacepos/codegen` (the built dist/index.js, resolved by
 * package self-reference from a folder inside the repository) and calls each function on a temporary project. It
 * runs in a child process, so that the test can assert that nothing was printed and that process.exit was never
 * called (the script writes its results last).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tmpDir } from '../helpers/client.ts';
import { SCHEMA } from './project.ts';


/** Every call of the API, its result reduced to what the test asserts. Runs in the child process. */
const SCRIPT = String.raw`
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as codegen from '@spacepos/codegen';
const { loadSchema, validate, validateSchemaText, diff, planMigration, migrate, MigrationError, generate, check, lint, pull, erd, formatSchema, loadConfig } = codegen;

const cwd = process.cwd();
const out = {};
const codes = (list) => list.map((d) => d.code);
const writeMigration = (name, sql) => {
  mkdirSync(path.join(cwd, 'prisma/migrations', name), { recursive: true });
  writeFileSync(path.join(cwd, 'prisma/migrations', name, 'migration.sql'), sql);
};

const loaded = loadSchema({ cwd });
out.loadSchema = { ok: loaded.ok, models: loaded.schema.models.map((m) => m.name), location: path.relative(cwd, loaded.location) };
const valid = validate({ cwd });
out.validate = { ok: valid.ok, diagnostics: valid.diagnostics.length };
const invalid = validateSchemaText('model A {\n  id Int @id\n  b Strin\n}\n');
const unknownType = invalid.diagnostics.find((d) => d.code === 'V204');
out.validateInvalid = { ok: invalid.ok, line: unknownType?.span.start.line, hint: typeof unknownType?.hint };
out.validateMissing = { ok: validate({ cwd, schema: 'nope.prisma' }).ok, codes: codes(validate({ cwd, schema: 'nope.prisma' }).diagnostics) };

const first = planMigration({ from: { tables: [], views: [], triggers: [] }, to: loaded.schema });
out.planMigration = { empty: first.empty, tables: first.steps.filter((s) => s.kind === 'CreateTable').length, sql: first.sql };
writeFileSync(path.join(cwd, 'prisma/migrations/migration_lock.toml'), 'provider = "sqlite"\n');
writeMigration('20240101000000_init', first.sql);

const same = diff({ cwd, from: { kind: 'migrations', path: 'prisma/migrations' }, to: { kind: 'schema' } });
out.diff = { ok: same.ok, empty: same.empty };

const db = path.join(cwd, 'prisma/dev.db');
const applied = migrate({ path: db, migrationsDir: path.join(cwd, 'prisma/migrations') });
out.migrate = { applied: applied.applied, created: applied.created };
out.migrateAgain = { applied: migrate({ path: db, migrationsDir: path.join(cwd, 'prisma/migrations') }).applied };

// The next release drops a column: the plan warns, lint flags the migration.
const v2 = validateSchemaText(readFileSync(path.join(cwd, 'prisma/schema.prisma'), 'utf8').replace('  name  String?\n', ''), 'prisma/schema.prisma');
const drop = planMigration({ from: loaded.schema, to: v2.schema });
out.planDrop = { warnings: codes(drop.warnings), sql: drop.sql };
writeMigration('20240102000000_drop_name', drop.sql);
writeFileSync(path.join(cwd, 'prisma/schema.prisma'), readFileSync(path.join(cwd, 'prisma/schema.prisma'), 'utf8').replace('  name  String?\n', ''));
const linted = lint({ cwd });
out.lint = { ok: linted.ok, migrations: linted.migrations.map((m) => [m.name, codes(m.findings)]) };
out.lintOnly = lint({ cwd, only: ['20240102000000_drop_name'], severities: { L702: 'error' } }).ok;
out.lintUnknown = codes(lint({ cwd, only: ['nope'] }).diagnostics);

const broken = migrate.bind(null, { path: db, migrations: [{ name: '20240103000000_bad', sql: 'CREATE TABLE "Nope" (;' }] });
try {
  broken();
  out.migrateError = 'no error';
} catch (e) {
  out.migrateError = { isMigrationError: e instanceof MigrationError, code: e.diagnostic.code, applied: e.result.applied };
}

const generated = await generate({ cwd });
out.generate = { ok: generated.ok, files: generated.files.map((f) => [path.relative(cwd, f.file), f.status]) };
const fresh = await generate({ cwd, check: true, typecheck: false });
out.generateCheck = { ok: fresh.ok, stale: fresh.stale };

const passed = await check({ cwd, base: false });
out.check = { exitCode: passed.exitCode, clients: passed.clients.map((c) => c.status), newMigrations: passed.newMigrations.length };
writeFileSync(path.join(cwd, 'prisma/schema.prisma'), readFileSync(path.join(cwd, 'prisma/schema.prisma'), 'utf8').replace('  title    String\n', '  title    String\n  body     String?\n'));
const outdated = await check({ cwd, base: false });
out.checkOutdated = { exitCode: outdated.exitCode, codes: codes(outdated.findings.map((f) => f.diagnostic)), missing: outdated.missingMigration?.sql ?? '' };

const pulled = pull({ cwd, db, schema: 'pulled/schema.prisma' });
out.pull = { ok: pulled.ok, mode: pulled.mode, text: pulled.files[0].after };

const diagram = await erd({ cwd, format: 'mermaid' });
out.erd = { ok: diagram.ok, output: diagram.output };

const formatted = formatSchema({ cwd });
out.formatSchema = { ok: formatted.ok, files: formatted.files.map((f) => f.path), formatted: formatted.files[0].after.includes('model Post {') };

const config = await loadConfig(cwd);
out.loadConfig = { lint: config.config.lint, file: path.basename(config.file), diagnostics: config.diagnostics.length };

out.exports = Object.keys(codegen).sort();
writeFileSync(path.join(cwd, 'results.json'), JSON.stringify(out, null, 2));
`;

test('the package entry: every API function on a project, nothing printed, no process.exit', () => {
  const dir = tmpDir('api-entry');
  mkdirSync(path.join(dir, 'prisma/migrations'), { recursive: true });
  writeFileSync(path.join(dir, 'prisma/schema.prisma'), SCHEMA);
  writeFileSync(path.join(dir, 'codegen.config.json'), JSON.stringify({ lint: { L712: 'off' } }));
  writeFileSync(path.join(dir, 'run.mjs'), SCRIPT);
  const r = spawnSync(process.execPath, ['run.mjs'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, '', 'nothing on stdout');
  assert.is(r.stderr, '', 'nothing on stderr');
  const out = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));

  for (const name of ['loadSchema', 'validate', 'validateSources', 'validateSchemaText', 'diff', 'planMigration', 'migrate', 'MigrationError', 'generate', 'check', 'lint', 'pull', 'erd', 'formatSchema', 'loadConfig']) {
    assert.ok(out.exports.includes(name), `${name} is exported`);
  }
  assert.equal(out.loadSchema, { ok: true, models: ['User', 'Post'], location: 'prisma/schema.prisma' });
  assert.equal(out.validate, { ok: true, diagnostics: 0 });
  assert.equal(out.validateInvalid, { ok: false, line: 3, hint: 'string' });
  assert.equal(out.validateMissing, { ok: false, codes: ['P111'] });

  assert.equal([out.planMigration.empty, out.planMigration.tables], [false, 2]);
  assert.match(out.planMigration.sql, /CREATE TABLE "Post"/);
  assert.equal(out.diff, { ok: true, empty: true });
  assert.equal(out.migrate, { applied: ['20240101000000_init'], created: true });
  assert.equal(out.migrateAgain, { applied: [] });

  assert.ok(out.planDrop.warnings.length > 0, 'dropping a column warns');
  assert.match(out.planDrop.sql, /DROP COLUMN "name"/);
  assert.equal(out.lint, { ok: true, migrations: [['20240101000000_init', []], ['20240102000000_drop_name', ['L702']]] });
  assert.is(out.lintOnly, false, 'L702 raised to an error fails');
  assert.equal(out.lintUnknown, ['M414']);
  assert.equal(out.migrateError, { isMigrationError: true, code: 'M413', applied: [] });

  assert.equal(out.generate, { ok: true, files: [['generated/index.ts', 'written']] });
  assert.equal(out.generateCheck, { ok: true, stale: false });
  assert.equal(out.check, { exitCode: 0, clients: ['up-to-date'], newMigrations: 0 }, 'without git no migration is new');
  assert.is(out.checkOutdated.exitCode, 2);
  assert.equal(out.checkOutdated.codes.filter((c: string) => c.startsWith('M4') || c.startsWith('G5')).sort(), ['G505', 'M433']);
  assert.match(out.checkOutdated.missing, /ADD COLUMN "body" TEXT/);

  assert.equal([out.pull.ok, out.pull.mode], [true, 'new']);
  assert.match(out.pull.text, /model Post \{/);
  assert.is(out.erd.ok, true);
  assert.match(out.erd.output, /^erDiagram/m);
  assert.equal(out.formatSchema, { ok: true, files: ['prisma/schema.prisma'], formatted: true });
  assert.equal(out.loadConfig, { lint: { L712: 'off' }, file: 'codegen.config.json', diagnostics: 0 });
});

test.run();
