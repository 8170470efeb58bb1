/**
 * The cost of `migrate()` at app launch: 100 applied migrations and nothing pending, in-process, with the
 * migrations bundled into the app (the packaged-app case) and read from a folder on disk. Target: under 2 ms.
 * Also the time to apply those 100 migrations to a new database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../src/api/migrate.ts';
import { readMigrationsFolder } from '../../src/migrate/folder.ts';
import { printTable, timeMedian, type BenchSuite } from '../suite.ts';

export const migrateSuite: BenchSuite = {
  name: 'migrate',
  title: 'migrate() at launch with 100 applied migrations and nothing pending',
  async run({ workDir, quick }) {
    const dir = path.join(workDir, 'migrations');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "sqlite"\n');
    for (let i = 1; i <= 100; i++) {
      const name = `2024${String(Math.floor(i / 28) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}000000_step_${i}`;
      mkdirSync(path.join(dir, name));
      const sql =
        `-- CreateTable\nCREATE TABLE "T${i}" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "name" TEXT NOT NULL,\n    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n\n` +
        `-- CreateIndex\nCREATE INDEX "T${i}_name_idx" ON "T${i}"("name");\n`;
      writeFileSync(path.join(dir, name, 'migration.sql'), sql);
    }
    const bundled = readMigrationsFolder(dir).migrations.map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum }));
    const file = path.join(workDir, 'app.db');
    const firstRun = (() => {
      const t = performance.now();
      migrate({ path: file, migrations: bundled });
      return performance.now() - t;
    })();
    const db = new Database(file);
    const runs = quick ? 50 : 500;
    const bundledMs = timeMedian(() => migrate({ db, migrations: bundled }), runs, 20);
    const folderMs = timeMedian(() => migrate({ db, migrationsDir: dir }), runs, 20);
    const byPathMs = timeMedian(() => migrate({ path: file, migrations: bundled }), runs, 20);
    db.close();
    printTable(
      ['case', 'median ms'],
      [
        ['bundled migrations, app connection (db)', bundledMs.toFixed(3)],
        ['migrations folder on disk, app connection (db)', folderMs.toFixed(3)],
        ['bundled migrations, open by path (includes open/close)', byPathMs.toFixed(3)],
        ['first launch: apply all 100 to a new database', firstRun.toFixed(1)],
      ],
    );
  },
};
