// Opening the user's library at launch: create the file on a first run, bring its schema up to this build of the
// app by applying the migrations bundled into it, then hand back the typed client. Copy this file into your app.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate, type MigrateResult } from '@spacepos/codegen/migrate';
import { createClient, type CodegenClient } from '../generated/index.js';
// Written by `codegen migrate bundle -o src/migrations.generated.ts` in the build: the SQL ships inside the app, so
// an installed copy needs no migrations folder on disk, and it can't be edited after the fact.
import { migrations } from './migrations.generated.js';

export interface OpenLibrary {
  readonly db: CodegenClient;
  readonly migration: MigrateResult;
  /** How long `migrate()` took: opening the file and loading SQLite (~10 ms of it, paid once per process) included. */
  readonly migrateMs: number;
}

/**
 * Throws `MigrationError` when a migration fails: the library is then exactly as it was before that migration, and
 * the app should say so and quit rather than run against a schema it was not built for.
 */
export function openLibrary(file: string, onMigrationStart?: (name: string) => void): OpenLibrary {
  mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  // Synchronous on purpose: nothing may read or write the library before it has the schema this build expects.
  // Safe when two processes launch at once: each migration takes SQLite's write lock, and a process that waited
  // skips what the other applied (no lock file that a crash could leave behind).
  const migration = migrate({
    path: file, // created when missing: the first launch is a new install
    migrations,
    backup: { keep: 3 }, // before changing an existing library (an app update), a copy beside it; none when up to date
    onMigrationStart,
  });
  const migrateMs = performance.now() - started;
  const db = createClient(file);
  useWal(db);
  return { db, migration, migrateMs };
}

/**
 * WAL: the app's reads never wait for its writes. It is a setting of the file, kept once set. Two processes that
 * launch at once may both switch at the same moment; SQLite then refuses one at once with SQLITE_BUSY (it cannot wait
 * for a lock the other holds while waiting for its own), and that one tries again: the other's switch takes
 * milliseconds, after which the file is in WAL already.
 */
function useWal(db: CodegenClient): void {
  for (let attempt = 1; ; attempt++) {
    try {
      if (db.$db.pragma('journal_mode', { simple: true }) !== 'wal') db.$db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || attempt === 100) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // 10 ms, synchronously: this runs at launch
    }
  }
}
