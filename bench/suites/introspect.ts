/**
 * Introspection cost against database size: 100, 1,000 and 5,000 tables, each with a few columns, an index and a
 * foreign key to the previous table. The catalog is read in a fixed number of queries, so time should grow
 * linearly with the number of tables (a flat per-table cost), split into SQLite's side (the PRAGMA joins) and ours
 * (parsing the DDL and building the model).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { CATALOG_QUERY_COUNT, readCatalog } from '../../src/sqlite/catalog.ts';
import type { DatabaseConnection } from '../../src/sqlite/connection.ts';
import { buildDatabaseModel, introspectDatabase } from '../../src/sqlite/introspect.ts';
import { openDatabase } from '../../src/sqlite/open.ts';
import { printTable, timeMedian, type BenchSuite } from '../suite.ts';

/** Prisma-style DDL for `count` tables. */
function generateDdl(count: number): string {
  const statements: string[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? 'T0' : `T${i - 1}`;
    statements.push(
      `CREATE TABLE "T${i}" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL COLLATE NOCASE,
    "score" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parentId" INTEGER,
    CONSTRAINT "T${i}_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "${parent}" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);`,
      `CREATE INDEX "T${i}_parentId_idx" ON "T${i}"("parentId");`,
    );
  }
  return statements.join('\n');
}

function createBenchDatabase(file: string, tables: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('BEGIN');
  db.exec(generateDdl(tables));
  db.exec('COMMIT');
  db.close();
}

export const introspectSuite: BenchSuite = {
  name: 'introspect',
  title: 'introspection time against the number of tables',
  async run({ workDir, quick }) {
    const sizes = quick ? [100, 1000] : [100, 1000, 5000];
    const runs = quick ? 3 : 7;
    const rows: (string | number)[][] = [];
    let baselinePerTable = 0;
    const files = sizes.map((tables) => {
      const file = path.join(workDir, `tables-${tables}.db`);
      createBenchDatabase(file, tables);
      return file;
    });
    // Warm the JIT on the largest database first, so that the smallest size is not measured cold.
    const warm = openDatabase(files.at(-1)!, { readonly: true });
    for (let i = 0; i < 3; i++) introspectDatabase(warm);
    warm.close();
    for (const [k, tables] of sizes.entries()) {
      const file = files[k]!;
      const conn = openDatabase(file, { readonly: true });
      let queries = 0;
      const counting: DatabaseConnection = {
        path: conn.path,
        capabilities: conn.capabilities,
        query: (sql, params) => (queries++, conn.query(sql, params)),
        runAtomic: () => {
          throw new Error('introspection never writes');
        },
        close: () => conn.close(),
      };
      const internal = conn.capabilities.internalTables;
      const total = timeMedian(() => introspectDatabase(counting), runs);
      const queriesPerRun = queries / (runs + 1);
      const catalog = readCatalog(conn, internal);
      const sqlite = timeMedian(() => readCatalog(conn, internal), runs);
      const build = timeMedian(() => buildDatabaseModel(catalog, internal), runs);
      const cold = timeMedian(() => {
        const fresh = openDatabase(file, { readonly: true });
        introspectDatabase(fresh);
        fresh.close();
      }, runs);
      const model = introspectDatabase(conn).model;
      if (model.tables.length !== tables) throw new Error(`expected ${tables} tables, got ${model.tables.length}`);
      conn.close();
      const perTable = (total / tables) * 1000;
      if (baselinePerTable === 0) baselinePerTable = perTable;
      rows.push([tables.toLocaleString('en'), total.toFixed(1), sqlite.toFixed(1), build.toFixed(1), cold.toFixed(1), perTable.toFixed(1), (perTable / baselinePerTable).toFixed(2), queriesPerRun]);
    }
    printTable(['tables', 'median ms', 'SQLite ms', 'model ms', 'open+introspect ms', 'µs/table', 'vs 100', 'queries'], rows);
    console.log(`\n  ${CATALOG_QUERY_COUNT} queries per introspection at every size; a flat µs/table column means linear growth.`);
  },
};
