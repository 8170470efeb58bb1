// Creates an example's database from its schema (empty → schema SQL from the diff engine), replacing any old one.
// `npm run example` runs this until `migrate dev` takes over the step.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { loadSchema } from '../src/api.ts';
import { databaseModelFromSchema } from '../src/database/from-schema.ts';
import { EMPTY_DATABASE } from '../src/database/model.ts';
import { diffDatabases } from '../src/diff/diff.ts';
import { planMigration } from '../src/plan/plan.ts';
import { renderMigrationScript } from '../src/plan/render.ts';

const [cwd, dbPath] = process.argv.slice(2) as [string, string];
const { schema, ok } = loadSchema({ cwd });
if (!ok || !schema) throw new Error('the example schema is invalid');
const to = databaseModelFromSchema(schema);
const sql = renderMigrationScript(planMigration(EMPTY_DATABASE, to, diffDatabases(EMPTY_DATABASE, to)).steps);
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbPath + suffix, { force: true });
const db = new Database(dbPath);
db.exec(sql);
db.close();
console.log(`created ${dbPath} with ${to.tables.length} tables`);
