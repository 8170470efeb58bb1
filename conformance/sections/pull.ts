/**
 * `codegen pull` against every corpus history, end to end through the CLI:
 * 1. `migrate deploy` the history into a database file, `pull` it into a new schema (and with `--naming camel`);
 *    the schema must `validate`, and `diff --from-db --to-schema` must be empty;
 * 2. the pulled schema and the project's own schema must lay out the same database (diffDatabases both ways),
 *    except for the drift the corpus explains;
 * 3. re-pull into a copy of the project's schema: names, maps and `///` comments stay (ideally byte for byte);
 * 4. oracle: Prisma's own introspection of the same database — is its schema valid (for Prisma and for us: a schema
 *    Prisma accepts must not be an error here), does it lay out the same
 *    database as ours, is it the same text;
 * 5. generated v1 → v2 pairs: the database migrated to v2, re-pulled into v1, must give a valid schema that diffs as
 *    empty against it, keeps v1's names, and is stable; the fresh pull of the same database too (and Prisma accepts both).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable } from '../../bench/suite.ts';
import { validateSchemaText } from '../../src/api/schema.ts';
import { databaseModelFromSchema } from '../../src/database/from-schema.ts';
import type { DatabaseModel } from '../../src/database/model.ts';
import { diffDatabases } from '../../src/diff/diff.ts';
import { formatSchemaText } from '../../src/schema/format.ts';
import { isColumnField, type SchemaModel } from '../../src/schema/model.ts';
import { pullSchemaText, repullSchema } from '../../src/api/pull.ts';
import { EMPTY_DATABASE } from '../../src/database/model.ts';
import { parseSchemaSources } from '../../src/schema/load.ts';
import { introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { evolveSchema } from '../gen/evolve.ts';
import { generateSchema, renderSchema } from '../gen/schema-generator.ts';
import { loadOracle, type Oracle } from '../oracle.ts';
import type { Section } from '../section.ts';
import { corpusProjects, EXPLAINED_DRIFT } from './corpus-projects.ts';
import { describe, ourScript } from './diff.ts';

function cli(root: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/codegen.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

function layout(text: string): { model?: DatabaseModel; schema?: SchemaModel; errors: string[] } {
  const v = validateSchemaText(text);
  const errors = v.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  return errors.length ? { errors } : { model: databaseModelFromSchema(v.schema), schema: v.schema, errors };
}

function sameLayout(a: DatabaseModel, b: DatabaseModel): string[] {
  return [...diffDatabases(a, b), ...diffDatabases(b, a)].map((c) => c.kind);
}

/** Model names, `Model.field` names with their @map, and `///` lines: what a re-pull must keep. */
function userNames(schema: SchemaModel): Set<string> {
  const out = new Set<string>();
  for (const m of schema.models) {
    out.add(`${m.name}@@${m.dbName}`);
    for (const f of m.fields) out.add(`${m.name}.${f.name}${isColumnField(f) ? `@${f.dbName}` : ''}`);
  }
  return out;
}
const docLines = (text: string): string[] => text.split('\n').filter((l) => l.trim().startsWith('///')).map((l) => l.trim());

