/**
 * Migrations against real histories and against Prisma:
 * 1. `codegen migrate deploy` of every corpus history into an empty database (then a no-op second deploy,
 *    `migrate status` exit 0, and `diff --from-db --to-schema` empty or explained);
 * 2. compatibility both ways with Prisma's own migration engine (a database Prisma migrated is up to date for
 *    us; a database we migrated has nothing to apply for Prisma);
 * 3. Spacedrive's out-of-order merge, applied as the history grew.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { printTable } from '../../bench/suite.ts';
import { migrationChecksum } from '../../src/migrate/checksum.ts';
import { readMigrationsFolder } from '../../src/migrate/folder.ts';
import { loadOracle } from '../oracle.ts';
import type { Section } from '../section.ts';
import { corpusProjects, EXPLAINED_DRIFT } from './corpus-projects.ts';

function cli(root: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/codegen.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

function historyRows(file: string): { migration_name: string; checksum: string; finished_at: string | null }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY started_at, rowid').all() as never;
  } finally {
    db.close();
  }
}

export const migrateSection: Section = {
  name: 'migrate',
  title: 'migrations: deploy every corpus history, Prisma compatibility, out-of-order merges',
  async run({ corpus, root }) {
    let ok = true;
    const work = mkdtempSync(path.join(os.tmpdir(), 'codegen-migrate-conf-'));
    try {
      // 1. Deploy every history.
      const rows: (string | number)[][] = [];
      for (const p of corpusProjects(corpus)) {
        const db = path.join(work, `${p.name.replace(/\//g, '_')}.db`);
        const migrations = readMigrationsFolder(p.migrations).migrations;
        const deploy = cli(root, ['migrate', 'deploy', '--db', db, '--migrations', p.migrations, '--schema', p.schema], work);
        const problems: string[] = [];
        if (deploy.code !== 0) problems.push(`deploy exit ${deploy.code}: ${deploy.out.split('\n').find((l) => /error/.test(l)) ?? ''}`);
        const recorded = deploy.code === 0 ? historyRows(db) : [];
        const checksumsOk = migrations.every((m) => recorded.some((r) => r.migration_name === m.name && r.checksum === migrationChecksum(readFileSync(m.origin)) && r.finished_at !== null));
        if (deploy.code === 0 && (recorded.length !== migrations.length || !checksumsOk)) problems.push(`history rows ${recorded.length}/${migrations.length}${checksumsOk ? '' : ', checksum mismatch'}`);
        const second = cli(root, ['migrate', 'deploy', '--db', db, '--migrations', p.migrations, '--schema', p.schema], work);
        if (!/No pending migrations/.test(second.out)) problems.push('second deploy was not a no-op');
        const status = cli(root, ['migrate', 'status', '--db', db, '--migrations', p.migrations, '--schema', p.schema], work);
        if (status.code !== 0) problems.push(`status exit ${status.code}`);
        const diff = cli(root, ['diff', '--from-db', db, '--to-schema', p.schema, '--exit-code'], work);
        const explained = EXPLAINED_DRIFT[p.name];
        const diffNote = diff.code === 0 ? 'empty' : diff.code === 2 && explained ? 'explained drift' : `exit ${diff.code}`;
        if (diff.code !== 0 && !(diff.code === 2 && explained)) problems.push(`diff ${diffNote}`);
        const legacy = /M423/.test(deploy.out) ? ' (double-quoted literal run as a string)' : '';
        rows.push([p.name, migrations.length, problems.length ? `FAIL: ${problems.join('; ')}` : `ok, diff ${diffNote}${legacy}`]);
        if (problems.length) ok = false;
      }
      console.log('\n  codegen migrate deploy of every corpus history into an empty database');
      printTable(['project', 'migrations', 'result'], rows);

      // 3. Spacedrive's out-of-order merge: the history as it grew.
      const spacedrive = path.join(corpus, 'spacedrive/migrations');
      const all = readMigrationsFolder(spacedrive).migrations;
      const late = '20240710015044_add_info_colum_to_job';
      const early = all.filter((m) => m.name <= '20240712155557_create_storage_statistics_table' && m.name !== late);
      const partial = path.join(work, 'spacedrive-partial');
      mkdirSync(partial);
      cpSync(path.join(spacedrive, 'migration_lock.toml'), path.join(partial, 'migration_lock.toml'));
      for (const m of early) cpSync(path.dirname(m.origin), path.join(partial, m.name), { recursive: true });
      const grown = path.join(work, 'spacedrive-grown.db');
      const firstDeploy = cli(root, ['migrate', 'deploy', '--db', grown, '--migrations', partial], work);
      const secondDeploy = cli(root, ['migrate', 'deploy', '--db', grown, '--migrations', spacedrive], work);
      const names = secondDeploy.code === 0 ? historyRows(grown).map((r) => r.migration_name) : [];
      const once = names.length === all.length && new Set(names).size === all.length;
      const lateApplied = names.indexOf(late) > names.indexOf('20240712155557_create_storage_statistics_table');
      console.log(
        `\n  Spacedrive as it grew: ${early.length} migrations first (without ${late}), then all ${all.length}: ` +
          (firstDeploy.code === 0 && once && lateApplied ? `every migration applied once; ${late} applied after the newer ones` : `FAIL (${firstDeploy.code}/${secondDeploy.code}, ${names.length} rows)`),
      );
      if (!(firstDeploy.code === 0 && once && lateApplied)) ok = false;

      // 2. Compatibility with Prisma's engine.
      const oracle = loadOracle();
      if (!oracle) {
        console.log('\n  Prisma oracle not installed: skipping the compatibility checks.');
      } else {
        const compat: (string | number)[][] = [];
        for (const p of corpusProjects(corpus)) {
          const byPrisma = path.join(work, `${p.name.replace(/\//g, '_')}.prisma.db`);
          const byUs = path.join(work, `${p.name.replace(/\//g, '_')}.db`);
          let prismaApplied = 'n/a';
          let ours = 'n/a';
          try {
            const applied = await oracle.applyMigrations(byPrisma, p.migrations);
            prismaApplied = `${applied.appliedMigrationNames.length} applied`;
            const status = cli(root, ['migrate', 'status', '--db', byPrisma, '--migrations', p.migrations], work);
            ours = status.code === 0 ? 'up to date' : `status exit ${status.code}`;
            if (status.code !== 0) ok = false;
          } catch (e) {
            prismaApplied = `Prisma failed: ${(e as Error).message.slice(0, 60)}`;
          }
          let prismaOnOurs = 'n/a';
          try {
            const again = await oracle.applyMigrations(byUs, p.migrations);
            prismaOnOurs = again.appliedMigrationNames.length === 0 ? 'nothing to apply' : `would apply ${again.appliedMigrationNames.length}`;
            if (again.appliedMigrationNames.length !== 0) ok = false;
          } catch (e) {
            prismaOnOurs = `Prisma failed: ${(e as Error).message.slice(0, 60)}`;
            ok = false;
          }
          compat.push([p.name, prismaApplied, ours, prismaOnOurs]);
        }
        console.log('\n  Compatibility with Prisma\'s migration engine (applyMigrations = `prisma migrate deploy`)');
        printTable(['project', 'Prisma deploys', 'our status on it', 'Prisma on our database'], compat);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return { ok, summary: ok ? 'every history deploys; compatible with Prisma both ways; out-of-order merge applies once' : 'see the failures above' };
  },
};