export const pullSection: Section = {
  name: 'pull',
  title: 'pull: corpus histories into schemas that validate and diff as empty; re-pull keeps the schema; Prisma’s own pull',
  async run({ corpus, root }) {
    const oracle = loadOracle();
    const work = mkdtempSync(path.join(os.tmpdir(), 'codegen-pull-conf-'));
    const rows: (string | number)[][] = [];
    const details: string[] = [];
    let failures = 0;
    let prismaValid = 0;
    let prismaSameLayout = 0;
    let prismaSameText = 0;
    let prismaRoundTrip = 0;
    let projects = 0;
    try {
      for (const p of corpusProjects(corpus)) {
        projects++;
        const dir = path.join(work, p.name.replace(/\//g, '__'));
        mkdirSync(path.join(dir, 'repull'), { recursive: true });
        const db = path.join(dir, 'db.sqlite');
        const fail = (what: string): string => {
          failures++;
          details.push(`${p.name}: ${what}`);
          return 'FAIL';
        };
        const deploy = cli(root, ['migrate', 'deploy', '--db', db, '--migrations', p.migrations], dir);
        if (deploy.code !== 0) {
          rows.push([p.name, '-', fail(`deploy: ${deploy.out.slice(0, 200)}`), '', '', '', '', '', '']);
          continue;
        }
        const tables = describe(db).tables.length;
        const explained = EXPLAINED_DRIFT[p.name];

        // 1. fresh pulls, both namings, through the CLI
        const cells: string[] = [];
        for (const naming of ['prisma', 'camel']) {
          const file = `pulled.${naming}.prisma`;
          const pulled = cli(root, ['pull', '--db', db, '--schema', file, '--naming', naming], dir);
          const valid = cli(root, ['validate', '--schema', file], dir);
          const diff = cli(root, ['diff', '--from-db', db, '--to-schema', file, '--exit-code'], dir);
          if (pulled.code !== 0) cells.push(fail(`pull --naming ${naming}: ${pulled.out.slice(0, 300)}`));
          else cells.push(valid.code === 0 ? 'yes' : fail(`${naming} pull invalid: ${valid.out.slice(0, 300)}`), diff.code === 0 ? 'empty' : fail(`${naming} diff not empty: ${diff.out.slice(0, 300)}`));
        }
        const oursText = readFileSync(path.join(dir, 'pulled.prisma.prisma'), 'utf8');
        const ours = layout(oursText);
        const original = layout(readFileSync(p.schema, 'utf8'));

        // 2. the same database as the project's own schema
        let layoutCell = '-';
        if (ours.model && original.model) {
          const d = sameLayout(ours.model, original.model);
          layoutCell = d.length === 0 ? 'equal' : explained ? `explained drift (${d.length})` : fail(`layout differs from the original: ${d.join(', ')}`);
        }

        // 3. re-pull into the project's schema
        const copy = path.join(dir, 'repull', 'schema.prisma');
        copyFileSync(p.schema, copy);
        const originalText = readFileSync(p.schema, 'utf8');
        const repull = cli(root, ['pull', '--db', db, '--schema', copy], dir);
        let repullCell: string;
        if (repull.code !== 0) repullCell = fail(`re-pull: ${repull.out.slice(0, 300)}`);
        else {
          const after = readFileSync(copy, 'utf8');
          const formatted = formatSchemaText(originalText).text ?? originalText;
          const keptNames = original.schema && [...userNames(original.schema)].every((n) => userNames(validateSchemaText(after).schema).has(n));
          const keptDocs = docLines(originalText).every((l) => after.includes(l));
          if (after === formatted) repullCell = 'identical';
          else {
            const changed = after.split('\n').filter((l, i) => l !== formatted.split('\n')[i]).length;
            repullCell = `${changed} lines changed`;
            if (!explained) repullCell = fail(`re-pull changed the schema: ${repullCell}`);
            else details.push(`${p.name}: re-pull applies the explained drift (${explained.why})`);
          }
          if (!keptNames) repullCell += ` ${fail('re-pull lost names or maps')}`;
          if (!keptDocs) repullCell += ` ${fail('re-pull lost /// comments')}`;
        }

        // 4. Prisma's own pull
        const prisma = oracle ? await comparePrisma(oracle, db, oursText, ours.model, describe(db)) : { cells: ['-', '-', '-', '-'], ourErrors: [] };
        const prismaCells = prisma.cells;
        if (prismaCells[0] === 'yes') prismaValid++;
        // A schema Prisma accepts must not be an error for us (warnings are fine).
        if (prismaCells[0] === 'ours rejects') prismaCells[0] = fail(`we reject Prisma's pull: ${prisma.ourErrors.join('; ').slice(0, 300)}`);
        if (prismaCells[1] === 'equal') prismaRoundTrip++;
        if (prismaCells[2] === 'equal') prismaSameLayout++;
        if (prismaCells[3] === 'same') prismaSameText++;
        if (oracle && oracle.validate(oursText).valid === false) cells[0] = fail('Prisma rejects our pulled schema');
        rows.push([p.name, tables, ...cells, layoutCell, repullCell, ...prismaCells]);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    console.log('\n  Every corpus history deployed into a file, then `codegen pull` (fresh), `validate`, `diff --from-db --to-schema --exit-code`;');
    console.log('  layout = the pulled schema and the project schema describe the same database; re-pull = pull into a copy of the project schema.');
    console.log('  Prisma: its `db pull` of the same file — valid (Prisma’s validator and ours, warnings allowed) · its schema diffs as empty against the database · lays out the database as ours · same text as ours (datasource aside).');
    printTable(
      ['project', 'tables', 'valid', 'diff', 'camel valid', 'camel diff', 'layout = original', 're-pull', 'Prisma valid', 'Prisma diff', 'Prisma layout = ours', 'Prisma text'],
      rows,
    );
    for (const d of details) console.log(`  ${d}`);
    if (oracle) console.log(`  Prisma's pull: valid ${prismaValid}/${projects}, diffs as empty ${prismaRoundTrip}/${projects}, same layout as ours ${prismaSameLayout}/${projects}, same text ${prismaSameText}/${projects}`);
    else console.log('  Prisma oracle not installed: the comparison with `prisma db pull` is skipped.');
    const generated = generatedPairs(oracle);
    console.log(`\n  Generated v1→v2 pairs (a database migrated to v2, re-pulled into v1): ${generated.passed}/${generated.total} pass (valid${oracle ? ' for us and for Prisma' : ''}, diff empty, v1 names kept, a second re-pull changes nothing; the fresh pull valid and empty too)`);
    for (const d of generated.failures.slice(0, 10)) console.log(`   ${d}`);
    failures += generated.failures.length;
    return {
      ok: failures === 0,
      summary: `${projects} projects and ${generated.total} generated pairs, ${failures} failures${oracle ? `; Prisma's pull: same layout ${prismaSameLayout}/${projects}, same text ${prismaSameText}/${projects}` : ''}`,
    };
  },
};

const PAIRS = 200;

function generatedPairs(oracle: Oracle | undefined): { total: number; passed: number; failures: string[] } {
  const failures: string[] = [];
  for (let seed = 1; seed <= PAIRS; seed++) {
    const v1 = generateSchema(5000 + seed, { models: 2 + (seed % 6) });
    const evolution = evolveSchema(v1, seed, 1 + (seed % 4));
    const v1Text = renderSchema(v1);
    const what = `seed ${seed} [${evolution.applied.join('; ')}]`;
    const conn = openDatabase(':memory:');
    let db: DatabaseModel;
    try {
      conn.runAtomic([ourScript(EMPTY_DATABASE, renderSchema(evolution.schema))], { checkForeignKeys: false });
      db = introspectDatabase(conn).model;
    } finally {
      conn.close();
    }
    const problems: string[] = [];
    const parsed = parseSchemaSources([{ path: 'v1.prisma', text: v1Text }]).schema;
    let merged: string;
    try {
      merged = repullSchema(parsed, db).texts[0]!;
    } catch (e) {
      failures.push(`${what}: re-pull crashed: ${(e as Error).message.slice(0, 200)}`);
      continue;
    }
    const m = layout(merged);
    if (!m.model) problems.push(`re-pull invalid: ${m.errors.join('; ').slice(0, 200)}`);
    else {
      const d = diffDatabases(db, m.model);
      if (d.length) problems.push(`re-pull diff: ${d.map((c) => c.kind).join(', ')}`);
      const kept = [...userNames(layout(v1Text).schema!)].filter((n) => tableStillThere(n, layout(v1Text).schema!, db));
      const now = userNames(m.schema!);
      const lost = kept.filter((n) => !now.has(n) && !n.includes('.'));
      if (lost.length) problems.push(`models renamed: ${lost.join(', ')}`);
      if (repullSchema(m.schema!, db).texts[0] !== merged) problems.push('a second re-pull changes the schema');
    }
    if (oracle && m.model && !oracle.validate(merged).valid) problems.push(`Prisma rejects the re-pull: ${oracle.validate(merged).message?.slice(0, 200)}`);
    const fresh = pullSchemaText(db);
    const f = layout(fresh);
    if (!f.model) problems.push(`fresh pull invalid: ${f.errors.join('; ').slice(0, 200)}`);
    else if (diffDatabases(db, f.model).length) problems.push('fresh pull diff not empty');
    if (oracle && !oracle.validate(fresh).valid) problems.push(`Prisma rejects the fresh pull: ${oracle.validate(fresh).message?.slice(0, 200)}`);
    if (problems.length) failures.push(`${what}: ${problems.join(' | ')}`);
  }
  return { total: PAIRS, passed: PAIRS - failures.length, failures };
}

/** Whether the model of a `Model@@table` name still has its table in the database. */
function tableStillThere(name: string, schema: SchemaModel, db: DatabaseModel): boolean {
  const model = schema.models.find((x) => name.startsWith(`${x.name}@@`) || name.startsWith(`${x.name}.`));
  return !!model && db.tables.some((t) => t.name.toLowerCase() === model.dbName.toLowerCase());
}

/** The Prisma columns of the table, and our errors on Prisma's pull (none when we accept it). */
async function comparePrisma(oracle: Oracle, dbFile: string, oursText: string, ours: DatabaseModel | undefined, actual: DatabaseModel): Promise<{ cells: string[]; ourErrors: string[] }> {
  let prismaText: string;
  try {
    prismaText = await oracle.pull(dbFile);
  } catch (e) {
    return { cells: [`failed: ${(e as Error).message.slice(0, 40)}`, '-', '-', '-'], ourErrors: [] };
  }
  const valid = oracle.validate(prismaText);
  const prisma = layout(prismaText);
  const roundTrip = prisma.model ? (diffDatabases(actual, prisma.model).length === 0 ? 'equal' : `${diffDatabases(actual, prisma.model).length} changes`) : 'unreadable';
  const same = prisma.model && ours ? (sameLayout(prisma.model, ours).length === 0 ? 'equal' : `${sameLayout(prisma.model, ours).length} differences`) : '-';
  // The datasource differs on purpose (ours names the database file); the models are compared.
  const body = (t: string): string => t.slice(t.indexOf('}\n') + 2);
  const text = body(oursText) === body(prismaText) ? 'same' : 'differs';
  // Valid for Prisma's validator and for ours.
  return { cells: [valid.valid ? (prisma.model ? 'yes' : 'ours rejects') : 'no', roundTrip, same, text], ourErrors: prisma.errors };
}
